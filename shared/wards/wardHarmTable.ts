import type { ProjectDb as Database } from '../repository/db';
import { readCrimeGroups, type CrimeGroup } from '../repository/crimeReads';
import { DEFAULT_LAYER, listAreas } from '../areas/areaLayer';
import { getCategorySet } from '../harm/categorySets';
import { addMonths, checkMonth, loadScheme, monthsBetween, schemeName, schemeWeightsLine, selectionContext, type SelectionContext } from '../harm/crimeSelection';
import type { UnweightedReport } from '../harm/harmWeighting';
import { describeSourceUse, wardCountsForPeriod, type SourceUse } from './wardCountSource';
import { applicability, coveredMonths, dataCoverage, describeMonths, monthsOfPeriod, periodCoverageLabel } from './dataCoverage';
import { wardPeriodText } from '../legend/methodText';
import { compare, describePeriod, noComparison, type Comparison, type Period, type PeriodFigures } from './periodChange';

export interface WardTableParams {
  /** Main period, inclusive months. Default: the 12 months ending at the latest month with data. */
  from?: string;
  to?: string;
  types?: string[];
  categorySetId?: string;
  /** Default 'count'. */
  schemeId?: string;
  /** A second comparison period ("vs 12 months to Mar 2020"); the previous period is always compared. */
  baseline?: Period;
  layer?: string;
}

export interface WardRow {
  kind: 'ward' | 'district' | 'force';
  code: string;
  name: string;
  districtCode: string | null;
  districtName: string | null;
  count: number;
  harm: number;
  population: number | null;
  /** Harm per 1,000 residents; null without population (for a subtotal: unless every ward has one). */
  harmPer1000: number | null;
  /**
   * Why this row has no figures (its district has no data in the current period, or the set or
   * scheme cannot apply to the data); count and harm are then 0 only as placeholders and must be
   * shown as "no data", never as 0. null when the figures are real.
   */
  noData: string | null;
  /** Wards only: 1 = most harm; ties share a rank (1, 2, 2, 4). */
  rank: number | null;
  /** Share of the force's harm in the main period, 0-1. */
  shareOfForceHarm: number | null;
  previous: Comparison;
  baseline: Comparison | null;
}

export interface Exclusions {
  outOfArea: number;
  unplaced: number;
  unweighted: UnweightedReport;
}

export interface WardTableMethod {
  scheme: string;
  /** The exact weights used ("weights: key=w; ..."), or null for plain counts. */
  weights?: string | null;
  schemeId: string;
  categorySet: string | null;
  types: string[] | null;
  periods: { current: Period; previous: Period; baseline: Period | null };
  /** Each period labelled with the months that have data ("Aug 2014 to Nov 2014; 4 of 12 months have data"). */
  periodLabels: { current: string; previous: string; baseline: string | null };
  /** False when the category set or scheme cannot apply to the data (every row then has noData). */
  applies: boolean;
  /** Parts of the set that cannot match this data (flags on police.uk files), said in the method. */
  setNotes?: string[];
  /** Where each period's figures came from: crime records, imported ward counts, or both (by month). */
  sources?: { current: SourceUse; previous: SourceUse; baseline: SourceUse | null };
  /** What was left out, per period. */
  excluded: { current: Exclusions; previous: Exclusions; baseline: Exclusions | null };
  rules: string[];
}

export interface WardTable {
  /** Wards grouped by district (alphabetical), each district followed by its subtotal row, then the force total. */
  rows: WardRow[];
  method: WardTableMethod;
  methodLines: string[];
  warnings: string[];
}

interface PeriodTotals {
  byWard: Map<string, PeriodFigures>;
  excluded: Exclusions;
  source: SourceUse;
}

/**
 * Per-ward totals for one period. SQLite aggregates identical (ward, type, code, flags)
 * records first, so a year of a large force is a few thousand groups, not a million rows.
 */
function totals(db: Database, p: Period, params: WardTableParams, known: Set<string>): PeriodTotals {
  const ctx = selectionContext(db, { ...params, from: p.from, to: p.to });
  // Ward-level counts fill the months that have no records (a performance team's table).
  const counts = wardCountsForPeriod(db, p);
  return { ...sumByWard(readCrimeGroups(db, p, { byWard: true }), counts.groups, ctx, known), source: counts.use };
}

/**
 * Per-ward count and harm from record groups and ward-count groups (plain data): records the
 * selection drops are skipped, those out of area or in no known ward are counted as left out.
 */
export function sumByWard(
  groups: readonly CrimeGroup[],
  countGroups: readonly { ward: string; type: string; count: number }[],
  ctx: Pick<SelectionContext, 'keep' | 'weigher'>,
  known: ReadonlySet<string>,
): { byWard: Map<string, PeriodFigures>; excluded: Exclusions } {
  const { weigher } = ctx;
  const byWard = new Map<string, PeriodFigures>();
  let outOfArea = 0, unplaced = 0;
  for (const { ward, crimeType: type, offenceCode: code, flags, outOfArea: ooa, n } of groups) {
    if (!ctx.keep(type, code, flags)) continue;
    if (ooa) { outOfArea += n; continue; }
    if (!ward || !known.has(ward)) { unplaced += n; continue; }
    const f = byWard.get(ward) ?? { count: 0, harm: 0 };
    f.count += n;
    const w = weigher.weigh(type, code, n);
    if (!Number.isNaN(w)) f.harm += w * n;
    byWard.set(ward, f);
  }
  for (const g of countGroups) {
    if (!ctx.keep(g.type, null, null)) continue;
    if (!known.has(g.ward)) { unplaced += g.count; continue; }
    const f = byWard.get(g.ward) ?? { count: 0, harm: 0 };
    f.count += g.count;
    const w = weigher.weigh(g.type, null, g.count);
    if (!Number.isNaN(w)) f.harm += w * g.count;
    byWard.set(g.ward, f);
  }
  return { byWard, excluded: { outOfArea, unplaced, unweighted: weigher.report() } };
}

const ZERO: PeriodFigures = { count: 0, harm: 0 };
const add = (a: PeriodFigures, b: PeriodFigures): PeriodFigures => ({ count: a.count + b.count, harm: a.harm + b.harm });

/** The ward harm table district leads use: per ward, district subtotals and force total. */
export function wardHarmTable(db: Database, params: WardTableParams = {}): WardTable {
  checkMonth(params.from, 'From');
  checkMonth(params.to, 'To');
  const coverage = dataCoverage(db, params.layer ?? DEFAULT_LAYER);
  const latest = coverage.latest;
  const to = params.to ?? latest;
  if (!to) throw new Error('The project has no crimes and no ward counts: import some before building the ward table.');
  const from = params.from ?? addMonths(to, -11);
  if (from > to) throw new Error(`The period ${from} to ${to} ends before it starts.`);
  const len = monthsBetween(from, to);
  const current: Period = { from, to };
  const previous: Period = { from: addMonths(from, -len), to: addMonths(from, -1) };
  const baseline = params.baseline ?? null;
  if (coveredMonths(coverage.crimeData, current).length === 0) {
    throw new Error(`No crime data in ${describePeriod(current)}: the project has data for ${describeMonths(coverage.crimeData.months)}. Choose a period within it.`);
  }

  const layer = params.layer ?? DEFAULT_LAYER;
  const areas = listAreas(db, layer);
  if (areas.length === 0) throw new Error(`The project has no "${layer}" areas: load boundaries first.`);
  const known = new Set(areas.map((a) => a.code));
  const scheme = loadScheme(db, params.schemeId);
  const cur = totals(db, current, params, known);
  const prev = totals(db, previous, params, known);
  const base = baseline ? totals(db, baseline, params, known) : null;
  const set = params.categorySetId ? getCategorySet(db, params.categorySetId) : null;
  const setLabel = set?.label ?? null;
  const fit = applicability(coverage, current, set, scheme);
  const get = (t: PeriodTotals | null, code: string) => t?.byWard.get(code) ?? ZERO;
  const curLabel = periodCoverageLabel(current, coverage.crimeData.months);
  const noDataIn = (district: string | null) =>
    !fit.applies ? 'the category set or harm scheme cannot apply to this data (see the warning)'
      : coveredMonths(coverage.crimeData, current, district).length === 0 ? `no data for ${district ?? 'this area'} in ${describePeriod(current)}` : null;
  const wardHas = (a: (typeof areas)[number]) => noDataIn(a.districtName) === null;

  const forceHarm = areas.filter(wardHas).reduce((s, a) => s + get(cur, a.code).harm, 0);
  const share = (h: number) => (forceHarm > 0 ? h / forceHarm : null);
  const per1000 = (h: number, pop: number | null) => (pop && pop > 0 ? (h / pop) * 1000 : null);

  // Competition ranking by harm over the wards that have data.
  const order = areas.filter(wardHas).sort((a, b) => get(cur, b.code).harm - get(cur, a.code).harm);
  const rankOf = new Map<string, number>();
  order.forEach((a, k) => {
    const prevArea = order[k - 1];
    const tie = prevArea && get(cur, prevArea.code).harm === get(cur, a.code).harm;
    rankOf.set(a.code, tie ? rankOf.get(prevArea.code)! : k + 1);
  });

  /** Compares like with like: a period without data is "no data"; one with fewer months of data is not comparable. */
  const against = (what: string, p: Period, c: PeriodFigures, b: PeriodFigures, district: string | null | undefined): Comparison => {
    const scope = district === undefined ? null : district;
    const nCur = coveredMonths(coverage.crimeData, current, scope).length;
    const nBase = coveredMonths(coverage.crimeData, p, scope).length;
    const where = scope ? ` for ${scope}` : '';
    if (nBase === 0) return noComparison('no data', `no data${where} in the ${what} period, ${describePeriod(p)}`);
    if (nBase !== nCur) {
      return noComparison('not comparable', `not like for like: the ${what} period has data${where} for ${nBase} of ${monthsOfPeriod(p).length} months, the current period for ${nCur}`, b);
    }
    return compare(c, b);
  };

  const row = (kind: WardRow['kind'], code: string, name: string, dc: string | null, dn: string | null,
    c: PeriodFigures, p: PeriodFigures, b: PeriodFigures | null, pop: number | null, rank: number | null): WardRow => {
    const scope = kind === 'force' ? undefined : dn;
    const noData = kind === 'force' ? noDataIn(null) : noDataIn(dn);
    if (noData) {
      return {
        kind, code, name, districtCode: dc, districtName: dn, count: 0, harm: 0, noData, population: pop, harmPer1000: null,
        rank: null, shareOfForceHarm: null, previous: noComparison('no data', noData), baseline: b ? noComparison('no data', noData) : null,
      };
    }
    return {
      kind, code, name, districtCode: dc, districtName: dn, count: c.count, harm: c.harm, noData: null,
      population: pop, harmPer1000: per1000(c.harm, pop), rank, shareOfForceHarm: share(c.harm),
      previous: against('previous', previous, c, p, scope), baseline: b && baseline ? against('baseline', baseline, c, b, scope) : null,
    };
  };

  const districts = new Map<string, typeof areas>();
  for (const a of areas) {
    const key = a.districtName ?? '(no district)';
    districts.set(key, [...(districts.get(key) ?? []), a]);
  }
  const rowsPrevNoData = (p: Period) => coveredMonths(coverage.crimeData, p).length === 0;
  const rows: WardRow[] = [];
  let fc = ZERO, fp = ZERO, fb = ZERO;
  let fPop: number | null = 0;
  for (const name of [...districts.keys()].sort()) {
    const wards = districts.get(name)!.sort((a, b) => a.name.localeCompare(b.name));
    let dc = ZERO, dp = ZERO, db_ = ZERO;
    let dPop: number | null = 0;
    for (const a of wards) {
      const c = get(cur, a.code), p = get(prev, a.code), b = get(base, a.code);
      rows.push(row('ward', a.code, a.name, a.districtCode, a.districtName, c, p, base ? b : null, a.population, rankOf.get(a.code)!));
      dc = add(dc, c); dp = add(dp, p); db_ = add(db_, b);
      dPop = dPop !== null && a.population !== null ? dPop + a.population : null;
    }
    const w0 = wards[0]!;
    rows.push(row('district', w0.districtCode ?? '', `${name} total`, w0.districtCode, w0.districtName, dc, dp, base ? db_ : null, dPop, null));
    fc = add(fc, dc); fp = add(fp, dp); fb = add(fb, db_);
    fPop = fPop !== null && dPop !== null ? fPop + dPop : null;
  }
  rows.push(row('force', '', 'Force total', null, null, fc, fp, base ? fb : null, fPop, null));

  const method: WardTableMethod = {
    scheme: schemeName(scheme),
    weights: schemeWeightsLine(scheme),
    schemeId: scheme.id,
    categorySet: setLabel,
    types: params.types?.length ? params.types : null,
    periods: { current, previous, baseline },
    periodLabels: {
      current: curLabel,
      previous: periodCoverageLabel(previous, coverage.crimeData.months),
      baseline: baseline ? periodCoverageLabel(baseline, coverage.crimeData.months) : null,
    },
    applies: fit.applies,
    setNotes: fit.notes,
    sources: { current: cur.source, previous: prev.source, baseline: base?.source ?? null },
    excluded: { current: cur.excluded, previous: prev.excluded, baseline: base?.excluded ?? null },
    rules: [
      'sources: crime records where a month has them; imported ward-level counts for months without records (never both for one month); a count row is used only when its whole range lies in the period',
      'records are placed by their ward code (as the import placed them); records flagged outside the force area and records with no ward are excluded and counted',
      'records whose category/offence code has no weight in the scheme are counted but add no harm (listed below)',
      '% change = (current - comparison) / comparison x 100; when the comparison is 0 there is no % (the note says "n/a: base is 0" or "n/a: 0 to 0")',
      'a period (or a ward\'s district) with no crime records and no ward counts has no data: its figures are blank with the reason, never 0; a comparison period whose data covers a different number of months than the current period is not compared (not like for like)',
      'rank: 1 = most harm in the current period, ties share a rank; share = ward harm / force harm in the current period',
      'harm per 1,000 residents needs a population table (Imports tab: population per ward, or the CLI option --population); a subtotal has one only when all its wards do',
    ],
  };
  const warnings: string[] = [...fit.warnings];
  const ex = cur.excluded;
  const noDistricts = [...new Set(areas.map((a) => a.districtName))].filter((d) => d && coveredMonths(coverage.crimeData, current, d).length === 0);
  if (fit.applies && noDistricts.length) warnings.push(`No data for ${noDistricts.join(', ')} in the current period: their wards show "no data".`);
  if (rowsPrevNoData(previous)) warnings.push(`No data for the previous period, ${describePeriod(previous)}: no change is shown.`);
  const recs = (k: number) => `${k} record${k === 1 ? '' : 's'}`;
  if (ex.outOfArea) warnings.push(`${recs(ex.outOfArea)} in the current period flagged outside the force area: excluded.`);
  if (ex.unplaced) warnings.push(`${recs(ex.unplaced)} in the current period with no ward: excluded.`);
  if (ex.unweighted.count) warnings.push(`${recs(ex.unweighted.count)} in the current period with no weight in the scheme (counted, no harm): ${ex.unweighted.keys.slice(0, 10).map((k) => `${k.key} (${k.count})`).join(', ')}.`);
  if (cur.source.overlapMonths.length) warnings.push(`Ward counts and crime records both cover ${cur.source.overlapMonths.join(', ')}: the table uses the records for those months.`);
  if (cur.source.countMonths.length) warnings.push(`Figures for ${cur.source.countMonths.join(', ')} come from imported ward-level counts (no crime records for those months).`);
  if (areas.every((a) => a.population === null)) warnings.push('No population loaded: harm per 1,000 residents is blank.');
  return { rows, method, methodLines: wardMethodLines(method), warnings };
}

export function wardMethodLines(m: WardTableMethod): string[] {
  const ex = (e: Exclusions | null) => (e ? `${e.outOfArea} outside the force area, ${e.unplaced} with no ward, ${e.unweighted.count} with no weight` : '');
  const lines = [
    `scheme: ${m.scheme}`,
    `category set: ${m.categorySet ?? 'all records'}${m.types ? `; crime types: ${m.types.join(', ')}` : ''}`,
    `period: ${wardPeriodText(m.periodLabels.current, m.periods.current)}`,
    `previous period: ${wardPeriodText(m.periodLabels.previous, m.periods.previous)}`,
    `baseline period: ${m.periods.baseline ? wardPeriodText(m.periodLabels.baseline ?? '', m.periods.baseline) : 'none chosen'}`,
    `excluded (current period): ${ex(m.excluded.current)}`,
    `excluded (previous period): ${ex(m.excluded.previous)}`,
  ];
  if (m.excluded.baseline) lines.push(`excluded (baseline period): ${ex(m.excluded.baseline)}`);
  if (m.sources) {
    lines.push(describeSourceUse('current period', m.sources.current), describeSourceUse('previous period', m.sources.previous));
    if (m.sources.baseline) lines.push(describeSourceUse('baseline period', m.sources.baseline));
  }
  const uw = m.excluded.current.unweighted;
  if (uw.count) lines.push(`no weight (current period): ${uw.keys.map((k) => `${k.key} (${k.count})`).join(', ')}`);
  for (const n of m.setNotes ?? []) lines.push(`set: ${n}`);
  for (const r of m.rules) lines.push(`rule: ${r}`);
  // The exact table behind the scheme's short code, so an edited weight can always be traced.
  if (m.weights) lines.push(m.weights);
  return lines;
}
