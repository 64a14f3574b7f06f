import type { ProjectDb as Database } from '../repository/db';
import { readAreaDistrictName } from '../repository/areas';
import { readCrimeGroups } from '../repository/crimeReads';
import { DEFAULT_LAYER } from '../areas/areaLayer';
import { addMonths, monthsBetween, selectionContext } from '../harm/crimeSelection';
import { coveredMonths, dataCoverage, monthsOfPeriod } from './dataCoverage';
import type { Period } from './periodChange';
import { wardCountsForPeriod } from './wardCountSource';
import type { WardProfileParams } from './wardProfile';

export interface WardTrendPoint {
  month: string;
  /** null: no data for the ward's district that month (a gap in the chart, never 0). */
  count: number | null;
  harm: number | null;
}

export interface WardTrend {
  code: string;
  points: WardTrendPoint[];
  /** Months with data among the points. */
  monthsWithData: number;
}

/**
 * One ward's count and harm per month, with the table's scheme and set, over the table's period
 * reaching back into the previous period as far as data goes (never further back than its
 * start). Months without data for the ward's district are null, so the chart shows a gap.
 */
export function wardTrend(db: Database, code: string, p: WardProfileParams, layer = DEFAULT_LAYER): WardTrend {
  const district = readAreaDistrictName(db, layer, code);
  const cov = dataCoverage(db, layer);
  const len = monthsBetween(p.from, p.to);
  const previous: Period = { from: addMonths(p.from, -len), to: addMonths(p.from, -1) };
  const earlier = coveredMonths(cov.crimeData, previous, district);
  const from = earlier[0] ?? p.from;
  const span: Period = { from, to: p.to };
  const withData = new Set(coveredMonths(cov.crimeData, span, district));
  const ctx = selectionContext(db, { ...p, from: span.from, to: span.to });
  const by = new Map<string, { count: number; harm: number }>();
  const add = (m: string, type: string | null, offence: string | null, n: number) => {
    const f = by.get(m) ?? { count: 0, harm: 0 };
    f.count += n;
    const w = ctx.weigher.weigh(type, offence, n);
    if (!Number.isNaN(w)) f.harm += w * n;
    by.set(m, f);
  };
  for (const g of readCrimeGroups(db, span, { ward: code, inAreaOnly: true, byMonth: true })) {
    if (ctx.keep(g.crimeType, g.offenceCode, g.flags)) add(g.month!, g.crimeType, g.offenceCode, g.n);
  }
  for (const m of monthsOfPeriod(span)) {
    // Count rows spanning several months cannot be split by month: only one-month rows enter the trend.
    for (const g of wardCountsForPeriod(db, { from: m, to: m }, code).groups) if (ctx.keep(g.type, null, null)) add(m, g.type, null, g.count);
  }
  const points = monthsOfPeriod(span).map((month) => {
    if (!withData.has(month)) return { month, count: null, harm: null };
    const f = by.get(month) ?? { count: 0, harm: 0 };
    return { month, count: f.count, harm: f.harm };
  });
  return { code, points, monthsWithData: points.filter((x) => x.count !== null).length };
}
