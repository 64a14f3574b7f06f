import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { trendCellsCsv } from '../export/trendCells';
import { bngToLonLat } from '../geo/bng';
import { cellRing, runProjectTrends, trendCellsGeoJson, type ProjectTrendParams, type ProjectTrends } from '../hotspots/projectTrends';
import { trendClass } from '../legend/classes';
import { MIME, utf8, type ExportedFile } from './exportedFile';
import { checkpoint, phase, type JobOptions } from './jobs';
import type { Session } from './session';

export type { ProjectTrendParams };

export interface TrendView {
  tally: Record<string, number>;
  methodLines: string[];
  periods: { from: string; to: string }[];
  cells: FeatureCollection<Polygon>;
}

/** sfhotspot-style trend classes over consecutive periods of `months` months; kept for the export. */
export async function runTrends(s: Session, params: ProjectTrendParams, job: JobOptions = {}): Promise<ProjectTrends> {
  const db = s.db;
  const generation = s.generation;
  phase(job, `Classifying trends over ${params.months}-month periods`);
  await checkpoint(job, 'Trend classification');
  const t = runProjectTrends(db, params);
  await checkpoint(job, 'Trend classification');
  if (generation === s.generation) s.last.trends = t;
  return t;
}

/** The last trends as the map draws them: cells with a pattern, as WGS84 polygons. */
export function lastTrendView(s: Session): TrendView {
  const t = s.last.trends;
  if (!t) throw new Error('Classify trends first.');
  const { run } = t;
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
  return { tally: run.tally, methodLines: t.methodLines, periods: t.periods, cells: { type: 'FeatureCollection', features } };
}

/** The last trends as a file: CSV with the method as "# " lines, or GeoJSON with it in metadata. */
export function exportTrends(s: Session, kind: 'csv' | 'geojson' = 'csv'): ExportedFile {
  const t = s.last.trends;
  if (!t) throw new Error('Classify trends first.');
  return kind === 'csv'
    ? { name: 'hotspot-trends.csv', bytes: utf8(trendCellsCsv(t.run, t.context)), mime: MIME.csv }
    : { name: 'hotspot-trends.geojson', bytes: utf8(trendCellsGeoJson(t)), mime: MIME.geojson };
}
