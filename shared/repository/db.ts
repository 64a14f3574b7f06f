import type { Database, SqlJsStatic, SqlValue } from 'sql.js';

/**
 * The project database as the rest of shared/ sees it. Only shared/repository (and the
 * lead-owned import and project folders) run SQL on it; analysis code passes it through to
 * repository reads and works on the plain data they return.
 */
export type ProjectDb = Database;

export type { SqlJsStatic, SqlValue };

/**
 * Runs `body` in a savepoint: everything it wrote is rolled back when it throws (cancel
 * included). A savepoint, not BEGIN, so callers may already be inside a transaction.
 */
export function inSavepoint<T>(db: ProjectDb, name: string, body: () => T): T {
  db.exec(`SAVEPOINT ${name}`);
  try {
    const r = body();
    db.exec(`RELEASE ${name}`);
    return r;
  } catch (e) {
    db.exec(`ROLLBACK TO ${name}`);
    db.exec(`RELEASE ${name}`);
    throw e;
  }
}

/** Runs `body` in BEGIN ... COMMIT, rolling back when it throws. Not nestable: see inSavepoint. */
export function inTransaction<T>(db: ProjectDb, body: () => T): T {
  db.exec('BEGIN');
  try {
    const r = body();
    db.exec('COMMIT');
    return r;
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}

/** Rows changed since the connection opened: a cheap "has anything changed" stamp for caches. */
export function totalChanges(db: ProjectDb): number {
  return Number(db.exec('SELECT total_changes()')[0]?.values[0]?.[0] ?? 0);
}

/** The first column of every row of a query, as strings (DISTINCT month lists and the like). */
export function firstColumn(db: ProjectDb, sql: string, params: SqlValue[] = []): string[] {
  return (db.exec(sql, params)[0]?.values ?? []).map((v) => String(v[0]));
}

/**
 * Whether a transaction is open (an import writing). sql.js exports by closing and reopening
 * the database, which would end it; SQLite refuses a nested BEGIN, which is the test.
 */
export function isWriting(db: ProjectDb): boolean {
  try {
    db.exec('BEGIN');
  } catch {
    return true;
  }
  db.exec('ROLLBACK');
  return false;
}

/**
 * A savepoint held open across awaits (an import reads its file between statements): release()
 * keeps what was written, rollback() undoes it; either ends the savepoint.
 */
export function openSavepoint(db: ProjectDb, name: string): { release(): void; rollback(): void } {
  db.exec(`SAVEPOINT ${name}`);
  return {
    release: () => db.exec(`RELEASE ${name}`),
    rollback: () => {
      db.exec(`ROLLBACK TO ${name}`);
      db.exec(`RELEASE ${name}`);
    },
  };
}
