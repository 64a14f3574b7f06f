import { describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { loadSqlJs } from '../../../cli/sqlNode';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from '../../../shared/project/schema';
import { createProjectDb, getMeta, migrate, openProjectDb, ProjectFormatError, readSchemaVersion, setMeta } from '../../../shared/project/projectDb';

function schemaOf(db: Database): string[] {
  const r = db.exec("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
  return (r[0]?.values ?? []).map((v) => `${v[0]} ${v[1]}: ${String(v[2]).replace(/\s+/g, ' ')}`);
}

describe('project schema and migrations', () => {
  it('numbers migrations 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(CURRENT_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('a new project is at the current version, in both user_version and project_meta', async () => {
    const db = createProjectDb(await loadSqlJs(), 'Test');
    expect(readSchemaVersion(db)).toBe(CURRENT_SCHEMA_VERSION);
    expect(getMeta(db, 'schema_version')).toBe(String(CURRENT_SCHEMA_VERSION));
    expect(getMeta(db, 'app')).toBe('hotspot-planner');
  });

  it.each(MIGRATIONS.map((m) => m.version))('a project written at v%i migrates up to the same schema as a new one, keeping its data', async (v) => {
    const SQL = await loadSqlJs();
    const old = new SQL.Database();
    migrate(old, v);
    setMeta(old, 'app', 'hotspot-planner');
    setMeta(old, 'name', `written at v${v}`);
    old.run(`INSERT INTO areas(layer, code, name, geometry) VALUES ('wards', 'E05000001', 'Test ward', '{"type":"Polygon","coordinates":[]}')`);
    expect(readSchemaVersion(old)).toBe(v);
    const reopened = openProjectDb(SQL, old.export(), `v${v}.hotspot`);
    expect(readSchemaVersion(reopened)).toBe(CURRENT_SCHEMA_VERSION);
    expect(schemaOf(reopened)).toEqual(schemaOf(createProjectDb(SQL)));
    expect(getMeta(reopened, 'name')).toBe(`written at v${v}`);
    expect(reopened.exec('SELECT name FROM areas')[0]!.values).toEqual([['Test ward']]);
  });

  it('refuses a project from a newer schema version with a message saying to update', async () => {
    const SQL = await loadSqlJs();
    const db = createProjectDb(SQL);
    db.exec(`PRAGMA user_version = ${CURRENT_SCHEMA_VERSION + 1}`);
    expect(() => openProjectDb(SQL, db.export(), 'future.hotspot')).toThrowError(
      new ProjectFormatError(
        `This project was saved by a newer Hotspot Planner (schema version ${CURRENT_SCHEMA_VERSION + 1}); ` +
          `this version reads up to schema version ${CURRENT_SCHEMA_VERSION}. Update the app to open it.`,
      ),
    );
  });

  it('refuses files that are not projects, naming the file', async () => {
    const SQL = await loadSqlJs();
    expect(() => openProjectDb(SQL, new TextEncoder().encode('Crime ID,Month\n'.repeat(20)), 'crimes.csv')).toThrow(
      'crimes.csv is not a Hotspot Planner project (not an SQLite file).',
    );
    const other = new SQL.Database();
    other.exec('CREATE TABLE t(x)');
    expect(() => openProjectDb(SQL, other.export(), 'other.sqlite')).toThrow('other.sqlite is an SQLite file but not a Hotspot Planner project.');
  });

  it('round-trips through bytes', async () => {
    const SQL = await loadSqlJs();
    const db = createProjectDb(SQL, 'Round trip');
    const again = openProjectDb(SQL, db.export(), 'x.hotspot');
    expect(getMeta(again, 'name')).toBe('Round trip');
  });
});
