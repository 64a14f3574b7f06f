import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Database, SqlValue } from 'sql.js';
import { fileSource, fixturePath } from '../../../cli/fixtures';
import { loadSqlJs } from '../../../cli/sqlNode';
import { runImport } from '../../../shared/import/runImport';
import { openProjectDb, readSchemaVersion } from '../../../shared/project/projectDb';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/project/schema';
import { recordKey } from '../../../shared/repository/records/recordKey';

/**
 * fixtures/projects/v1-project.hotspot was written by the schema-v1 app (commit 1e8ef37, the last
 * before v2): the police.uk May 2018 sample for West Yorkshire, the real August 2021
 * stop-and-search file, a force extract with times, offence codes and flags, ward counts, ASB rows
 * without ids (two identical), rows placed by LSOA and by ward field, rejections and duplicates.
 */
const V1 = fixturePath('projects/v1-project.hotspot');

function all(db: Database, sql: string): Record<string, SqlValue>[] {
  const r = db.exec(sql)[0];
  return r ? r.values.map((v) => Object.fromEntries(r.columns.map((c, i) => [c, v[i]!]))) : [];
}

const CRIME_COLS = 'id, import_id, crime_ref, month, committed_from, committed_to, crime_type, offence_code, lon, lat, easting, northing, location, lsoa_code, ward_code, placed_by, out_of_area, outcome, flags';
const SEARCH_COLS = 'id, import_id, occurred_at, month, search_type, lon, lat, easting, northing, ward_code, placed_by, out_of_area, legislation, object_of_search, outcome, record';

describe('migrating a real v1 project file', () => {
  it('keeps every record with the same values, behind views with the v1 columns', async () => {
    const SQL = await loadSqlJs();
    const bytes = new Uint8Array(readFileSync(V1));
    const raw = new SQL.Database(bytes);
    expect(readSchemaVersion(raw)).toBe(1);
    const before = {
      crimes: all(raw, `SELECT ${CRIME_COLS} FROM crimes ORDER BY id`),
      searches: all(raw, `SELECT ${SEARCH_COLS} FROM stop_searches ORDER BY id`),
      keys: all(raw, 'SELECT dedupe_key FROM crimes ORDER BY id').map((r) => r.dedupe_key as string),
      others: ['imports', 'import_rejections', 'ward_counts', 'areas', 'harm_weights', 'category_sets', 'project_meta']
        .map((t) => all(raw, `SELECT * FROM ${t} ORDER BY 1, 2`).filter((r) => !(t === 'project_meta' && r.key === 'schema_version'))),
    };
    raw.close();
    expect(before.crimes).toHaveLength(1611 + 3 + 1 + 6 + 3 + 3 + 3);
    expect(before.searches).toHaveLength(1312);
    expect(before.crimes.some((c) => c.committed_from !== null && c.flags !== null && c.offence_code !== null)).toBe(true);

    const db = openProjectDb(SQL, bytes, 'v1-project.hotspot');
    expect(readSchemaVersion(db)).toBe(CURRENT_SCHEMA_VERSION);
    expect(all(db, `SELECT ${CRIME_COLS} FROM crimes ORDER BY id`)).toEqual(before.crimes);
    expect(all(db, `SELECT ${SEARCH_COLS} FROM stop_searches ORDER BY id`)).toEqual(before.searches);
    expect(all(db, 'SELECT dedupe_key FROM crimes ORDER BY id').map((r) => r.dedupe_key)).toEqual(before.keys.map(recordKey));
    const others = ['imports', 'import_rejections', 'ward_counts', 'areas', 'harm_weights', 'category_sets', 'project_meta']
      .map((t) => all(db, `SELECT * FROM ${t} ORDER BY 1, 2`).filter((r) => !(t === 'project_meta' && r.key === 'schema_version')));
    expect(others).toEqual(before.others);
    // The compact tables hold them, and the v1 tables are gone.
    expect(all(db, "SELECT type FROM sqlite_master WHERE name IN ('crimes', 'stop_searches') ORDER BY name")).toEqual([{ type: 'view' }, { type: 'view' }]);
    expect(all(db, 'SELECT COUNT(*) AS n FROM crime_rows')).toEqual([{ n: 1630 }]);
    db.close();
  });

  it('re-importing files the v1 project already holds adds nothing: migrated keys match new ones', async () => {
    const SQL = await loadSqlJs();
    const db = openProjectDb(SQL, new Uint8Array(readFileSync(V1)), 'v1-project.hotspot');
    for (const [file, rows] of [
      ['west-yorkshire-street_2018-05_sample_saf98.csv', 1611],
      ['import/asb-blank-ids.csv', 3],
      ['2021-08-west-yorkshire-stop-and-search.csv', 1312],
    ] as const) {
      const r = await runImport(db, await fileSource(fixturePath(file)));
      expect({ file, read: r.rowsRead, imported: r.imported, duplicates: r.duplicates }).toEqual({ file, read: rows, imported: 0, duplicates: rows });
    }
    db.close();
  });
});
