import { VectorTile, type VectorTileFeature, type VectorTileLayer } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { mercatorX, mercatorY, round2, type MapView, type Pt } from './mapView';
import type { TileSource } from './tileSource';
import { boxQuad, PLACE_SIZES, placePlaceNames, placeStreetNames, polylineLength, type Quad } from './mapLabels';

export { labelQuad, quadsOverlap, type Quad } from './mapLabels';

/**
 * Turns OpenMapTiles vector tiles into drawing operations on a page: muted fills, roads by
 * class, and street and place names placed without overlapping. Renderer-neutral (plain
 * numbers and colours), so the PDF briefing draws it and tests can inspect what a map shows.
 * The style is deliberately pale so the hotspot outlines drawn on top stand out in print.
 */

export type AreaLayer = 'landuse' | 'green' | 'water' | 'building';
export type LineLayer = 'waterway' | 'road-casing' | 'road' | 'path' | 'rail';

export type MapOp =
  | { kind: 'area'; layer: AreaLayer; cls: string; rings: Pt[][]; fill: string }
  | { kind: 'line'; layer: LineLayer; cls: string; lines: Pt[][]; width: number; color: string; dash: [number, number] | null }
  | {
      kind: 'label';
      layer: 'street' | 'place';
      cls: string;
      text: string;
      /** Centre of the text, page points. */
      x: number;
      y: number;
      /** Degrees clockwise from the page's x axis (pdfkit's rotate sense), always readable (-90..90). */
      angle: number;
      size: number;
      bold: boolean;
      color: string;
      halo: string;
    };

/** Width of `text` in points at font size `size` (the renderer's own font metrics). */
export type TextMeasure = (text: string, size: number, bold: boolean) => number;

/** Axis-aligned page rectangle the labels must keep clear of (hotspot badges, legends). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface VectorMap {
  ops: MapOp[];
  /** Tile zoom that was decoded. */
  zoom: number;
  tilesRead: number;
  tilesMissing: number;
  background: string;
}

export const BACKGROUND = '#f4f3ef';

const approxMeasure: TextMeasure = (text, size, bold) => text.length * size * (bold ? 0.58 : 0.52);

/** Tiles whose scale is closest to the page's, at most `maxTiles` of them. */
export function chooseZoom(view: MapView, maxZoom: number, maxTiles = 48): number {
  let z = Math.max(0, Math.min(maxZoom, Math.floor(view.displayZoom) + 1));
  while (z > 0 && tileRange(view, z).count > maxTiles) z--;
  return z;
}

function tileRange(view: MapView, z: number): { x0: number; x1: number; y0: number; y1: number; count: number } {
  const n = 2 ** z;
  const halfW = view.width / 2 / view.scale;
  const halfH = view.height / 2 / view.scale;
  const clampT = (v: number) => Math.max(0, Math.min(n - 1, Math.floor(v * n)));
  const x0 = clampT(view.cx - halfW);
  const x1 = clampT(view.cx + halfW);
  const y0 = clampT(view.cy - halfH);
  const y1 = clampT(view.cy + halfH);
  return { x0, x1, y0, y1, count: (x1 - x0 + 1) * (y1 - y0 + 1) };
}

interface RoadStyle {
  rank: number; // paint order and label priority: higher = more important
  w16: number; // fill width in points at display zoom 16
  wMin: number; // never thinner than this
  fill: string;
  casing: string | null;
  layer: 'road' | 'path' | 'rail';
  dash: [number, number] | null;
  named: boolean; // street names are printed for this class
}

const ROADS: Record<string, RoadStyle> = {
  motorway: { rank: 9, w16: 7, wMin: 1.8, fill: '#f3cfa5', casing: '#b9834f', layer: 'road', dash: null, named: true },
  trunk: { rank: 8, w16: 7, wMin: 1.6, fill: '#f6dcb4', casing: '#be925e', layer: 'road', dash: null, named: true },
  primary: { rank: 7, w16: 6.5, wMin: 1.4, fill: '#fbe8b8', casing: '#c1a266', layer: 'road', dash: null, named: true },
  secondary: { rank: 6, w16: 6, wMin: 1.1, fill: '#fcf0cc', casing: '#c4ad7a', layer: 'road', dash: null, named: true },
  tertiary: { rank: 5, w16: 5.5, wMin: 0.9, fill: '#ffffff', casing: '#a8a8a8', layer: 'road', dash: null, named: true },
  minor: { rank: 4, w16: 4.5, wMin: 0.5, fill: '#ffffff', casing: '#b3b3b3', layer: 'road', dash: null, named: true },
  pedestrian: { rank: 3, w16: 3.5, wMin: 0.4, fill: '#f7f5f2', casing: '#bdb8b0', layer: 'road', dash: null, named: true },
  service: { rank: 2, w16: 2.2, wMin: 0.3, fill: '#ffffff', casing: '#c4c4c4', layer: 'road', dash: null, named: false },
  track: { rank: 1, w16: 0.9, wMin: 0.3, fill: '#a39a8c', casing: null, layer: 'path', dash: [2, 1.5], named: false },
  path: { rank: 1, w16: 0.7, wMin: 0.25, fill: '#9c9c9c', casing: null, layer: 'path', dash: [1.5, 1.2], named: false },
  rail: { rank: 0, w16: 1.2, wMin: 0.5, fill: '#8f8f8f', casing: null, layer: 'rail', dash: [4, 2], named: false },
  narrow_gauge: { rank: 0, w16: 0.9, wMin: 0.4, fill: '#9a9a9a', casing: null, layer: 'rail', dash: [3, 2], named: false },
  preserved: { rank: 0, w16: 0.9, wMin: 0.4, fill: '#9a9a9a', casing: null, layer: 'rail', dash: [3, 2], named: false },
};

function roadStyle(cls: string): RoadStyle | null {
  if (cls === 'busway' || cls === 'bus_guideway') return ROADS.service ?? null;
  return ROADS[cls] ?? null;
}

const GREEN = new Set(['park', 'grass', 'wood', 'forest', 'cemetery', 'playground', 'pitch', 'recreation_ground', 'garden', 'meadow', 'farmland', 'scrub', 'wetland', 'allotments', 'village_green', 'golf_course']);
const GREY_LANDUSE = new Set(['commercial', 'retail', 'industrial', 'railway', 'hospital', 'school', 'college', 'university', 'stadium', 'military', 'quarry']);

function areaStyle(layerName: string, cls: string): { layer: AreaLayer; fill: string } | null {
  if (layerName === 'water' || layerName === 'ocean') return { layer: 'water', fill: '#c3d9ea' };
  if (layerName === 'building') return { layer: 'building', fill: '#e4e1dc' };
  if (layerName === 'park') return { layer: 'green', fill: '#e0ebd5' };
  if (layerName === 'landcover' || layerName === 'landuse') {
    if (cls === 'wood' || cls === 'forest') return { layer: 'green', fill: '#d9e6cd' };
    if (GREEN.has(cls)) return { layer: 'green', fill: '#e3edd9' };
    if (GREY_LANDUSE.has(cls)) return { layer: 'landuse', fill: '#ebe9e4' };
  }
  return null;
}

const AREA_ORDER: AreaLayer[] = ['landuse', 'green', 'water', 'building'];


/**
 * Reads the tiles under `view` and returns the ops in paint order. `avoid` boxes (hotspot
 * number badges, the scale bar, the attribution) are kept clear of names.
 */
export async function buildVectorMap(req: {
  tiles: TileSource;
  view: MapView;
  measure?: TextMeasure;
  avoid?: Box[];
  zoom?: number;
}): Promise<VectorMap> {
  const { view, tiles } = req;
  const measure = req.measure ?? approxMeasure;
  const z = req.zoom ?? chooseZoom(view, tiles.maxZoom);
  const range = tileRange(view, z);
  const pad = 12;
  const inFrame = (b: Bounds) => b.x1 >= -pad && b.x0 <= view.width + pad && b.y1 >= -pad && b.y0 <= view.height + pad;

  const areas = new Map<string, { layer: AreaLayer; cls: string; fill: string; rings: Pt[][] }>();
  const roads = new Map<string, { style: RoadStyle; lines: Pt[][] }>();
  const waterways: Pt[][] = [];
  const nameCandidates: { text: string; rank: number; cls: string; line: Pt[]; length: number }[] = [];
  const places: { text: string; cls: string; x: number; y: number }[] = [];
  let tilesRead = 0;
  let tilesMissing = 0;

  // Tiles are read in a fixed order so the ops (and so the PDF bytes) never depend on timing.
  const coords: [number, number][] = [];
  for (let ty = range.y0; ty <= range.y1; ty++) for (let tx = range.x0; tx <= range.x1; tx++) coords.push([tx, ty]);
  const buffers = await Promise.all(coords.map(([tx, ty]) => tiles.get(z, tx, ty)));

  coords.forEach(([tx, ty], i) => {
    const bytes = buffers[i];
    if (!bytes) {
      tilesMissing++;
      return;
    }
    tilesRead++;
    const tile = new VectorTile(new PbfReader(bytes));
    const toPage = pageProjector(view, z, tx, ty);
    for (const [layerName, layer] of Object.entries(tile.layers)) {
      forEachFeature(layer, (f) => {
        const cls = String(f.properties.class ?? '');
        const name = f.properties['name:latin'];
        if (f.type === 3) {
          const style = areaStyle(layerName, cls);
          if (!style) return;
          const rings = f.loadGeometry().map((r) => r.map((p) => toPage(p.x, p.y, layer.extent)));
          if (!inFrame(boundsOf(rings))) return;
          const key = `${style.layer}|${style.fill}`;
          const group = areas.get(key) ?? { ...style, cls, rings: [] };
          group.rings.push(...rings);
          areas.set(key, group);
        } else if (f.type === 2) {
          const lines = f.loadGeometry().map((r) => r.map((p) => toPage(p.x, p.y, layer.extent)));
          if (!inFrame(boundsOf(lines))) return;
          if (layerName === 'waterway' && (cls === 'river' || cls === 'canal' || cls === 'stream')) {
            waterways.push(...lines);
          } else if (layerName.startsWith('transportation') && !layerName.startsWith('transportation_name')) {
            if (f.properties.brunnel === 'tunnel') return;
            const style = roadStyle(cls);
            if (!style) return;
            const group = roads.get(cls) ?? { style, lines: [] };
            group.lines.push(...lines);
            roads.set(cls, group);
          } else if (layerName.startsWith('transportation_name') && typeof name === 'string' && name.trim()) {
            const style = roadStyle(cls);
            if (!style?.named) return;
            for (const line of lines) nameCandidates.push({ text: name.trim(), rank: style.rank, cls, line, length: polylineLength(line) });
          }
        } else if (f.type === 1 && layerName === 'place' && typeof name === 'string' && name.trim()) {
          const spec = PLACE_SIZES[cls];
          if (!spec || z < spec.minZoom) return;
          const p = f.loadGeometry()[0]?.[0];
          if (!p) return;
          const [x, y] = toPage(p.x, p.y, layer.extent);
          places.push({ text: name.trim(), cls, x, y });
        }
      });
    }
  });

  const ops: MapOp[] = [];
  const sortedAreas = [...areas.values()].sort((a, b) => AREA_ORDER.indexOf(a.layer) - AREA_ORDER.indexOf(b.layer) || a.fill.localeCompare(b.fill));
  for (const a of sortedAreas) ops.push({ kind: 'area', layer: a.layer, cls: a.cls, rings: a.rings, fill: a.fill });

  const widthScale = Math.pow(2, (Math.min(view.displayZoom, 17) - 16) * 0.85);
  if (waterways.length) ops.push({ kind: 'line', layer: 'waterway', cls: 'waterway', lines: waterways, width: Math.max(0.6, 2.5 * widthScale), color: '#a9c8df', dash: null });
  const roadGroups = [...roads.entries()].sort((a, b) => a[1].style.rank - b[1].style.rank || a[0].localeCompare(b[0]));
  const widthOf = (s: RoadStyle) => Math.max(s.wMin, s.w16 * widthScale);
  for (const [cls, g] of roadGroups) {
    if (g.style.casing) ops.push({ kind: 'line', layer: 'road-casing', cls, lines: g.lines, width: widthOf(g.style) + Math.max(0.5, 1.4 * widthScale), color: g.style.casing, dash: null });
  }
  for (const [cls, g] of roadGroups) {
    ops.push({ kind: 'line', layer: g.style.layer, cls, lines: g.lines, width: widthOf(g.style), color: g.style.fill, dash: g.style.dash });
  }

  const placed: Quad[] = (req.avoid ?? []).map(boxQuad);
  const labelOps: MapOp[] = [];
  placeStreetNames(nameCandidates, view, z, measure, placed, labelOps);
  placePlaceNames(places, view, z, measure, placed, labelOps);
  ops.push(...labelOps);
  return { ops, zoom: z, tilesRead, tilesMissing, background: BACKGROUND };
}

function forEachFeature(layer: VectorTileLayer, fn: (f: VectorTileFeature) => void): void {
  for (let i = 0; i < layer.length; i++) fn(layer.feature(i));
}

function pageProjector(view: MapView, z: number, tx: number, ty: number): (x: number, y: number, extent: number) => Pt {
  const n = 2 ** z;
  return (x, y, extent) => {
    const mx = (tx + x / extent) / n;
    const my = (ty + y / extent) / n;
    return [round2((mx - view.cx) * view.scale + view.width / 2), round2((my - view.cy) * view.scale + view.height / 2)];
  };
}


interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boundsOf(lines: Pt[][]): Bounds {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const l of lines)
    for (const [x, y] of l) {
      if (x < b.x0) b.x0 = x;
      if (x > b.x1) b.x1 = x;
      if (y < b.y0) b.y0 = y;
      if (y > b.y1) b.y1 = y;
    }
  return b;
}

export function lonLatToMercator(lon: number, lat: number): Pt {
  return [mercatorX(lon), mercatorY(lat)];
}
