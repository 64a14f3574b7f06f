import type { Database } from 'sql.js';
import { getMeta, queryAll, setMeta } from '../project/projectDb';
import { deleteImportRecords } from '../repository/records/placeStore';

/** What a removal took out, kept in the project so the history can say so. */
export interface ImportRemoval {
  removedAt: string;
  crimes: number;
  stopSearches: number;
  wardCounts: number;
}

/**
 * Removals live in project_meta (`import_removed:<id>` -> JSON), not in a new column, so the
 * imports table and the schema version stay as they are; the imports row itself is kept, so the
 * history still shows what was imported, when, and that it was removed.
 */
const KEY = (id: number) => `import_removed:${id}`;

export function importRemoval(db: Database, importId: number): ImportRemoval | null {
  const raw = getMeta(db, KEY(importId));
  return raw ? (JSON.parse(raw) as ImportRemoval) : null;
}

/** Every removal in the project, by import id. */
export function importRemovals(db: Database): Map<number, ImportRemoval> {
  const rows = queryAll<{ key: string; value: string }>(db, "SELECT key, value FROM project_meta WHERE key LIKE 'import_removed:%'");
  return new Map(rows.map((r) => [Number(r.key.slice('import_removed:'.length)), JSON.parse(r.value) as ImportRemoval]));
}

/**
 * Deletes every record one import brought in (crimes, stop and searches, ward counts) in one
 * transaction and notes the removal. Records that import found as duplicates belong to the
 * earlier import and stay. Re-importing the file afterwards brings its records back.
 */
export function removeImport(db: Database, importId: number, now: Date = new Date()): ImportRemoval {
  const exists = queryAll(db, 'SELECT id FROM imports WHERE id = ?', [importId]).length > 0;
  if (!exists) throw new Error(`There is no import number ${importId} in this project.`);
  const previous = importRemoval(db, importId);
  if (previous) throw new Error(`Import number ${importId} was already removed on ${previous.removedAt.slice(0, 10)}.`);
  db.exec('SAVEPOINT remove_import');
  try {
    const del = (table: string) => {
      db.run(`DELETE FROM ${table} WHERE import_id = ?`, [importId]);
      return db.getRowsModified();
    };
    const records = deleteImportRecords(db, importId);
    const removal: ImportRemoval = { removedAt: now.toISOString(), ...records, wardCounts: del('ward_counts') };
    setMeta(db, KEY(importId), JSON.stringify(removal));
    db.exec('RELEASE remove_import');
    return removal;
  } catch (e) {
    db.exec('ROLLBACK TO remove_import');
    db.exec('RELEASE remove_import');
    throw e;
  }
}
