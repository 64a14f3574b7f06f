import type { ProjectDb as Database } from '../repository/db';
import { deleteMeta, readMetaByPrefix, writeMeta } from '../repository/projectMeta';
import type { EditMark } from './editMark';

/**
 * Provenance of edits to harm schemes and category sets. An analyst who changes one CCHI
 * weight must not be able to publish a map still labelled plain "CCHI, derived category
 * averages", so every edit is counted against a baseline (the installed default, or the
 * scheme/set as first created) and the count and date go into the label everywhere.
 *
 * Stored in project_meta as JSON, one row per item, keyed `harm_edit:scheme:<id>` or
 * `harm_edit:set:<id>` (no schema change: project files of any version carry it):
 *   { "baseline": {...weights} | {...rule},   // absent for an untouched installed default
 *     "edited": { "on": "2026-11-30", "changes": 3 } }   // absent when equal to the baseline
 */

export type { EditMark } from './editMark';

export type EditKind = 'scheme' | 'set';

export interface EditRecord<B> {
  baseline?: B;
  edited?: EditMark;
}

const metaKey = (kind: EditKind, id: string) => `harm_edit:${kind}:${id}`;

export function readEditRecord<B>(db: Database, kind: EditKind, id: string): EditRecord<B> | null {
  return readEditRecords<B>(db, kind).get(id) ?? null;
}

/** Every record of a kind, by item id (one query for a list of schemes or sets). */
export function readEditRecords<B>(db: Database, kind: EditKind): Map<string, EditRecord<B>> {
  const prefix = `harm_edit:${kind}:`;
  const out = new Map<string, EditRecord<B>>();
  for (const [id, value] of readMetaByPrefix(db, prefix)) {
    try {
      out.set(id, JSON.parse(value) as EditRecord<B>);
    } catch {
      // A damaged record loses only the mark; the weights themselves are in their own table.
    }
  }
  return out;
}

export function writeEditRecord<B>(db: Database, kind: EditKind, id: string, rec: EditRecord<B>): void {
  if (rec.baseline === undefined && rec.edited === undefined) deleteEditRecord(db, kind, id);
  else writeMeta(db, metaKey(kind, id), JSON.stringify(rec));
}

export function deleteEditRecord(db: Database, kind: EditKind, id: string): void {
  deleteMeta(db, metaKey(kind, id));
}
