import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from './schema';
import { recordKey } from '../records/recordKey';
import { rememberModule } from '../records/directBind';

export const PROJECT_APP_ID = 'hotspot-planner';

/** Raised for a file that is not a project, or one this version cannot open. */
export class ProjectFormatError extends Error {
  override name = 'ProjectFormatError';
}

export function readSchemaVersion(db: Database): number {
  const r = db.exec('PRAGMA user_version');
  return Number(r[0]?.values[0]?.[0] ?? 0);
}

/** Brings a database up to `target` (default: current) by replaying migrations in order. */
export function migrate(db: Database, target = CURRENT_SCHEMA_VERSION): void {
  registerFunctions(db);
  const from = readSchemaVersion(db);
  if (from > CURRENT_SCHEMA_VERSION) {
    throw new ProjectFormatError(
      `This project was saved by a newer Hotspot Planner (schema version ${from}); ` +
        `this version reads up to schema version ${CURRENT_SCHEMA_VERSION}. Update the app to open it.`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= from || m.version > target) continue;
    db.exec('BEGIN');
    try {
      db.exec(m.sql);
      db.exec(`PRAGMA user_version = ${m.version}`);
      db.run(
        `INSERT INTO project_meta(key, value) VALUES ('schema_version', ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        [String(m.version)],
      );
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw new Error(`Migration to schema v${m.version} failed: ${(e as Error).message}`);
    }
  }
}

/**
 * SQL functions the schema relies on, registered on every connection: hp_key() is the dedupe
 * key (shared/repository/records/recordKey.ts), used by the v4 migration and by the triggers
 * that keep the `crimes` and `stop_searches` views writable. (Tools without it can still read.)
 */
export function registerFunctions(db: Database): void {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- sql.js passes text, a number or null here
  db.create_function('hp_key', (text: unknown) => recordKey(String(text ?? '')));
}

/** A fresh, empty project at the current schema. */
export function createProjectDb(SQL: SqlJsStatic, name = 'Untitled project'): Database {
  const db = new SQL.Database();
  rememberModule(db, SQL);
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db);
  setMeta(db, 'app', PROJECT_APP_ID);
  setMeta(db, 'name', name);
  setMeta(db, 'created_at', new Date().toISOString());
  return db;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Opens project bytes, refusing non-projects and newer schemas with a clear message. */
export function openProjectDb(SQL: SqlJsStatic, bytes: Uint8Array, fileName = 'project'): Database {
  const magic = new TextDecoder().decode(bytes.subarray(0, 16));
  if (bytes.length < 100 || magic !== SQLITE_MAGIC) {
    throw new ProjectFormatError(`${fileName} is not a Hotspot Planner project (not an SQLite file).`);
  }
  const db = new SQL.Database(bytes);
  rememberModule(db, SQL);
  try {
    db.exec('PRAGMA foreign_keys = ON');
    const version = readSchemaVersion(db);
    if (version === 0 || getMeta(db, 'app') !== PROJECT_APP_ID) {
      throw new ProjectFormatError(`${fileName} is an SQLite file but not a Hotspot Planner project.`);
    }
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof ProjectFormatError) throw e;
    throw new ProjectFormatError(`${fileName} could not be opened: ${(e as Error).message}`);
  }
}

export function getMeta(db: Database, key: string): string | undefined {
  try {
    const stmt = db.prepare('SELECT value FROM project_meta WHERE key = ?');
    try {
      stmt.bind([key]);
      return stmt.step() ? String(stmt.get()[0]) : undefined;
    } finally {
      stmt.free();
    }
  } catch {
    return undefined;
  }
}

export function setMeta(db: Database, key: string, value: string): void {
  db.run(
    `INSERT INTO project_meta(key, value) VALUES (?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    [key, value],
  );
}

/** Runs a query and returns rows as objects; for small result sets (tables, reports). */
export function queryAll<T = Record<string, SqlValue>>(db: Database, sql: string, params: SqlValue[] = []): T[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const out: T[] = [];
    while (stmt.step()) out.push(stmt.getAsObject() as T);
    return out;
  } finally {
    stmt.free();
  }
}
