import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { trendCellsCsv, type TrendRun } from '../../shared/export/trendCells';
import { bngToLonLat } from '../../shared/geo/bng';
import { cellRing, runProjectTrends, type ProjectTrendParams } from '../../shared/hotspots/projectTrends';
import { TREND_LABELS } from '../../shared/hotspots/trends';
import { db, onProjectReplaced } from './engineState';

let lastTrends: { run: TrendRun; context: string[] } | null = null;
onProjectReplaced(() => (lastTrends = null));

/** Trend class -> map colour key (see mapStyle TREND_COLOURS). */
const TREND_KEY = ['', 'trend-persistent-hot', 'trend-emerging-hot', 'trend-former-hot', 'trend-intermittent-hot', 'trend-persistent-cold', 'trend-emerging-cold', 'trend-former-cold', 'trend-intermittent-cold', 'trend-mixed'];

/** The Trends tab's parameters: the same as `cli trends` (see shared/hotspots/projectTrends). */
export type TrendParamsUi = ProjectTrendParams;

export interface TrendView {
  tally: Record<string, number>;
  methodLines: string[];
  periods: { from: string; to: string }[];
  cells: FeatureCollection<Polygon>;
}

export const trendsApi = {
  /** sfhotspot-style trend classes over consecutive periods of `months` months. */
  runTrends(params: TrendParamsUi): TrendView {
    const t = runProjectTrends(db(), params);
    const { run, context, periods } = t;
    lastTrends = { run, context };
    const features: Feature<Polygon>[] = [];
    run.ids.forEach((id, k) => {
      const cat = run.category[k]!;
      if (cat === 0) return;
      features.push({
        type: 'Feature',
        properties: { id, class: TREND_KEY[cat]!, trend: TREND_LABELS[cat]!, hotPeriods: run.hotPeriods[k]!, coldPeriods: run.coldPeriods[k]! },
        geometry: { type: 'Polygon', coordinates: [cellRing(id).map(([e, n]) => bngToLonLat(e, n))] },
      });
    });
    return { tally: run.tally, methodLines: t.methodLines, periods, cells: { type: 'FeatureCollection', features } };
  },

  exportTrends(): Uint8Array {
    if (!lastTrends) throw new Error('Classify trends first.');
    return new TextEncoder().encode(trendCellsCsv(lastTrends.run, lastTrends.context));
  },
};
