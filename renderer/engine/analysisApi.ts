import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { listCategorySets } from '../../shared/harm/categorySets';
import { listHarmSchemes } from '../../shared/harm/harmSchemes';
import { bngToLonLat } from '../../shared/geo/bng';
import { squareRing } from '../../shared/hotspots/bngGrid';
import { hexRing } from '../../shared/hotspots/hexGrid';
import { paiForSet, type PaiResult, type PaiSet } from '../../shared/hotspots/paiForSet';
import { runHotspotAnalysisAsync, type HotspotParams, type HotspotResult } from '../../shared/hotspots/runHotspotAnalysis';
import { listDistricts } from '../../shared/hotspots/studyAreaChoice';
import * as Comlink from 'comlink';
import { hotspotCellsCsv, hotspotCellsGeoJson } from '../../shared/export/hotspotCells';
import { kdeRaster, type KdeRaster } from '../../shared/export/kdeRaster';
import { hotspotCellsFileName, hotspotCellsXlsx, type CellSortKey } from '../../shared/export/hotspotCellsXlsx';
import { cellStreetNames } from '../../shared/hotspots/cellNames';
import { giClass } from '../../shared/legend/classes';
import { giCellMethod, giWardHotspotsLabel } from '../../shared/legend/methodText';
import { db, onProjectReplaced } from './engineState';

/** The last analysis, kept in the worker for exports so the cells never cross to the UI twice. */
let last: HotspotResult | null = null;
/** The filter of the last analysis (street names are tallied over the same records), and its cell index. */
let lastParams: HotspotParams = {};
let lastIndex: Map<string, number> | null = null;
/** The running analysis's cancel switch (one analysis at a time). */
let running: AbortController | null = null;
onProjectReplaced(() => (last = null));
export type { PaiResult, PaiSet } from '../../shared/hotspots/paiForSet';

export interface HotspotView {
  summary: HotspotResult['summary'];
  method: HotspotResult['method'];
  methodLines: string[];
  warnings: string[];
  studyArea: HotspotResult['studyArea'];
  /** Significant cells only, as WGS84 polygons with id, class, count, harm, z, p, pFdr. */
  cells: FeatureCollection<Polygon>;
  /** The top cells by Gi* z, for the table beside the map. */
  top: { id: string; name: string | null; ward: string; count: number; harm: number; z: number; p: number; pFdr: number; cls: number }[];
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

export const analysisApi = {
  harmSchemes() {
    return listHarmSchemes(db());
  },

  categorySets() {
    return listCategorySets(db());
  },

  /** The project's policing districts, for the study-area choice. */
  districts(): string[] {
    return listDistricts(db());
  },

  /**
   * Runs Gi*, FDR and KDE over the study area; returns what the map and panel need.
   * onProgress gets the share of the permutation work done (permutation inference only).
   */
  async runHotspots(params: HotspotParams, onProgress?: (done: number) => void): Promise<HotspotView> {
    running?.abort();
    const ctl = new AbortController();
    running = ctl;
    let r: HotspotResult;
    try {
      r = await runHotspotAnalysisAsync(db(), params, { signal: ctl.signal, onProgress: (_stage, d) => onProgress?.(d) });
    } finally {
      if (running === ctl) running = null;
    }
    last = r;
    lastParams = params;
    lastIndex = null;
    const c = r.cells;
    const features: Feature<Polygon>[] = [];
    for (let k = 0; k < c.n; k++) {
      const cls = c.cls[k]!;
      if (cls === 0) continue;
      const ring = c.shape === 'square' ? squareRing(c.size, c.ci[k]!, c.cj[k]!) : hexRing(c.size, c.ci[k]!, c.cj[k]!);
      features.push({
        type: 'Feature',
        properties: { id: c.ids[k]!, class: giClass(cls).key, count: c.count[k]!, harm: c.harm[k]!, z: c.z[k]!, p: c.p[k]!, pFdr: c.pFdr[k]! },
        geometry: { type: 'Polygon', coordinates: [ring.map(([e, n]) => bngToLonLat(e, n))] },
      });
    }
    const order = Array.from({ length: c.n }, (_, k) => k)
      .filter((k) => c.cls[k]! > 0)
      .sort((a, b) => c.z[b]! - c.z[a]!)
      .slice(0, 100);
    const names = cellStreetNames(db(), order.map((k) => c.ids[k]!), params);
    return {
      summary: r.summary,
      method: r.method,
      methodLines: r.methodLines,
      warnings: r.warnings,
      studyArea: r.studyArea,
      cells: { type: 'FeatureCollection', features },
      top: order.map((k, t) => ({ id: c.ids[k]!, name: names[t]!, ward: c.areaCode[k]!, count: c.count[k]!, harm: c.harm[k]!, z: c.z[k]!, p: c.p[k]!, pFdr: c.pFdr[k]!, cls: c.cls[k]! })),
    };
  },

  /**
   * The last analysis's figures for these cells (null for a cell outside its study area), with
   * each cell's street name from the records the analysis used.
   */
  cellDetails(ids: string[]): (CellDetails | null)[] {
    if (!last) throw new Error('Run the hotspot analysis first.');
    const c = last.cells;
    lastIndex ??= new Map(c.ids.map((id, k) => [id, k]));
    const index = lastIndex;
    const names = cellStreetNames(db(), ids, lastParams);
    const m = last.method;
    const method = giCellMethod(m, last.studyArea.label);
    return ids.map((id, t) => {
      const k = index.get(id);
      if (k === undefined) return null;
      const ring = (c.shape === 'square' ? squareRing(c.size, c.ci[k]!, c.cj[k]!) : hexRing(c.size, c.ci[k]!, c.cj[k]!)).map(([e, n]) => bngToLonLat(e, n));
      return {
        id, name: names[t]!, ward: c.areaCode[k]!, count: c.count[k]!, harm: c.harm[k]!,
        z: finite(c.z[k]!), p: finite(c.p[k]!), pFdr: finite(c.pFdr[k]!), cls: c.cls[k]!,
        kde: c.kde ? c.kde[k]! : null, ring, centre: bngToLonLat(c.cx[k]!, c.cy[k]!),
        scheme: m.scheme, isCount: m.schemeId === 'count', method,
      };
    });
  },

  cancelHotspots(): void {
    running?.abort();
  },

  /**
   * PAI and capture for a chosen hotspot set of the last analysis: Gi* hot cells at a level,
   * or the top N cells by harm (the "top 20 cells" the Grip trials patrolled).
   */
  paiFor(set: PaiSet): PaiResult {
    if (!last) throw new Error('Run the hotspot analysis first.');
    return paiForSet(last.cells, set);
  },

  /** The last analysis's KDE as an image for the map (square cells only); transferred, not copied. */
  kdeRaster(): KdeRaster | null {
    if (!last) return null;
    const r = kdeRaster(last.cells);
    return r ? Comlink.transfer(r, [r.rgba.buffer as ArrayBuffer]) : null;
  },

  /** The last analysis as a file: every study-area cell, with the method stated in it. */
  exportHotspots(kind: 'csv' | 'geojson'): Uint8Array {
    if (!last) throw new Error('Run the hotspot analysis first.');
    return new TextEncoder().encode(kind === 'csv' ? hotspotCellsCsv(last) : hotspotCellsGeoJson(last));
  },

  /** The last analysis as a named file (CSV, GeoJSON or XLSX with a Method sheet); XLSX rows in the given order. */
  async exportHotspotsFile(
    kind: 'csv' | 'geojson' | 'xlsx',
    opts: { sort?: { key: CellSortKey; desc: boolean }; wardNames?: Record<string, string> } = {},
  ): Promise<{ name: string; bytes: Uint8Array; mime: string }> {
    if (!last) throw new Error('Run the hotspot analysis first.');
    const name = hotspotCellsFileName(last, kind);
    if (kind === 'xlsx') return { name, bytes: await hotspotCellsXlsx(last, opts), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    return { name, bytes: analysisApi.exportHotspots(kind), mime: kind === 'csv' ? 'text/csv' : 'application/geo+json' };
  },

  /**
   * The top cells of the last hotspot run that lie in one ward (by harm), for the ward profile;
   * null when no analysis has run since the project opened.
   */
  hotspotsInWard(code: string, n = 5): { label: string; cells: HotspotView['top'] } | null {
    if (!last) return null;
    const c = last.cells;
    const ks: number[] = [];
    for (let k = 0; k < c.n; k++) if (c.areaCode[k] === code && c.cls[k]! > 0) ks.push(k);
    ks.sort((a, b) => c.harm[b]! - c.harm[a]! || c.z[b]! - c.z[a]!);
    const m = last.method;
    const chosen = ks.slice(0, n);
    // Officers know streets, not cell ids: the cells carry their street names here too.
    const names = cellStreetNames(db(), chosen.map((k) => c.ids[k]!), lastParams ?? {});
    return {
      label: giWardHotspotsLabel(m),
      cells: chosen.map((k, t) => ({ id: c.ids[k]!, name: names[t] ?? null, ward: c.areaCode[k]!, count: c.count[k]!, harm: c.harm[k]!, z: c.z[k]!, p: c.p[k]!, pFdr: c.pFdr[k]!, cls: c.cls[k]! })),
    };
  },
};
