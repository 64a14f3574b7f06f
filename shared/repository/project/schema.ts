/**
 * Project file schema. A project is one SQLite database; `PRAGMA user_version` and the
 * `project_meta.schema_version` row both hold the version so that a file can be checked
 * without trusting either alone. Migrations only ever append: a released version's SQL is
 * never edited, so a project written by any earlier version opens by replaying the rest.
 */
import { v2Plans } from './migrations/v2Plans';
import { v3Dosage } from './migrations/v3Dosage';
import { v4CompactRecords } from './migrations/v4CompactRecords';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** v1: boundaries, imports with their accounting, crimes, harm schemes and category sets. */
const v1: Migration = {
  version: 1,
  description: 'boundaries, imports, crimes, stop-and-search, ward counts, harm schemes, category sets',
  sql: `
CREATE TABLE project_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Area layers (wards by default). Geometry is GeoJSON in WGS84; district is the
-- policing district (the local authority in West Yorkshire).
CREATE TABLE areas (
  layer TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  district_code TEXT,
  district_name TEXT,
  population REAL,
  geometry TEXT NOT NULL,
  PRIMARY KEY (layer, code)
);

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  out_of_area INTEGER NOT NULL,
  mapping TEXT
);

CREATE TABLE import_rejections (
  import_id INTEGER NOT NULL REFERENCES imports(id),
  line INTEGER NOT NULL,
  column_name TEXT,
  reason TEXT NOT NULL,
  raw TEXT
);

-- One row per crime record. Every stored record has both lon/lat and BNG (or neither,
-- when it was placed by LSOA or ward code). placed_by says how ward_code was found.
CREATE TABLE crimes (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,
  crime_ref TEXT,
  month TEXT NOT NULL,
  committed_from TEXT,
  committed_to TEXT,
  crime_type TEXT,
  offence_code TEXT,
  lon REAL, lat REAL, easting REAL, northing REAL,
  location TEXT,
  lsoa_code TEXT,
  ward_code TEXT,
  placed_by TEXT NOT NULL,
  out_of_area INTEGER NOT NULL DEFAULT 0,
  outcome TEXT,
  flags TEXT
);
CREATE INDEX crimes_month ON crimes(month);
CREATE INDEX crimes_ward ON crimes(ward_code);

CREATE TABLE stop_searches (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,
  occurred_at TEXT NOT NULL,
  month TEXT NOT NULL,
  search_type TEXT,
  lon REAL, lat REAL, easting REAL, northing REAL,
  ward_code TEXT,
  placed_by TEXT NOT NULL,
  out_of_area INTEGER NOT NULL DEFAULT 0,
  legislation TEXT,
  object_of_search TEXT,
  outcome TEXT,
  record TEXT
);

CREATE TABLE ward_counts (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,
  ward_code TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  crime_type TEXT NOT NULL,
  count REAL NOT NULL
);

-- A saved column mapping, keyed by the normalised header so the next file of the
-- same shape is mapped the same way.
CREATE TABLE import_mappings (
  signature TEXT PRIMARY KEY,
  mapping TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE harm_schemes (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  key_kind TEXT NOT NULL CHECK (key_kind IN ('count', 'category', 'offence_code')),
  description TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT ''
);
CREATE TABLE harm_weights (
  scheme_id TEXT NOT NULL REFERENCES harm_schemes(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  weight REAL NOT NULL,
  PRIMARY KEY (scheme_id, key)
);

-- rule is JSON: { "categories": [...], "offenceCodes": [...], "flags": [...] };
-- a record belongs to the set when it matches any listed category, code or flag.
CREATE TABLE category_sets (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  rule TEXT NOT NULL
);
`,
};

/**
 * The ordered migration list. To change the schema, append a new entry (v2, v3, ...);
 * never edit an entry that has shipped.
 */
export const MIGRATIONS: readonly Migration[] = [v1, v2Plans, v3Dosage, v4CompactRecords];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
