import { queryAll, setMeta } from '../project/projectDb';
import type { ProjectDb } from './db';

/**
 * project_meta rows other than the project's own settings: edit provenance of harm schemes
 * and category sets, and the UI state slots. (getMeta/setMeta live with the project file.)
 */

/** Every row whose key starts with `prefix`, the prefix cut off: key -> value. */
export function readMetaByPrefix(db: ProjectDb, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of queryAll<{ key: string; value: string }>(
    db,
    'SELECT key, value FROM project_meta WHERE substr(key, 1, ?) = ? ORDER BY key',
    [prefix.length, prefix],
  )) {
    out.set(r.key.slice(prefix.length), r.value);
  }
  return out;
}

export function writeMeta(db: ProjectDb, key: string, value: string): void {
  setMeta(db, key, value);
}

export function deleteMeta(db: ProjectDb, key: string): void {
  db.run('DELETE FROM project_meta WHERE key = ?', [key]);
}
