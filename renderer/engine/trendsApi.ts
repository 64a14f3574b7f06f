import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { trendCellsCsv, type TrendRun } from '../../shared/export/trendCells';
import { bngToLonLat } from '../../shared/geo/bng';
import { cellRing, runProjectTrends, type ProjectTrendParams } from '../../shared/hotspots/projectTrends';
import { trendClass } from '../../shared/legend/classes';
import { db, onProjectReplaced } from './engineState';

let lastTrends: { run: TrendRun; context: string[] } | null = null;
onProjectReplaced(() => (lastTrends = null));

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
      const cat = trendClass(run.category[k]!);
      if (cat.code === 0) return;
      features.push({
        type: 'Feature',
        properties: { id, class: cat.key, trend: cat.short, hotPeriods: run.hotPeriods[k]!, coldPeriods: run.coldPeriods[k]! },
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
