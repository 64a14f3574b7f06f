import type { ProjectDb as Database } from '../repository/db';
import { getMeta, setMeta } from '../project/projectDb';
import { inSavepoint } from '../repository/db';
import { readMetaByPrefix } from '../repository/projectMeta';
import { deleteImportWardCounts, importExists } from '../repository/records/importRecords';
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
  const rows = readMetaByPrefix(db, 'import_removed:');
  return new Map([...rows].map(([id, value]) => [Number(id), JSON.parse(value) as ImportRemoval]));
}

/**
 * Deletes every record one import brought in (crimes, stop and searches, ward counts) in one
 * transaction and notes the removal. Records that import found as duplicates belong to the
 * earlier import and stay. Re-importing the file afterwards brings its records back.
 */
export function removeImport(db: Database, importId: number, now: Date = new Date()): ImportRemoval {
  if (!importExists(db, importId)) throw new Error(`There is no import number ${importId} in this project.`);
  const previous = importRemoval(db, importId);
  if (previous) throw new Error(`Import number ${importId} was already removed on ${previous.removedAt.slice(0, 10)}.`);
  return inSavepoint(db, 'remove_import', () => {
    const records = deleteImportRecords(db, importId);
    const removal: ImportRemoval = { removedAt: now.toISOString(), ...records, wardCounts: deleteImportWardCounts(db, importId) };
    setMeta(db, KEY(importId), JSON.stringify(removal));
    return removal;
  });
}
