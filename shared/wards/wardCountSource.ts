import type { ProjectDb as Database } from '../repository/db';
import { readCrimeMonths, readLatestCrimeMonth } from '../repository/crimeReads';
import { readLatestWardCountMonth, readWardCountSums, type WardCountRangeSum } from '../repository/wardCounts';
import { canonicalCrimeType } from '../import/crimeTypes';
import type { Period } from './periodChange';

/** Which source a period's figures came from; stated in the ward table's method lines. */
export interface SourceUse {
  /** Months of the period with crime records (records are used for these months). */
  recordMonths: string[];
  /** Months of the period whose figures came from imported ward-level counts. */
  countMonths: string[];
  /** Months where both exist: records were used and the counts for them left out. */
  overlapMonths: string[];
  /** Count rows left out because their range runs past the period's start or end (they cannot be split by month). */
  straddling: number;
}

export interface WardCountGroup {
  ward: string;
  type: string;
  count: number;
}

const monthsIn = (from: string, to: string): string[] => {
  const out: string[] = [];
  let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7));
  for (let k = 0; k < 1200; k++) {
    const s = `${y}-${String(m).padStart(2, '0')}`;
    if (s > to) break;
    out.push(s);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
};

/** Months of the period that have crime records (optionally only in one ward). */
export function recordMonths(db: Database, p: Period, ward?: string): Set<string> {
  return new Set(readCrimeMonths(db, p, ward || undefined));
}

/**
 * Ward-level counts for a period, grouped by ward and crime type. Records win where both
 * sources cover a month (the project-wide record months, so one ward is never counted from
 * counts while its neighbours come from records); a count row is used only when all its months
 * lie in the period and none of them has records. Crime types are read as police.uk spells
 * them when they match one, so the scheme's category weights apply.
 */
export function wardCountsForPeriod(db: Database, p: Period, ward?: string): { groups: WardCountGroup[]; use: SourceUse } {
  return groupWardCounts(readWardCountSums(db, p.from, p.to, ward || undefined), recordMonths(db, p), p);
}

/** The rule of wardCountsForPeriod on plain data: count sums touching the period, and the months with records. */
export function groupWardCounts(rows: readonly WardCountRangeSum[], withRecords: ReadonlySet<string>, p: Period): { groups: WardCountGroup[]; use: SourceUse } {
  const countMonths = new Set<string>();
  const overlap = new Set<string>();
  let straddling = 0;
  const by = new Map<string, WardCountGroup>();
  for (const { ward: w, crimeType: type, fromMonth: fromM, toMonth: toM, count: n } of rows) {
    if (fromM < p.from || toM > p.to) { straddling++; continue; }
    const months = monthsIn(fromM, toM);
    const clash = months.filter((m) => withRecords.has(m));
    if (clash.length) { for (const m of clash) overlap.add(m); continue; }
    for (const m of months) countMonths.add(m);
    const t = canonicalCrimeType(type) ?? type.trim();
    const key = `${w}\u0000${t}`;
    const g = by.get(key) ?? { ward: w, type: t, count: 0 };
    g.count += n;
    by.set(key, g);
  }
  return {
    groups: [...by.values()],
    use: { recordMonths: [...withRecords].sort(), countMonths: [...countMonths].sort(), overlapMonths: [...overlap].sort(), straddling },
  };
}

/** Latest month with data in either source (records, or the end of a ward-count period). */
export function latestDataMonth(db: Database): string | null {
  const a = readLatestCrimeMonth(db), b = readLatestWardCountMonth(db);
  return a === null ? b : b === null ? a : (a > b ? a : b);
}

/** One method line: which source the period's figures came from. */
export function describeSourceUse(label: string, u: SourceUse): string {
  const span = (ms: string[]) => (ms.length === 0 ? '' : ms.length === 1 ? ms[0]! : `${ms[0]} to ${ms[ms.length - 1]} (${ms.length} months)`);
  const parts: string[] = [];
  if (u.recordMonths.length) parts.push(`crime records for ${span(u.recordMonths)}`);
  if (u.countMonths.length) parts.push(`imported ward-level counts for ${span(u.countMonths)}`);
  if (!parts.length) parts.push('no data');
  let s = `source (${label}): ${parts.join('; ')}`;
  if (u.overlapMonths.length) s += `; counts and records both cover ${u.overlapMonths.join(', ')}: records used, those counts left out`;
  if (u.straddling) s += `; ${u.straddling} count group${u.straddling === 1 ? '' : 's'} run past the period's edge and were left out`;
  return s;
}
