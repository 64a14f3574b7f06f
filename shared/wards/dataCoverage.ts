import type { ProjectDb as Database } from '../repository/db';
import { totalChanges } from '../repository/db';
import { readAreaDistricts } from '../repository/areas';
import { readCrimeMonthWards, readFlagMonths, readOffenceCodeMonths, readStopSearchMonthWards } from '../repository/crimeReads';
import { readWardCountRanges } from '../repository/wardCounts';
import { DEFAULT_LAYER } from '../areas/areaLayer';
import type { CategorySet } from '../harm/categorySets';
import type { HarmScheme } from '../harm/harmSchemes';
import type { Period } from './periodChange';

/** Months one source covers, overall and per policing district (district name -> months). */
export interface SourceCoverage {
  months: string[];
  byDistrict: Record<string, string[]>;
}

/**
 * Which months (and districts) each source of the project covers. A month a source does not
 * cover has no data: it must read "no data", never 0.
 */
export interface DataCoverage {
  crimes: SourceCoverage;
  wardCounts: SourceCoverage;
  stopSearches: SourceCoverage;
  /** Months with crime records or ward-level counts: the sources of every crime and harm figure. */
  crimeData: SourceCoverage;
  /** Latest month of crimeData, or null when the project has no crime data. */
  latest: string | null;
  /** Months whose records came from a file with flag columns (extracts; police.uk files have none). */
  flagMonths: string[];
  /** Months with at least one record carrying a Home Office offence code. */
  offenceCodeMonths: string[];
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const monthName = (m: string) => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

/** Every month of a period, in order. */
export function monthsOfPeriod(p: Period): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4)), m = Number(p.from.slice(5, 7));
  for (let k = 0; k < 1200; k++) {
    const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (s > p.to) break;
    out.push(s);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

function collect(rows: [string, string | null][]): SourceCoverage {
  const all = new Set<string>();
  const by = new Map<string, Set<string>>();
  for (const [month, district] of rows) {
    all.add(month);
    if (district) by.set(district, (by.get(district) ?? new Set()).add(month));
  }
  const byDistrict: Record<string, string[]> = {};
  for (const [d, ms] of [...by.entries()].sort(([a], [b]) => a.localeCompare(b))) byDistrict[d] = [...ms].sort();
  return { months: [...all].sort(), byDistrict };
}

function union(a: SourceCoverage, b: SourceCoverage): SourceCoverage {
  const byDistrict: Record<string, string[]> = {};
  for (const d of new Set([...Object.keys(a.byDistrict), ...Object.keys(b.byDistrict)])) {
    byDistrict[d] = [...new Set([...(a.byDistrict[d] ?? []), ...(b.byDistrict[d] ?? [])])].sort();
  }
  return { months: [...new Set([...a.months, ...b.months])].sort(), byDistrict };
}

/** Coverage per connection, reused until anything in the project changes (SQLite's total_changes()). */
const cache = new WeakMap<Database, { changes: number; layer: string; coverage: DataCoverage }>();

/**
 * Reads the coverage from the crimes, ward_counts and stop_searches tables. One scan of each
 * table's (month, ward) pairs; the result is cached per database until any row changes.
 */
export function dataCoverage(db: Database, layer = DEFAULT_LAYER): DataCoverage {
  const changes = totalChanges(db);
  const hit = cache.get(db);
  if (hit && hit.changes === changes && hit.layer === layer) return hit.coverage;
  const coverage = coverageFrom({
    districtOf: readAreaDistricts(db, layer),
    crimeMonthWards: readCrimeMonthWards(db),
    stopSearchMonthWards: readStopSearchMonthWards(db),
    wardCountRanges: readWardCountRanges(db),
    flagMonths: readFlagMonths(db),
    offenceCodeMonths: readOffenceCodeMonths(db),
  });
  cache.set(db, { changes, layer, coverage });
  return coverage;
}

/** What coverage is computed from: the project's (month, ward) pairs per source, as the repository reads them. */
export interface CoverageInputs {
  /** Area code -> district name. */
  districtOf: ReadonlyMap<string, string | null>;
  crimeMonthWards: readonly [string, string | null][];
  stopSearchMonthWards: readonly [string, string | null][];
  wardCountRanges: readonly { fromMonth: string; toMonth: string; ward: string }[];
  flagMonths: string[];
  offenceCodeMonths: string[];
}

export function coverageFrom(x: CoverageInputs): DataCoverage {
  const pairs = (rows: readonly [string, string | null][]) => rows.map(([m, w]): [string, string | null] => [m, w === null ? null : x.districtOf.get(w) ?? null]);
  const crimes = collect(pairs(x.crimeMonthWards));
  const stopSearches = collect(pairs(x.stopSearchMonthWards));
  // A count row covers every month of its range.
  const countRows: [string, string | null][] = [];
  for (const { fromMonth: from, toMonth: to, ward } of x.wardCountRanges) {
    for (const m of monthsOfPeriod({ from, to })) countRows.push([m, x.districtOf.get(ward) ?? null]);
  }
  const wardCounts = collect(countRows);
  const crimeData = union(crimes, wardCounts);
  return {
    crimes, wardCounts, stopSearches, crimeData,
    latest: crimeData.months[crimeData.months.length - 1] ?? null,
    flagMonths: x.flagMonths,
    offenceCodeMonths: x.offenceCodeMonths,
  };
}

/** The months of a period a source covers (for one district, or anywhere). */
export function coveredMonths(c: SourceCoverage, p: Period, district?: string | null): string[] {
  const ms = district ? c.byDistrict[district] ?? [] : c.months;
  return ms.filter((m) => m >= p.from && m <= p.to);
}

/** "Aug 2014 to Nov 2014" for a list of months (with gaps named: "Jan 2014, Mar 2014 to Apr 2014"). */
export function describeMonths(ms: string[]): string {
  const runs: string[][] = [];
  for (const m of ms) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && monthsOfPeriod({ from: last, to: m }).length === 2) run.push(m);
    else runs.push([m]);
  }
  return runs.map((r) => (r.length === 1 ? monthName(r[0]!) : `${monthName(r[0]!)} to ${monthName(r[r.length - 1]!)}`)).join(', ');
}

/**
 * A period labelled with the months that actually have data:
 * "Aug 2014 to Nov 2014; 4 of 12 months have data", "Feb 2025; 1 of 12 months has data",
 * "Dec 2012 to Nov 2013: no data".
 */
export function periodCoverageLabel(p: Period, withData: string[]): string {
  const total = monthsOfPeriod(p).length;
  const ms = withData.filter((m) => m >= p.from && m <= p.to);
  if (ms.length === 0) return `${monthName(p.from)} to ${monthName(p.to)}: no data`;
  if (ms.length === total) return `${total === 1 ? monthName(p.from) : `${monthName(p.from)} to ${monthName(p.to)}`} (${total} month${total === 1 ? '' : 's'}, all with data)`;
  return `${describeMonths(ms)}; ${ms.length} of ${total} months ${ms.length === 1 ? 'has' : 'have'} data`;
}

export interface Applicability {
  /** False when nothing in the set (or the scheme) can match or weigh the period's records. */
  applies: boolean;
  /** Plain sentences for the user: what cannot apply and why (nothing would be left but zeros). */
  warnings: string[];
  /** Parts of a set that cannot match this data while others can (a method line, not an alarm). */
  notes: string[];
}

/**
 * Whether a category set and a harm scheme can apply to the period's data. A set that matches
 * by flag on police.uk files (which have no flag column), or by offence code on data without
 * codes, would silently give every ward 0: this says so instead.
 */
export function applicability(cov: DataCoverage, p: Period, set: CategorySet | null, scheme: HarmScheme): Applicability {
  const inPeriod = (ms: string[]) => ms.some((m) => m >= p.from && m <= p.to);
  const hasFlags = inPeriod(cov.flagMonths);
  const hasCodes = inPeriod(cov.offenceCodeMonths);
  const warnings: string[] = [];
  const notes: string[] = [];
  let applies = true;
  if (set) {
    const r = set.rule;
    const cats = (r.categories ?? []).length > 0;
    const codes = (r.offenceCodes ?? []).length > 0 && hasCodes;
    const flags = (r.flags ?? []).length > 0 && hasFlags;
    const deadFlags = (r.flags ?? []).length > 0 && !hasFlags;
    const deadCodes = (r.offenceCodes ?? []).length > 0 && !hasCodes;
    const why: string[] = [];
    if (deadFlags) why.push(`flags (${r.flags!.join(', ')}), but no record in the period comes from a file with flag columns`);
    if (deadCodes) why.push(`Home Office offence codes, but no record in the period carries one`);
    if (!cats && !codes && !flags) {
      applies = false;
      warnings.push(`The category set "${set.label}" cannot be applied to this data: it matches by ${why.join('; and by ')} (police.uk files have ${deadFlags && deadCodes ? 'neither' : 'none'}). No figures are given rather than zeros; choose another set or import data with ${deadFlags ? 'flags' : 'offence codes'}.`);
    } else if (why.length) {
      const parts = [deadFlags ? 'flags' : '', deadCodes ? 'offence codes' : ''].filter(Boolean).join(' and ');
      notes.push(`"${set.label}" is applied by its ${[cats ? 'categories' : '', codes ? 'offence codes' : '', flags ? 'flags' : ''].filter(Boolean).join(' and ')} only: no record in the period has ${parts} (police.uk files have none)`);
    }
  }
  if (scheme.keyKind === 'offence_code' && !hasCodes) {
    applies = false;
    warnings.push(`The harm scheme "${scheme.label}" weighs Home Office offence codes, but no record in the period carries one (police.uk files have none): harm cannot be computed. Choose a scheme weighted by police.uk category.`);
  }
  return { applies, warnings, notes };
}
