import type { Database } from 'sql.js';
import type { TrendRun } from '../export/trendCells';
import { trendContextLines, trendMethodLines } from '../legend/methodText';
import { bngToLonLat } from '../geo/bng';
import { getCategorySet } from '../harm/categorySets';
import { checkMonth, loadScheme, schemeName, schemeWeightsLine } from '../harm/crimeSelection';
import { projectSummary } from '../project/projectSummary';
import { parseSquareCellId, squareRing } from './bngGrid';
import { hexRing, parseHexCellId } from './hexGrid';
import { DEFAULT_CELL_SIZE } from './projectGrid';
import { runHotspotTrends, splitPeriods, TREND_LABELS, type TrendParams } from './trends';

/**
 * Trend classes for a project as the Trends tab and `cli trends` both run them: periods of
 * `months` months back from `to`, and the context lines (scheme, set, cells, neighbourhood)
 * that every output of the run states. One place, so the UI and the CLI cannot drift apart.
 */
export interface ProjectTrendParams extends Omit<TrendParams, 'periods'> {
  /** Length of each period in months; periods run back from `to` (default: last month with data). */
  months: number;
  from?: string;
  to?: string;
}

export interface ProjectTrends {
  run: TrendRun;
  periods: { from: string; to: string }[];
  /** Scheme, weights, set, cells and neighbourhood; trendMethodLines adds periods and rules. */
  context: string[];
  methodLines: string[];
}

export function runProjectTrends(db: Database, params: ProjectTrendParams): ProjectTrends {
  checkMonth(params.from, 'From');
  checkMonth(params.to, 'To');
  if (!Number.isInteger(params.months) || params.months < 1) throw new Error(`A trend period is a whole number of months, 1 or more (got ${params.months}).`);
  const s = projectSummary(db);
  const from = params.from ?? s.firstMonth;
  const to = params.to ?? s.lastMonth;
  if (!from || !to) throw new Error('The project has no crimes: import some before classifying trends.');
  if (from > to) throw new Error(`The first month (${from}) is after the last (${to}).`);
  const periods = splitPeriods(from, to, params.months);
  const run = runHotspotTrends(db, { ...params, periods });
  const scheme = loadScheme(db, params.schemeId);
  const set = params.categorySetId ? getCategorySet(db, params.categorySetId) : null;
  const size = params.cellSize ?? DEFAULT_CELL_SIZE;
  const shape = params.shape ?? 'square';
  const context = trendContextLines({
    scheme: schemeName(scheme), weights: schemeWeightsLine(scheme), categorySet: set ? set.label : null, types: params.types,
    cellSize: size, shape, distance: params.distance ?? size * Math.SQRT2, distanceDefault: params.distance === undefined,
    months: params.months, from, to,
  });
  return { run, periods, context, methodLines: trendMethodLines(run, context) };
}

/** A cell's outline in BNG from its id (square or hex). */
export function cellRing(id: string): [number, number][] {
  const sq = parseSquareCellId(id);
  if (sq) return squareRing(sq.size, sq.col, sq.row);
  const hx = parseHexCellId(id);
  if (!hx) throw new Error(`"${id}" is not a cell id.`);
  return hexRing(hx.size, hx.q, hx.r);
}

/** Every study-area cell as a WGS84 polygon with its trend; the method in a `metadata` member. */
export function trendCellsGeoJson(t: ProjectTrends): string {
  const { run } = t;
  const features = run.ids.map((id, k) => ({
    type: 'Feature',
    id,
    properties: { cell_id: id, trend: TREND_LABELS[run.category[k]!]!, hot_periods: run.hotPeriods[k]!, cold_periods: run.coldPeriods[k]! },
    geometry: { type: 'Polygon', coordinates: [cellRing(id).map(([e, n]) => bngToLonLat(e, n).map((v) => Number(v.toFixed(7))))] },
  }));
  return JSON.stringify({
    type: 'FeatureCollection',
    metadata: { methodLines: t.methodLines, periods: t.periods, tally: run.tally },
    features,
  });
}
