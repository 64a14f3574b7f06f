import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { trendCellsCsv, trendMethodLines, type TrendRun } from '../../shared/export/trendCells';
import { bngToLonLat } from '../../shared/geo/bng';
import { loadScheme, schemeName } from '../../shared/harm/crimeSelection';
import { parseSquareCellId, squareRing } from '../../shared/hotspots/bngGrid';
import { hexRing, parseHexCellId } from '../../shared/hotspots/hexGrid';
import { runHotspotTrends, splitPeriods, TREND_LABELS, type TrendParams } from '../../shared/hotspots/trends';
import { projectSummary } from '../../shared/project/projectSummary';
import { db, onProjectReplaced } from './engineState';

let lastTrends: { run: TrendRun; context: string[] } | null = null;
onProjectReplaced(() => (lastTrends = null));

/** Trend class -> map colour key (see mapStyle TREND_COLOURS). */
const TREND_KEY = ['', 'trend-persistent-hot', 'trend-emerging-hot', 'trend-former-hot', 'trend-intermittent-hot', 'trend-persistent-cold', 'trend-emerging-cold', 'trend-former-cold', 'trend-intermittent-cold', 'trend-mixed'];

export interface TrendParamsUi extends Omit<TrendParams, 'periods'> {
  /** Length of each period in months; periods run back from `to` (default: last month with data). */
  months: number;
  from?: string;
  to?: string;
}

export interface TrendView {
  tally: Record<string, number>;
  methodLines: string[];
  periods: { from: string; to: string }[];
  cells: FeatureCollection<Polygon>;
}

function ringOf(id: string): [number, number][] {
  const sq = parseSquareCellId(id);
  if (sq) return squareRing(sq.size, sq.col, sq.row);
  const hx = parseHexCellId(id)!;
  return hexRing(hx.size, hx.q, hx.r);
}

export const trendsApi = {
  /** sfhotspot-style trend classes over consecutive periods of `months` months. */
  runTrends(params: TrendParamsUi): TrendView {
    const s = projectSummary(db());
    const from = params.from ?? s.firstMonth;
    const to = params.to ?? s.lastMonth;
    if (!from || !to) throw new Error('The project has no crimes: import some before classifying trends.');
    const periods = splitPeriods(from, to, params.months);
    const run = runHotspotTrends(db(), { ...params, periods });
    const scheme = loadScheme(db(), params.schemeId);
    const context = [
      `scheme: ${schemeName(scheme)}`,
      `category set: ${params.categorySetId ?? 'all records'}`,
      `cell size: ${params.cellSize ?? 150} m ${params.shape === 'hex' ? 'hexagons' : 'squares aligned to the British National Grid'}`,
      `neighbourhood: cells within ${(params.distance ?? (params.cellSize ?? 150) * Math.SQRT2).toFixed(1)} m, self included`,
    ];
    lastTrends = { run, context };
    const features: Feature<Polygon>[] = [];
    run.ids.forEach((id, k) => {
      const cat = run.category[k]!;
      if (cat === 0) return;
      features.push({
        type: 'Feature',
        properties: { id, class: TREND_KEY[cat]!, trend: TREND_LABELS[cat]!, hotPeriods: run.hotPeriods[k]!, coldPeriods: run.coldPeriods[k]! },
        geometry: { type: 'Polygon', coordinates: [ringOf(id).map(([e, n]) => bngToLonLat(e, n))] },
      });
    });
    return { tally: run.tally, methodLines: trendMethodLines(run, context), periods, cells: { type: 'FeatureCollection', features } };
  },

  exportTrends(): Uint8Array {
    if (!lastTrends) throw new Error('Classify trends first.');
    return new TextEncoder().encode(trendCellsCsv(lastTrends.run, lastTrends.context));
  },
};
