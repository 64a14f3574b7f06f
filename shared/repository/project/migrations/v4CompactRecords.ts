import type { Migration } from '../schema';
import { monthCodeSql, monthTextSql } from '../../records/monthCode';
import { refStoreSql, refTextSql } from '../../records/refCodec';

/**
 * v4: compact crime and stop-and-search storage (about 287 -> under 80 bytes a police.uk crime).
 * Repeated text goes to one dictionary, places (police.uk snap points) are stored once, months are
 * integers, a Crime ID is 32 bytes, the dedupe key a 47-bit integer with no index (the import
 * loads the keys; see shared/repository/records/keyIndex.ts). `crimes` and `stop_searches` become
 * views with the columns and values the v1 tables had, so queries written for v1 (ours, an
 * analyst's R or QGIS) keep working, and INSTEAD OF triggers keep them writable.
 *
 * The copy runs in SQL; hp_key() is the JavaScript recordKey(), registered on every connection by
 * projectDb.ts, so migrated keys equal the ones a fresh import computes and a re-import of an
 * already imported file still finds its duplicates.
 */
const T = (alias: string, col: string) => `LEFT JOIN text_dict ${alias} ON ${alias}.text = ${col}`;
const placeTuple = (lon: string, lat: string, e: string, n: string, loc: string, lsoa: string, ward: string, pb: string, ooa: string) =>
  `CAST(round(${lon} * 1e6) AS INTEGER), CAST(round(${lat} * 1e6) AS INTEGER), ${e}, ${n}, ${loc}, ${lsoa}, ${ward}, ${pb}, ${ooa}`;
const placeMatch = (lon: string, lat: string, e: string, n: string, loc: string, lsoa: string, ward: string, pb: string, ooa: string) =>
  `(SELECT p.id FROM places p WHERE p.lon_e6 IS CAST(round(${lon} * 1e6) AS INTEGER) AND p.lat_e6 IS CAST(round(${lat} * 1e6) AS INTEGER)
     AND p.easting IS ${e} AND p.northing IS ${n} AND p.location_id IS ${loc} AND p.lsoa_id IS ${lsoa} AND p.ward_id IS ${ward}
     AND p.placed_by_id IS ${pb} AND p.out_of_area IS ${ooa} LIMIT 1)`;
const occurrenceSql = (key: string) => `CASE WHEN instr(${key}, '#') > 0 THEN CAST(substr(${key}, instr(${key}, '#') + 1) AS INTEGER) END`;
const dictId = (v: string) => `(SELECT id FROM text_dict WHERE text = ${v})`;
const addTexts = (values: string[]) =>
  `INSERT OR IGNORE INTO text_dict(text) SELECT v FROM (${values.map((v, i) => `SELECT ${v}${i === 0 ? ' AS v' : ''}`).join(' UNION ALL ')}) WHERE v IS NOT NULL;`;

const crimeWrite = (verb: 'INSERT' | 'UPDATE') => `
  ${addTexts(['NEW.crime_type', 'NEW.outcome', 'NEW.location', 'NEW.lsoa_code', 'NEW.ward_code', 'NEW.placed_by'])}
  INSERT INTO places(lon_e6, lat_e6, easting, northing, location_id, lsoa_id, ward_id, placed_by_id, out_of_area)
    VALUES (${placeTuple('NEW.lon', 'NEW.lat', 'NEW.easting', 'NEW.northing', dictId('NEW.location'), dictId('NEW.lsoa_code'), dictId('NEW.ward_code'), dictId('NEW.placed_by'), 'COALESCE(NEW.out_of_area, 0)')});
  ${verb === 'INSERT'
    ? `INSERT INTO crime_rows(id, import_id, key, month, type_id, outcome_id, place_id, ref)
    VALUES (NEW.id, NEW.import_id, hp_key(NEW.dedupe_key), ${monthCodeSql('NEW.month')}, ${dictId('NEW.crime_type')}, ${dictId('NEW.outcome')},
      last_insert_rowid(), ${refStoreSql('NEW.crime_ref')});`
    : `UPDATE crime_rows SET import_id = NEW.import_id, month = ${monthCodeSql('NEW.month')}, type_id = ${dictId('NEW.crime_type')},
      outcome_id = ${dictId('NEW.outcome')}, place_id = last_insert_rowid(), ref = ${refStoreSql('NEW.crime_ref')},
      key = CASE WHEN NEW.dedupe_key IS OLD.dedupe_key THEN key ELSE hp_key(NEW.dedupe_key) END WHERE id = OLD.id;
  DELETE FROM crime_extras WHERE crime_id = OLD.id;`}
  INSERT INTO crime_extras(crime_id, committed_from, committed_to, offence_code, flags)
    SELECT ${verb === 'INSERT' ? 'last_insert_rowid()' : 'OLD.id'}, NEW.committed_from, NEW.committed_to, NEW.offence_code, NEW.flags
    WHERE COALESCE(NEW.committed_from, NEW.committed_to, NEW.offence_code, NEW.flags) IS NOT NULL;`;

const stopSearchWrite = `
  ${addTexts(['NEW.search_type', 'NEW.ward_code', 'NEW.placed_by', 'NEW.legislation', 'NEW.object_of_search', 'NEW.outcome', 'NEW.record'])}
  INSERT INTO places(lon_e6, lat_e6, easting, northing, location_id, lsoa_id, ward_id, placed_by_id, out_of_area)
    VALUES (${placeTuple('NEW.lon', 'NEW.lat', 'NEW.easting', 'NEW.northing', 'NULL', 'NULL', dictId('NEW.ward_code'), dictId('NEW.placed_by'), 'COALESCE(NEW.out_of_area, 0)')});
  INSERT INTO stop_search_rows(id, import_id, key, occurred_at, month, type_id, place_id, legislation_id, object_id, outcome_id, record_id)
    VALUES (NEW.id, NEW.import_id, hp_key(NEW.dedupe_key), NEW.occurred_at, ${monthCodeSql('NEW.month')}, ${dictId('NEW.search_type')},
      last_insert_rowid(), ${dictId('NEW.legislation')}, ${dictId('NEW.object_of_search')}, ${dictId('NEW.outcome')}, ${dictId('NEW.record')});`;

export const v4CompactRecords: Migration = {
  version: 4,
  description: 'compact crime and stop-and-search storage: text dictionary, shared places, integer months and keys; readable views',
  sql: `
CREATE TABLE text_dict (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);

CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  lon_e6 INTEGER, lat_e6 INTEGER,
  easting REAL, northing REAL,
  location_id INTEGER, lsoa_id INTEGER, ward_id INTEGER,
  placed_by_id INTEGER NOT NULL,
  out_of_area INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE crime_rows (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL,
  key INTEGER NOT NULL,
  month INTEGER NOT NULL,
  type_id INTEGER,
  outcome_id INTEGER,
  place_id INTEGER NOT NULL,
  ref BLOB,
  occurrence INTEGER
);

CREATE TABLE crime_extras (
  crime_id INTEGER PRIMARY KEY,
  committed_from TEXT,
  committed_to TEXT,
  offence_code TEXT,
  flags TEXT
);

CREATE TABLE stop_search_rows (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL,
  key INTEGER NOT NULL,
  occurred_at TEXT NOT NULL,
  month INTEGER NOT NULL,
  type_id INTEGER,
  place_id INTEGER NOT NULL,
  legislation_id INTEGER,
  object_id INTEGER,
  outcome_id INTEGER,
  record_id INTEGER,
  occurrence INTEGER
);

INSERT OR IGNORE INTO text_dict(text)
  SELECT v FROM (
    SELECT crime_type AS v FROM crimes UNION SELECT outcome FROM crimes UNION SELECT location FROM crimes
    UNION SELECT lsoa_code FROM crimes UNION SELECT ward_code FROM crimes UNION SELECT placed_by FROM crimes
    UNION SELECT search_type FROM stop_searches UNION SELECT ward_code FROM stop_searches UNION SELECT placed_by FROM stop_searches
    UNION SELECT legislation FROM stop_searches UNION SELECT object_of_search FROM stop_searches
    UNION SELECT outcome FROM stop_searches UNION SELECT record FROM stop_searches)
  WHERE v IS NOT NULL ORDER BY v;

INSERT INTO places(lon_e6, lat_e6, easting, northing, location_id, lsoa_id, ward_id, placed_by_id, out_of_area)
  SELECT DISTINCT ${placeTuple('c.lon', 'c.lat', 'c.easting', 'c.northing', 'lo.id', 'ls.id', 'w.id', 'pb.id', 'c.out_of_area')}
  FROM crimes c ${T('lo', 'c.location')} ${T('ls', 'c.lsoa_code')} ${T('w', 'c.ward_code')} ${T('pb', 'c.placed_by')}
  UNION
  SELECT ${placeTuple('s.lon', 's.lat', 's.easting', 's.northing', 'NULL', 'NULL', 'w.id', 'pb.id', 's.out_of_area')}
  FROM stop_searches s ${T('w', 's.ward_code')} ${T('pb', 's.placed_by')};

CREATE INDEX migrate_places ON places(lon_e6, lat_e6, easting, northing, location_id, lsoa_id, ward_id, placed_by_id, out_of_area);

INSERT INTO crime_rows(id, import_id, key, month, type_id, outcome_id, place_id, ref, occurrence)
  SELECT c.id, c.import_id, hp_key(c.dedupe_key), ${monthCodeSql('c.month')}, ty.id, o.id,
    ${placeMatch('c.lon', 'c.lat', 'c.easting', 'c.northing', 'lo.id', 'ls.id', 'w.id', 'pb.id', 'c.out_of_area')},
    ${refStoreSql('c.crime_ref')}, CASE WHEN c.crime_ref IS NULL THEN ${occurrenceSql('c.dedupe_key')} END
  FROM crimes c ${T('ty', 'c.crime_type')} ${T('o', 'c.outcome')} ${T('lo', 'c.location')} ${T('ls', 'c.lsoa_code')}
    ${T('w', 'c.ward_code')} ${T('pb', 'c.placed_by')}
  ORDER BY c.id;

INSERT INTO crime_extras(crime_id, committed_from, committed_to, offence_code, flags)
  SELECT id, committed_from, committed_to, offence_code, flags FROM crimes
  WHERE COALESCE(committed_from, committed_to, offence_code, flags) IS NOT NULL ORDER BY id;

INSERT INTO stop_search_rows(id, import_id, key, occurred_at, month, type_id, place_id, legislation_id, object_id, outcome_id, record_id, occurrence)
  SELECT s.id, s.import_id, hp_key(s.dedupe_key), s.occurred_at, ${monthCodeSql('s.month')}, ty.id,
    ${placeMatch('s.lon', 's.lat', 's.easting', 's.northing', 'NULL', 'NULL', 'w.id', 'pb.id', 's.out_of_area')},
    le.id, ob.id, o.id, r.id, ${occurrenceSql('s.dedupe_key')}
  FROM stop_searches s ${T('ty', 's.search_type')} ${T('w', 's.ward_code')} ${T('pb', 's.placed_by')} ${T('le', 's.legislation')}
    ${T('ob', 's.object_of_search')} ${T('o', 's.outcome')} ${T('r', 's.record')}
  ORDER BY s.id;

DROP INDEX migrate_places;
DROP TABLE crimes;
DROP TABLE stop_searches;

CREATE VIEW crimes AS
SELECT c.id AS id, c.import_id AS import_id, c.key AS dedupe_key, ${refTextSql('c.ref')} AS crime_ref,
  ${monthTextSql('c.month')} AS month, x.committed_from AS committed_from, x.committed_to AS committed_to,
  ty.text AS crime_type, x.offence_code AS offence_code,
  p.lon_e6 / 1e6 AS lon, p.lat_e6 / 1e6 AS lat, p.easting AS easting, p.northing AS northing,
  lo.text AS location, ls.text AS lsoa_code, w.text AS ward_code, pb.text AS placed_by, p.out_of_area AS out_of_area,
  o.text AS outcome, x.flags AS flags
FROM crime_rows c
JOIN places p ON p.id = c.place_id
LEFT JOIN text_dict ty ON ty.id = c.type_id
LEFT JOIN text_dict o ON o.id = c.outcome_id
LEFT JOIN text_dict lo ON lo.id = p.location_id
LEFT JOIN text_dict ls ON ls.id = p.lsoa_id
LEFT JOIN text_dict w ON w.id = p.ward_id
LEFT JOIN text_dict pb ON pb.id = p.placed_by_id
LEFT JOIN crime_extras x ON x.crime_id = c.id;

CREATE VIEW stop_searches AS
SELECT s.id AS id, s.import_id AS import_id, s.key AS dedupe_key, s.occurred_at AS occurred_at,
  ${monthTextSql('s.month')} AS month, ty.text AS search_type,
  p.lon_e6 / 1e6 AS lon, p.lat_e6 / 1e6 AS lat, p.easting AS easting, p.northing AS northing,
  w.text AS ward_code, pb.text AS placed_by, p.out_of_area AS out_of_area,
  le.text AS legislation, ob.text AS object_of_search, o.text AS outcome, r.text AS record
FROM stop_search_rows s
JOIN places p ON p.id = s.place_id
LEFT JOIN text_dict ty ON ty.id = s.type_id
LEFT JOIN text_dict w ON w.id = p.ward_id
LEFT JOIN text_dict pb ON pb.id = p.placed_by_id
LEFT JOIN text_dict le ON le.id = s.legislation_id
LEFT JOIN text_dict ob ON ob.id = s.object_id
LEFT JOIN text_dict o ON o.id = s.outcome_id
LEFT JOIN text_dict r ON r.id = s.record_id;

CREATE TRIGGER crimes_insert INSTEAD OF INSERT ON crimes BEGIN ${crimeWrite('INSERT')}
END;
CREATE TRIGGER crimes_update INSTEAD OF UPDATE ON crimes BEGIN ${crimeWrite('UPDATE')}
END;
CREATE TRIGGER crimes_delete INSTEAD OF DELETE ON crimes BEGIN
  DELETE FROM crime_extras WHERE crime_id = OLD.id;
  DELETE FROM crime_rows WHERE id = OLD.id;
END;
CREATE TRIGGER stop_searches_insert INSTEAD OF INSERT ON stop_searches BEGIN ${stopSearchWrite}
END;
CREATE TRIGGER stop_searches_delete INSTEAD OF DELETE ON stop_searches BEGIN
  DELETE FROM stop_search_rows WHERE id = OLD.id;
END;
`,
};
