import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { sqlWasmUrl } from './demoAssets';

/**
 * The worker's single open project. Only the worker touches the database: the UI thread
 * never parses, scores or queries.
 */
let sqlPromise: Promise<SqlJsStatic> | undefined;
let current: Database | undefined;
let dirty = false;
let generation = 0;
const onReplace: (() => void)[] = [];

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
  generation++;
  // Results kept for exports (the last Gi* run, the last trends) belong to the old project.
  for (const f of onReplace) f();
}

/** Registers a reset to run whenever another project is opened. */
export function onProjectReplaced(f: () => void): void {
  onReplace.push(f);
}

/** How many projects this worker has opened; a new number means a different project. */
export function projectGeneration(): number {
  return generation;
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
