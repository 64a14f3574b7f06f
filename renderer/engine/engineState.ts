import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { sqlWasmUrl } from './demoAssets';

/**
 * The worker's single open project. Only the worker touches the database: the UI thread
 * never parses, scores or queries.
 */
let sqlPromise: Promise<SqlJsStatic> | undefined;
let current: Database | undefined;
let dirty = false;

export function sql(): Promise<SqlJsStatic> {
  sqlPromise ??= initSqlJs({ locateFile: () => sqlWasmUrl });
  return sqlPromise;
}

export function db(): Database {
  if (!current) throw new Error('No project is open.');
  return current;
}

export function replaceDb(next: Database): void {
  current?.close();
  current = next;
  dirty = false;
}

/** Swaps in another handle on the same project (e.g. reopened with room for a bulk import); keeps the unsaved state. */
export function swapDb(next: Database): void {
  current = next;
}

export function markDirty(): void {
  dirty = true;
}

export function markSaved(): void {
  dirty = false;
}

export function isDirty(): boolean {
  return dirty;
}
