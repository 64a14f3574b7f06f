import { toCsv } from '../csv/csvWrite';
import { trendClass } from '../legend/classes';
import { trendMethodLines } from '../legend/methodText';
import type { runHotspotTrends } from '../hotspots/trends';

export type TrendRun = ReturnType<typeof runHotspotTrends>;

/** The method of a trend run as `# ` lines: written in shared/legend/methodText.ts. */
export { trendMethodLines };

/** One row per study-area cell: trend class and how many periods it was a significant hot/cold spot. */
export function trendCellsCsv(t: TrendRun, context: string[]): string {
  const rows = t.ids.map((id, k) => [id, trendClass(t.category[k]!).short, t.hotPeriods[k]!, t.coldPeriods[k]!]);
  return toCsv(['cell_id', 'trend', 'hot_periods', 'cold_periods'], rows, trendMethodLines(t, context));
}
