import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { bngToLonLat } from '../geo/bng';
import { squareRing } from '../hotspots/bngGrid';
import { cellStreetNames } from '../hotspots/cellNames';
import { hexRing } from '../hotspots/hexGrid';
import type { HotspotCells, HotspotResult } from '../hotspots/runHotspotAnalysis';
import type { LastHotspots } from './session';
import type { Database } from 'sql.js';
import { giClass } from '../legend/classes';
import { giCellMethod, giWardHotspotsLabel } from '../legend/methodText';

export type HotCellRow = { id: string; name: string | null; ward: string; count: number; harm: number; z: number; p: number; pFdr: number; cls: number };

/** What the map and panel need of a hotspot run. */
export interface HotspotView {
  summary: HotspotResult['summary'];
  method: HotspotResult['method'];
  methodLines: string[];
  warnings: string[];
  studyArea: HotspotResult['studyArea'];
  /** Significant cells only, as WGS84 polygons with id, class, count, harm, z, p, pFdr. */
  cells: FeatureCollection<Polygon>;
  /** The top cells by Gi* z, for the table beside the map. */
  top: HotCellRow[];
}

/** One cell of the last analysis, for the map's popup. Numbers that are undefined are null, never 0. */
export interface CellDetails {
  id: string;
  /** Most frequent police.uk street among the cell's records in the analysis; null when none has one. */
  name: string | null;
  ward: string;
  count: number;
  harm: number;
  z: number | null;
  p: number | null;
  /** Null when the FDR correction was off. */
  pFdr: number | null;
  cls: number;
  /** KDE density (harm per km^2) at the centre, when KDE was computed. */
  kde: number | null;
  /** WGS84 ring of the cell (for zooming to it) and its centre. */
  ring: [number, number][];
  centre: [number, number];
  /** The analysis that made these figures: scheme, whether it is a plain count, period, cells, inference. */
  scheme: string;
  isCount: boolean;
  method: string;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

function ringOf(c: HotspotCells, k: number): [number, number][] {
  const ring = c.shape === 'square' ? squareRing(c.size, c.ci[k]!, c.cj[k]!) : hexRing(c.size, c.ci[k]!, c.cj[k]!);
  return ring.map(([e, n]) => bngToLonLat(e, n));
}

function row(c: HotspotCells, k: number, name: string | null): HotCellRow {
  return { id: c.ids[k]!, name, ward: c.areaCode[k]!, count: c.count[k]!, harm: c.harm[k]!, z: c.z[k]!, p: c.p[k]!, pFdr: c.pFdr[k]!, cls: c.cls[k]! };
}

export function hotspotView(db: Database, last: LastHotspots): HotspotView {
  const r = last.result;
  const c = r.cells;
  const features: Feature<Polygon>[] = [];
  for (let k = 0; k < c.n; k++) {
    const cls = c.cls[k]!;
    if (cls === 0) continue;
    features.push({
      type: 'Feature',
      properties: { id: c.ids[k]!, class: giClass(cls).key, count: c.count[k]!, harm: c.harm[k]!, z: c.z[k]!, p: c.p[k]!, pFdr: c.pFdr[k]! },
      geometry: { type: 'Polygon', coordinates: [ringOf(c, k)] },
    });
  }
  const order = Array.from({ length: c.n }, (_, k) => k)
    .filter((k) => c.cls[k]! > 0)
    .sort((a, b) => c.z[b]! - c.z[a]!)
    .slice(0, 100);
  const names = cellStreetNames(db, order.map((k) => c.ids[k]!), last.params);
  return {
    summary: r.summary,
    method: r.method,
    methodLines: r.methodLines,
    warnings: r.warnings,
    studyArea: r.studyArea,
    cells: { type: 'FeatureCollection', features },
    top: order.map((k, t) => row(c, k, names[t]!)),
  };
}

/** The last analysis's figures for these cells (null for a cell outside its study area), with street names. */
export function cellDetails(db: Database, last: LastHotspots, ids: string[]): (CellDetails | null)[] {
  const c = last.result.cells;
  last.index ??= new Map(c.ids.map((id, k) => [id, k]));
  const index = last.index;
  const names = cellStreetNames(db, ids, last.params);
  const m = last.result.method;
  const method = giCellMethod(m, last.result.studyArea.label);
  return ids.map((id, t) => {
    const k = index.get(id);
    if (k === undefined) return null;
    return {
      id, name: names[t]!, ward: c.areaCode[k]!, count: c.count[k]!, harm: c.harm[k]!,
      z: finite(c.z[k]!), p: finite(c.p[k]!), pFdr: finite(c.pFdr[k]!), cls: c.cls[k]!,
      kde: c.kde ? c.kde[k]! : null, ring: ringOf(c, k), centre: bngToLonLat(c.cx[k]!, c.cy[k]!),
      scheme: m.scheme, isCount: m.schemeId === 'count', method,
    };
  });
}

/** The top hot cells of the last run in one ward (by harm), for the ward profile. */
export function hotspotsInWard(db: Database, last: LastHotspots, code: string, n: number): { label: string; cells: HotCellRow[] } {
  const c = last.result.cells;
  const ks: number[] = [];
  for (let k = 0; k < c.n; k++) if (c.areaCode[k] === code && c.cls[k]! > 0) ks.push(k);
  ks.sort((a, b) => c.harm[b]! - c.harm[a]! || c.z[b]! - c.z[a]!);
  const m = last.result.method;
  const chosen = ks.slice(0, n);
  // Officers know streets, not cell ids: the cells carry their street names here too.
  const names = cellStreetNames(db, chosen.map((k) => c.ids[k]!), last.params);
  return {
    label: giWardHotspotsLabel(m),
    cells: chosen.map((k, t) => row(c, k, names[t] ?? null)),
  };
}
