import type { ProjectDb as Database } from '../repository/db';
import { inTransaction } from '../repository/db';
import {
  deleteHarmSchemeRows, findHarmSchemeIdByLabel, readHarmSchemeList, readHarmSchemeRow, readHarmWeights, writeHarmScheme,
} from '../repository/harmSchemes';
import { CCHI_CATEGORY_SCHEME_ID, CCHI_WEST_YORKSHIRE_BY_CATEGORY, COUNT_SCHEME_ID } from './defaultSchemes';
import { countWeightChanges, markedLabel, nextEditMark, stripEditMark, weightsHash, type EditMark } from './editMark';
import { deleteEditRecord, readEditRecord, readEditRecords, writeEditRecord, type EditRecord } from './editProvenance';
import { normaliseOffenceCode } from './offenceCodes';

export type HarmKeyKind = 'count' | 'category' | 'offence_code';

export interface HarmScheme {
  id: string;
  /**
   * The name every output shows: the stored name, plus "(edited 30 Nov 2026, 3 changes)"
   * when the weights differ from the baseline. Saving strips the mark again.
   */
  label: string;
  keyKind: HarmKeyKind;
  description: string;
  source: string;
  /** key (police.uk category, or normalised Home Office offence code) -> weight. Empty for count. */
  weights: Record<string, number>;
  /** Filled when read from a project: the stored name, without the edit mark. */
  name?: string;
  /** Filled when read: how the weights differ from the baseline; null when they do not. */
  edited?: EditMark | null;
  /** Filled when read: 8 hex digits naming the exact weight table (see weightsHash). */
  weightsHash?: string;
  /** Filled when read: the weights "Reset" restores (installed default, or as first created). */
  baselineWeights?: Record<string, number> | null;
}

export interface HarmSchemeSummary {
  id: string;
  label: string;
  name: string;
  keyKind: HarmKeyKind;
  description: string;
  source: string;
  weightCount: number;
  edited: EditMark | null;
}

type Baseline = Record<string, number>;

/** Installed defaults a scheme is compared with when no baseline was recorded for it. */
function defaultWeights(id: string): Baseline | null {
  if (id === CCHI_CATEGORY_SCHEME_ID) return { ...CCHI_WEST_YORKSHIRE_BY_CATEGORY };
  if (id === COUNT_SCHEME_ID) return {};
  return null;
}

function baselineOf(id: string, rec: EditRecord<Baseline> | null | undefined): Baseline | null {
  return rec?.baseline ?? defaultWeights(id);
}

export function listHarmSchemes(db: Database): HarmSchemeSummary[] {
  const edits = readEditRecords<Baseline>(db, 'scheme');
  return readHarmSchemeList(db).map((row) => {
    const s = { ...row, keyKind: row.keyKind as HarmKeyKind };
    const edited = liveMark(s.id, edits.get(s.id), () => readHarmWeights(db, s.id));
    return { ...s, name: s.label, label: markedLabel(s.label, edited), edited };
  });
}

/**
 * The mark as the stored weights stand now, not only as the last save recorded it: an
 * installed default edited before provenance was kept (or behind the app's back) is still
 * marked, with its date unknown. A user scheme with no recorded baseline cannot be judged.
 */
function liveMark(id: string, rec: EditRecord<Baseline> | null | undefined, weights: () => Record<string, number>): EditMark | null {
  const baseline = baselineOf(id, rec);
  if (!baseline) return null;
  const changes = countWeightChanges(baseline, weights());
  return changes ? { on: rec?.edited?.on ?? '', changes } : null;
}

export function getHarmScheme(db: Database, id: string): HarmScheme | null {
  const row = readHarmSchemeRow(db, id);
  if (!row) return null;
  const s = { ...row, keyKind: row.keyKind as HarmKeyKind };
  const weights = readHarmWeights(db, id);
  const rec = readEditRecord<Baseline>(db, 'scheme', id);
  const edited = liveMark(id, rec, () => weights);
  return {
    ...s, label: markedLabel(s.label, edited), weights,
    name: s.label, edited, weightsHash: weightsHash(weights), baselineWeights: baselineOf(id, rec),
  };
}

/**
 * Finds a scheme by id, then by label (case-insensitive); "cchi" is a shorthand for the
 * default category scheme. Returns null when nothing matches.
 */
export function resolveHarmScheme(db: Database, nameOrId: string): HarmScheme | null {
  const key = stripEditMark(nameOrId.trim());
  if (key.toLowerCase() === 'cchi') return getHarmScheme(db, 'cchi-category');
  const byId = getHarmScheme(db, key);
  if (byId) return byId;
  const byLabel = findHarmSchemeIdByLabel(db, key);
  return byLabel !== null ? getHarmScheme(db, byLabel) : null;
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

/**
 * Creates or replaces a scheme and all its weights (one transaction), and records how the
 * weights now differ from the scheme's baseline (the installed default, or the weights it
 * was created with): the count and `now`'s date become part of its label everywhere.
 */
export function saveHarmScheme(db: Database, scheme: HarmScheme, now: Date = new Date()): void {
  validate(scheme);
  const priorSource = readHarmSchemeRow(db, scheme.id)?.source;
  const exists = priorSource !== undefined;
  const prior = exists ? readHarmWeights(db, scheme.id) : null;
  // A user scheme given a whole new table with a new source (a CSV loaded over it) starts a
  // new baseline: the source line then says where the weights came from. Installed defaults
  // always compare with the installed table, whatever source a caller gives.
  const newTable = exists && priorSource !== scheme.source && defaultWeights(scheme.id) === null;
  const rec = exists && !newTable ? readEditRecord<Baseline>(db, 'scheme', scheme.id) : null;
  inTransaction(db, () => {
    writeHarmScheme(
      db,
      { id: scheme.id, label: stripEditMark(scheme.label), keyKind: scheme.keyKind, description: scheme.description, source: scheme.source },
      Object.entries(scheme.weights).map(([k, w]): [string, number] => [scheme.keyKind === 'offence_code' ? normaliseOffenceCode(k) : k.trim(), w]),
    );
    const saved = readHarmWeights(db, scheme.id);
    // A scheme saved before provenance existed is compared with what it held until now.
    const baseline = newTable ? saved : (baselineOf(scheme.id, rec) ?? prior ?? saved);
    const recordBaseline = defaultWeights(scheme.id) === null || rec?.baseline !== undefined;
    const changedNow = prior === null || countWeightChanges(prior, saved) > 0;
    writeEditRecord<Baseline>(db, 'scheme', scheme.id, {
      baseline: recordBaseline ? baseline : undefined,
      edited: nextEditMark(countWeightChanges(baseline, saved), changedNow, rec?.edited, now),
    });
  });
}

/** Creates a scheme; refuses an id that exists (use updateHarmScheme to change one). */
export function createHarmScheme(db: Database, scheme: HarmScheme, now: Date = new Date()): void {
  if (getHarmScheme(db, scheme.id)) throw new Error(`A harm scheme with id "${scheme.id}" already exists.`);
  saveHarmScheme(db, scheme, now);
}

export function updateHarmScheme(db: Database, scheme: HarmScheme): void {
  if (!getHarmScheme(db, scheme.id)) throw new Error(`No harm scheme with id "${scheme.id}".`);
  saveHarmScheme(db, scheme);
}

/** Restores the baseline weights (installed default, or as created): the edit mark goes. */
export function resetHarmScheme(db: Database, id: string, now: Date = new Date()): HarmScheme {
  const s = getHarmScheme(db, id);
  if (!s) throw new Error(`No harm scheme with id "${id}".`);
  if (!s.baselineWeights) throw new Error(`Harm scheme "${s.name}" has no recorded original weights to reset to.`);
  saveHarmScheme(db, { ...s, weights: s.baselineWeights }, now);
  return getHarmScheme(db, id)!;
}

export function deleteHarmScheme(db: Database, id: string): void {
  deleteHarmSchemeRows(db, id);
  deleteEditRecord(db, 'scheme', id);
}
