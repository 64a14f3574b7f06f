import type { SqlValue, Statement } from 'sql.js';
import type { PlaceFields } from './placeDict';

/**
 * Where an import's rows go. The format handlers build one row of values in the readable
 * column order of the `crimes` / `stop_searches` views; a sink stores it in the compact tables.
 */
export interface RecordSink {
  /** Stores the row; false when it is a duplicate of a stored record (nothing is written). */
  add(values: readonly SqlValue[], placement: PlaceFields | null, placeText?: string | null): boolean;
  /** Writes what is buffered; call before the import's transaction ends. */
  finish(): void;
  /** Makes room for about `rows` more records before a big file (a hint: any number of rows still fits). */
  reserve?(rows: number): void;
  free(): void;
}

/** Small helper for identity checks: equal values, with null equal only to null/undefined. */
export function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null, y = b[i] ?? null;
    if (x !== y) return false;
  }
  return true;
}

/** Whether any of records `ids`, read by a prepared one-row identity query, matches. */
export function anyStored(stmt: Statement, ids: readonly number[], matches: (found: SqlValue[]) => boolean): boolean {
  for (const id of ids) {
    const found = storedRow(stmt, id);
    if (found && matches(found)) return true;
  }
  return false;
}

/** The stored identity of record `id` by a prepared one-row query, or null when it is gone. */
function storedRow(stmt: Statement, id: number): SqlValue[] | null {
  stmt.bind([id]);
  const found = stmt.step() ? stmt.get() : null;
  stmt.reset();
  return found;
}
