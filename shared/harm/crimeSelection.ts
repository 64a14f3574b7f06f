import type { ProjectDb as Database } from '../repository/db';
import { readCrimeColumns, readLatestCrimeMonth, type MonthRange } from '../repository/crimeReads';
import { describeRule, getCategorySet, makeMatcher, type CategorySet } from './categorySets';
import { getHarmScheme, type HarmScheme } from './harmSchemes';
import { weightsHash, weightsTable } from './editMark';
import { describeUnweighted, makeWeigher, type UnweightedReport, type Weigher } from './harmWeighting';

/** Which records an analysis uses. Months are inclusive 'YYYY-MM'. */
export interface CrimeFilter {
  from?: string;
  to?: string;
  /** police.uk crime types to keep (exact names); empty/undefined = all. */
  types?: string[];
  /** Category set id; undefined = all records. */
  categorySetId?: string;
  /** Harm scheme id; default 'count'. */
  schemeId?: string;
}

/** The selected records as columns (plain data). e/n are NaN when a record has no location. */
export interface SelectedCrimes {
  n: number;
  month: string[];
  crimeType: (string | null)[];
  wardCode: (string | null)[];
  committedFrom: (string | null)[];
  committedTo: (string | null)[];
  e: Float64Array;
  nn: Float64Array;
  /** Harm weight; NaN when the scheme has no weight for the record (see unweighted). */
  weight: Float64Array;
  outOfArea: Uint8Array;
  scheme: HarmScheme;
  categorySet: CategorySet | null;
  unweighted: UnweightedReport;
  /** Plain-language notes on the selection, for the method statement. */
  notes: string[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function checkMonth(m: string | undefined, what: string): void {
  if (m !== undefined && !MONTH.test(m)) throw new Error(`${what} must be a month as YYYY-MM (got "${m}").`);
}

export function loadScheme(db: Database, schemeId = 'count'): HarmScheme {
  const s = getHarmScheme(db, schemeId);
  if (s) return s;
  if (schemeId === 'count') {
    return { id: 'count', label: 'Count', keyKind: 'count', description: 'Every record counts 1.', source: '', weights: {} };
  }
  throw new Error(`No harm scheme "${schemeId}" in this project.`);
}

/**
 * Loads crimes for a period, type list and category set, with each record's harm weight.
 * Records lacking BNG but having lon/lat are projected here.
 */
/**
 * What every record query shares: the scheme and its weigher, the category set, the type list,
 * the month bounds as SQL, and the notes that say what was selected. One place, so the ward
 * table, the profile and the grid select records by exactly the same rules.
 */
export interface SelectionContext {
  scheme: HarmScheme;
  categorySet: CategorySet | null;
  weigher: Weigher;
  /** The months selected (inclusive; an open end reads all). */
  range: MonthRange;
  /** True when a record passes the type list and the category set. */
  keep(type: string | null, code: string | null, flags: string | null): boolean;
  /** Whether keep() needs the flags column (only with a category set). */
  needsFlags: boolean;
  /** Plain-language notes on the selection, for method statements; call after weighing. */
  notes(): string[];
}

export function selectionContext(db: Database, f: CrimeFilter): SelectionContext {
  checkMonth(f.from, 'From');
  checkMonth(f.to, 'To');
  const scheme = loadScheme(db, f.schemeId);
  const categorySet = f.categorySetId ? getCategorySet(db, f.categorySetId) : null;
  if (f.categorySetId && !categorySet) throw new Error(`No category set "${f.categorySetId}" in this project.`);
  const matcher = categorySet ? makeMatcher(categorySet.rule) : null;
  const types = f.types?.length ? new Set(f.types.map((t) => t.trim().toLowerCase())) : null;
  const weigher = makeWeigher(scheme);
  return {
    scheme, categorySet, weigher,
    range: { from: f.from, to: f.to },
    needsFlags: matcher !== null,
    keep: (type, code, flags) => (!types || (type !== null && types.has(type.trim().toLowerCase()))) && (!matcher || matcher(type, code, flags)),
    notes: () => {
      const notes: string[] = [];
      // First: callers read the unweighted note as the last one.
      const wl = schemeWeightsLine(scheme);
      if (wl) notes.push(wl);
      if (types) notes.push(`crime types: ${f.types!.join(', ')}`);
      if (categorySet) notes.push(`category set "${categorySet.label}" (${describeRule(categorySet.rule)})`);
      const uw = describeUnweighted(weigher.report(), scheme);
      if (uw) notes.push(uw);
      return notes;
    },
  };
}

export function selectCrimes(db: Database, f: CrimeFilter): SelectedCrimes {
  const ctx = selectionContext(db, f);
  const { scheme, categorySet, weigher } = ctx;
  const c = readCrimeColumns(db, ctx.range, { month: true, ward: true, committed: true, flags: ctx.needsFlags, ordered: true }, ctx.keep);
  const weight = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++) weight[i] = weigher.weigh(c.crimeType[i]!, c.offenceCode[i]!);
  const unweighted = weigher.report();
  const notes = ctx.notes();
  return {
    n: c.n, month: c.month!, crimeType: c.crimeType, wardCode: c.wardCode!, committedFrom: c.committedFrom!, committedTo: c.committedTo!,
    e: c.e, nn: c.nn, weight, outOfArea: c.outOfArea, scheme, categorySet, unweighted, notes,
  };
}

/**
 * How every figure names its scheme: "count (every record = 1)", or the label (with its edit
 * mark, if edited) plus the key kind and a short hash of the exact weight table, e.g.
 * "CCHI, derived category averages (edited 30 Nov 2026, 3 changes) (weights by police.uk
 * category; table #1a2b3c4d)". Two outputs with the same hash used the same weights.
 */
export function schemeName(s: HarmScheme): string {
  if (s.keyKind === 'count') return 'count (every record = 1)';
  const kind = s.keyKind === 'category' ? 'police.uk category' : 'Home Office offence code';
  return `${s.label} (weights by ${kind}; table #${weightsHash(s.weights)})`;
}

/** The full weight table for method notes: "weights: key=w; key=w" (null for count). */
export function schemeWeightsLine(s: HarmScheme): string | null {
  if (s.keyKind === 'count') return null;
  return `weights: ${weightsTable(s.weights) || '(none)'}`;
}

/** Latest month in the crimes table, or null when it is empty. */
export function latestMonth(db: Database): string | null {
  return readLatestCrimeMonth(db);
}

/** Shifts a 'YYYY-MM' month by k months. */
export function addMonths(m: string, k: number): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7)) - 1 + k;
  const yy = y + Math.floor(mo / 12);
  const mm = ((mo % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}
