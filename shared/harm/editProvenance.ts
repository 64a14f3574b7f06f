import type { Database } from 'sql.js';
import { queryAll, setMeta } from '../project/projectDb';

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
export interface EditMark {
  /** UTC date of the last save that changed anything, YYYY-MM-DD. */
  on: string;
  /** Weights (or set rule entries) that differ from the baseline: changed, added or removed. */
  changes: number;
}

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
  for (const r of queryAll<{ key: string; value: string }>(db, 'SELECT key, value FROM project_meta WHERE substr(key, 1, ?) = ?', [prefix.length, prefix])) {
    try {
      out.set(r.key.slice(prefix.length), JSON.parse(r.value) as EditRecord<B>);
    } catch {
      // A damaged record loses only the mark; the weights themselves are in their own table.
    }
  }
  return out;
}

export function writeEditRecord<B>(db: Database, kind: EditKind, id: string, rec: EditRecord<B>): void {
  if (rec.baseline === undefined && rec.edited === undefined) deleteEditRecord(db, kind, id);
  else setMeta(db, metaKey(kind, id), JSON.stringify(rec));
}

export function deleteEditRecord(db: Database, kind: EditKind, id: string): void {
  db.run('DELETE FROM project_meta WHERE key = ?', [metaKey(kind, id)]);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "edited 30 Nov 2026, 3 changes". */
export function formatEditMark(m: EditMark): string {
  const [y, mo, d] = m.on.split('-').map(Number) as [number, number, number];
  return `edited ${d} ${MONTHS[mo - 1] ?? '?'} ${y}, ${m.changes} change${m.changes === 1 ? '' : 's'}`;
}

const MARK = / \(edited \d{1,2} [A-Z][a-z]{2} \d{4}, \d+ changes?\)$/;

/** "<name> (edited ...)" when edited: the label every list, table and file shows. */
export function markedLabel(name: string, edited: EditMark | null | undefined): string {
  return edited ? `${name} (${formatEditMark(edited)})` : name;
}

/** The stored name behind a shown label: saving a shown label must not store its mark. */
export function stripEditMark(label: string): string {
  return label.replace(MARK, '');
}

/** Keys whose weight differs, plus keys added or removed. */
export function countWeightChanges(a: Record<string, number>, b: Record<string, number>): number {
  let n = 0;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[k] !== b[k]) n++;
  return n;
}

/**
 * The mark after a save: none when equal to the baseline; otherwise today's date if this
 * save changed anything, else the date already recorded (re-saving the same table is no edit).
 */
export function nextEditMark(changes: number, changedNow: boolean, previous: EditMark | undefined, now: Date): EditMark | undefined {
  if (changes === 0) return undefined;
  if (!changedNow && previous) return { on: previous.on, changes };
  return { on: isoDay(now), changes };
}

/**
 * 8 hex digits of 32-bit FNV-1a over the UTF-8 of "key=weight\n" lines sorted by key (code
 * unit order, weights as JavaScript prints them). Not a security hash: a short name that
 * changes with any weight, so two outputs with the same label can be told apart.
 */
export function weightsHash(weights: Record<string, number>): string {
  const text = Object.keys(weights).sort(byCodeUnit).map((k) => `${k}=${weights[k]}\n`).join('');
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** "key=w; key=w" sorted by key: the full table for method notes. */
export function weightsTable(weights: Record<string, number>): string {
  return Object.keys(weights).sort(byCodeUnit).map((k) => `${k}=${weights[k]}`).join('; ');
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
