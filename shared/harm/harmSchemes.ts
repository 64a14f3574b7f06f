import type { Database } from 'sql.js';
import { queryAll } from '../project/projectDb';
import { normaliseOffenceCode } from './offenceCodes';

export type HarmKeyKind = 'count' | 'category' | 'offence_code';

export interface HarmScheme {
  id: string;
  label: string;
  keyKind: HarmKeyKind;
  description: string;
  source: string;
  /** key (police.uk category, or normalised Home Office offence code) -> weight. Empty for count. */
  weights: Record<string, number>;
}

export interface HarmSchemeSummary {
  id: string;
  label: string;
  keyKind: HarmKeyKind;
  description: string;
  source: string;
  weightCount: number;
}

export function listHarmSchemes(db: Database): HarmSchemeSummary[] {
  return queryAll<HarmSchemeSummary>(
    db,
    `SELECT s.id, s.label, s.key_kind AS keyKind, s.description, s.source,
            (SELECT COUNT(*) FROM harm_weights w WHERE w.scheme_id = s.id) AS weightCount
     FROM harm_schemes s ORDER BY CASE s.key_kind WHEN 'count' THEN 0 ELSE 1 END, s.label`,
  );
}

export function getHarmScheme(db: Database, id: string): HarmScheme | null {
  const rows = queryAll<{ id: string; label: string; keyKind: HarmKeyKind; description: string; source: string }>(
    db,
    'SELECT id, label, key_kind AS keyKind, description, source FROM harm_schemes WHERE id = ?',
    [id],
  );
  const s = rows[0];
  if (!s) return null;
  const weights: Record<string, number> = {};
  for (const w of queryAll<{ key: string; weight: number }>(
    db,
    'SELECT key, weight FROM harm_weights WHERE scheme_id = ? ORDER BY key',
    [id],
  )) {
    weights[w.key] = w.weight;
  }
  return { ...s, weights };
}

/**
 * Finds a scheme by id, then by label (case-insensitive); "cchi" is a shorthand for the
 * default category scheme. Returns null when nothing matches.
 */
export function resolveHarmScheme(db: Database, nameOrId: string): HarmScheme | null {
  const key = nameOrId.trim();
  if (key.toLowerCase() === 'cchi') return getHarmScheme(db, 'cchi-category');
  const byId = getHarmScheme(db, key);
  if (byId) return byId;
  const byLabel = queryAll<{ id: string }>(db, 'SELECT id FROM harm_schemes WHERE lower(label) = lower(?)', [key]);
  return byLabel[0] ? getHarmScheme(db, byLabel[0].id) : null;
}

function validate(s: HarmScheme): void {
  if (!s.id.trim()) throw new Error('A harm scheme needs an id.');
  if (!s.label.trim()) throw new Error('A harm scheme needs a name.');
  if (!['count', 'category', 'offence_code'].includes(s.keyKind)) {
    throw new Error(`Unknown harm scheme kind "${s.keyKind}".`);
  }
  for (const [k, w] of Object.entries(s.weights)) {
    if (!Number.isFinite(w) || w < 0) throw new Error(`Weight for "${k}" must be a number >= 0 (got ${w}).`);
  }
}

/** Creates or replaces a scheme and all its weights (one transaction). */
export function saveHarmScheme(db: Database, scheme: HarmScheme): void {
  validate(scheme);
  db.exec('BEGIN');
  try {
    db.run(
      `INSERT INTO harm_schemes(id, label, key_kind, description, source) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET label = excluded.label, key_kind = excluded.key_kind,
         description = excluded.description, source = excluded.source`,
      [scheme.id, scheme.label, scheme.keyKind, scheme.description, scheme.source],
    );
    db.run('DELETE FROM harm_weights WHERE scheme_id = ?', [scheme.id]);
    const stmt = db.prepare('INSERT INTO harm_weights(scheme_id, key, weight) VALUES (?, ?, ?)');
    try {
      for (const [k, w] of Object.entries(scheme.weights)) {
        const key = scheme.keyKind === 'offence_code' ? normaliseOffenceCode(k) : k.trim();
        stmt.run([scheme.id, key, w]);
      }
    } finally {
      stmt.free();
    }
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}

/** Creates a scheme; refuses an id that exists (use updateHarmScheme to change one). */
export function createHarmScheme(db: Database, scheme: HarmScheme): void {
  if (getHarmScheme(db, scheme.id)) throw new Error(`A harm scheme with id "${scheme.id}" already exists.`);
  saveHarmScheme(db, scheme);
}

export function updateHarmScheme(db: Database, scheme: HarmScheme): void {
  if (!getHarmScheme(db, scheme.id)) throw new Error(`No harm scheme with id "${scheme.id}".`);
  saveHarmScheme(db, scheme);
}

export function deleteHarmScheme(db: Database, id: string): void {
  db.run('DELETE FROM harm_weights WHERE scheme_id = ?', [id]);
  db.run('DELETE FROM harm_schemes WHERE id = ?', [id]);
}
