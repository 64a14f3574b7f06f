import { queryAll } from '../project/projectDb';
import type { ProjectDb } from './db';

/** A harm_schemes row as stored (the label without any edit mark). */
export interface HarmSchemeRow {
  id: string;
  label: string;
  keyKind: string;
  description: string;
  source: string;
}

export interface HarmSchemeListRow extends HarmSchemeRow {
  weightCount: number;
}

/** Every scheme, plain count first, then by label, with how many weights each holds. */
export function readHarmSchemeList(db: ProjectDb): HarmSchemeListRow[] {
  return queryAll<HarmSchemeListRow>(
    db,
    `SELECT s.id, s.label, s.key_kind AS keyKind, s.description, s.source,
            (SELECT COUNT(*) FROM harm_weights w WHERE w.scheme_id = s.id) AS weightCount
     FROM harm_schemes s ORDER BY CASE s.key_kind WHEN 'count' THEN 0 ELSE 1 END, s.label`,
  );
}

export function readHarmSchemeRow(db: ProjectDb, id: string): HarmSchemeRow | null {
  return queryAll<HarmSchemeRow>(
    db,
    'SELECT id, label, key_kind AS keyKind, description, source FROM harm_schemes WHERE id = ?',
    [id],
  )[0] ?? null;
}

/** The id of the scheme with this label (case-insensitive), or null. */
export function findHarmSchemeIdByLabel(db: ProjectDb, label: string): string | null {
  return queryAll<{ id: string }>(db, 'SELECT id FROM harm_schemes WHERE lower(label) = lower(?)', [label])[0]?.id ?? null;
}

/** A scheme's weights, key -> weight (empty when it has none or does not exist). */
export function readHarmWeights(db: ProjectDb, schemeId: string): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const w of queryAll<{ key: string; weight: number }>(
    db,
    'SELECT key, weight FROM harm_weights WHERE scheme_id = ? ORDER BY key',
    [schemeId],
  )) {
    weights[w.key] = w.weight;
  }
  return weights;
}

export function readHarmSchemeIds(db: ProjectDb): Set<string> {
  return new Set(queryAll<{ id: string }>(db, 'SELECT id FROM harm_schemes').map((r) => r.id));
}

/**
 * Creates or replaces a scheme row and replaces all its weights (keys as given: the caller
 * normalises them). The caller holds the transaction.
 */
export function writeHarmScheme(db: ProjectDb, row: HarmSchemeRow, weights: Iterable<[string, number]>): void {
  db.run(
    `INSERT INTO harm_schemes(id, label, key_kind, description, source) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET label = excluded.label, key_kind = excluded.key_kind,
       description = excluded.description, source = excluded.source`,
    [row.id, row.label, row.keyKind, row.description, row.source],
  );
  db.run('DELETE FROM harm_weights WHERE scheme_id = ?', [row.id]);
  const stmt = db.prepare('INSERT INTO harm_weights(scheme_id, key, weight) VALUES (?, ?, ?)');
  try {
    for (const [k, w] of weights) stmt.run([row.id, k, w]);
  } finally {
    stmt.free();
  }
}

export function deleteHarmSchemeRows(db: ProjectDb, id: string): void {
  db.run('DELETE FROM harm_weights WHERE scheme_id = ?', [id]);
  db.run('DELETE FROM harm_schemes WHERE id = ?', [id]);
}
