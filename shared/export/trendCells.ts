import { toCsv } from '../csv/csvWrite';
import { TREND_LABELS, type runHotspotTrends } from '../hotspots/trends';

export type TrendRun = ReturnType<typeof runHotspotTrends>;

/** The method of a trend run as `# ` lines: periods, cells, scheme and the classification rules. */
export function trendMethodLines(t: TrendRun, context: string[]): string[] {
  return [
    ...context,
    `study area: ${t.studyArea}`,
    `periods: ${t.periods.map((p) => (p.from === p.to ? p.from : `${p.from}..${p.to}`)).join(', ')}`,
    `classification: ${t.method}`,
  ];
}

/** One row per study-area cell: trend class and how many periods it was a significant hot/cold spot. */
export function trendCellsCsv(t: TrendRun, context: string[]): string {
  const rows = t.ids.map((id, k) => [id, TREND_LABELS[t.category[k]!]!, t.hotPeriods[k]!, t.coldPeriods[k]!]);
  return toCsv(['cell_id', 'trend', 'hot_periods', 'cold_periods'], rows, trendMethodLines(t, context));
}
