import type { Migration } from '../schema';

/**
 * v3: dosage inputs. Raw GPS fixes are never stored row by row: an import keeps its row
 * accounting and what the return needs (device visits per hotspot, device time in windows).
 * Owned by shared/dosage/; unshipped until the release that adds it, so it may still change.
 */
export const v3Dosage: Migration = {
  version: 3,
  description: 'dosage imports (GPS fixes, patrol records), device visits, patrol records',
  sql: `
CREATE TABLE dosage_imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('fixes', 'records')),
  plan_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  accepted INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  summary TEXT NOT NULL,
  UNIQUE (plan_id, kind, content_hash)
);

CREATE TABLE dosage_rejections (
  import_id INTEGER NOT NULL REFERENCES dosage_imports(id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  column_name TEXT,
  reason TEXT NOT NULL,
  raw TEXT
);

CREATE TABLE device_visits (
  import_id INTEGER NOT NULL REFERENCES dosage_imports(id) ON DELETE CASCADE,
  device TEXT NOT NULL,
  hotspot_id TEXT NOT NULL,
  start_utc INTEGER NOT NULL,
  end_utc INTEGER NOT NULL,
  fixes INTEGER NOT NULL
);
CREATE INDEX device_visits_hotspot ON device_visits(hotspot_id, start_utc);

-- Per device and local day: seconds of fix time inside the plan's patrol windows, and of that
-- the seconds spent inside hotspots (the compliance share).
CREATE TABLE device_days (
  import_id INTEGER NOT NULL REFERENCES dosage_imports(id) ON DELETE CASCADE,
  device TEXT NOT NULL,
  local_date TEXT NOT NULL,
  window_seconds REAL NOT NULL,
  hotspot_seconds REAL NOT NULL,
  PRIMARY KEY (import_id, device, local_date)
);

CREATE TABLE patrol_records (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES dosage_imports(id) ON DELETE CASCADE,
  dedupe_key TEXT NOT NULL UNIQUE,
  hotspot_id TEXT NOT NULL,
  start_utc INTEGER NOT NULL,
  end_utc INTEGER NOT NULL,
  officers INTEGER NOT NULL,
  outcomes TEXT NOT NULL
);
`,
};
