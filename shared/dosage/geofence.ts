import Flatbush from 'flatbush';
import { bngToLonLat, lonLatToBng } from '../geo/bng';
import type { PatrolPlan } from '../patrols/types';

type Ring = number[][];

/** Even-odd ray test over all rings of one polygon (outer ring plus holes). */
function inRings(rings: Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i]![0]!, yi = ring[i]![1]!, xj = ring[j]![0]!, yj = ring[j]![1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function distToRings(rings: Ring[], x: number, y: number): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const ax = ring[i - 1]![0]!, ay = ring[i - 1]![1]!, bx = ring[i]![0]!, by = ring[i]![1]!;
      const dx = bx - ax, dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
      best = Math.min(best, Math.hypot(x - (ax + u * dx), y - (ay + u * dy)));
    }
  }
  return best;
}

/**
 * Lon/lat margin around each hotspot's projected box (about 15-20 m): the box is taken over 8
 * points per edge, and a grid line bends far less than a metre in lon/lat over a few km.
 */
const LONLAT_MARGIN_DEG = 0.0002;
const EDGE_SAMPLES = 8;

/**
 * For a hotspot that is one axis-aligned BNG rectangle (a grid cell, or merged cells forming a
 * rectangle): a lon/lat box certainly inside it. The rectangle shrunk by 1 m + 0.1% of its size
 * (far more than a straight BNG edge bends in lon/lat) is projected, and the box is taken
 * between its corners' innermost longitudes and latitudes, which lies inside that slightly
 * rotated quadrilateral. Null for any other shape.
 */
function innerLonLatBox(polys: Ring[][]): [number, number, number, number] | null {
  if (polys.length !== 1 || polys[0]!.length !== 1) return null;
  const ring = polys[0]![0]!;
  if (ring.length !== 5) return null;
  const xs = ring.map((p) => p[0]!), ys = ring.map((p) => p[1]!);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (!ring.every((p) => (p[0] === x0 || p[0] === x1) && (p[1] === y0 || p[1] === y1))) return null;
  const m = 1 + 0.001 * Math.max(x1 - x0, y1 - y0);
  if (x1 - x0 <= 2 * m || y1 - y0 <= 2 * m) return null;
  const [lonA, latA] = bngToLonLat(x0 + m, y0 + m), [lonB, latB] = bngToLonLat(x1 - m, y0 + m);
  const [lonC, latC] = bngToLonLat(x1 - m, y1 - m), [lonD, latD] = bngToLonLat(x0 + m, y1 - m);
  const box: [number, number, number, number] = [Math.max(lonA, lonD), Math.max(latA, latB), Math.min(lonB, lonC), Math.min(latC, latD)];
  return box[0] < box[2] && box[1] < box[3] ? box : null;
}

/**
 * A lookup grid over the boxes' extent: each grid cell lists the boxes touching it (found with
 * the flatbush index once, when built), so a point query is two multiplications and no
 * allocation, which matters at tens of millions of fixes. At most 512 x 512 cells.
 */
class BoxGrid {
  private readonly nx: number;
  private readonly ny: number;
  private readonly cw: number;
  private readonly ch: number;
  private readonly start: Int32Array;
  readonly items: Int32Array;
  from = 0;
  to = 0;

  constructor(index: Flatbush, private readonly ext: [number, number, number, number], cell: number) {
    const w = Math.max(ext[2] - ext[0], 1e-9), h = Math.max(ext[3] - ext[1], 1e-9);
    this.nx = Math.min(512, Math.max(1, Math.ceil(w / cell)));
    this.ny = Math.min(512, Math.max(1, Math.ceil(h / cell)));
    this.cw = w / this.nx;
    this.ch = h / this.ny;
    this.start = new Int32Array(this.nx * this.ny + 1);
    const items: number[] = [];
    for (let j = 0; j < this.ny; j++) {
      for (let i = 0; i < this.nx; i++) {
        this.start[j * this.nx + i] = items.length;
        const x0 = ext[0] + i * this.cw, y0 = ext[1] + j * this.ch;
        items.push(...index.search(x0, y0, x0 + this.cw, y0 + this.ch));
      }
    }
    this.start[this.nx * this.ny] = items.length;
    this.items = Int32Array.from(items);
  }

  /** Sets from/to to the range of `items` listing the boxes near (x, y); false when there are none. */
  query(x: number, y: number): boolean {
    const e = this.ext;
    if (x < e[0] || x > e[2] || y < e[1] || y > e[3]) return false;
    const i = Math.min(this.nx - 1, Math.floor((x - e[0]) / this.cw));
    const j = Math.min(this.ny - 1, Math.floor((y - e[1]) / this.ch));
    const c = j * this.nx + i;
    this.from = this.start[c]!;
    this.to = this.start[c + 1]!;
    return this.to > this.from;
  }
}

/**
 * Which plan hotspots a fix lies in. Hotspot outlines are BNG polygons (PlanHotspot.bngGeometry);
 * a buffer of b metres grows each one to every point within b metres of it (inside, or at most
 * b from its edge), which is the exact grown polygon without building it. Hotspot boxes are
 * indexed with flatbush (read through a lookup grid). Lon/lat fixes are only projected to BNG
 * (shared/geo/bng.ts) when they fall in a hotspot's lon/lat box, so fixes away from every
 * hotspot cost a comparison, not a projection; the point-in-polygon test is always in BNG.
 *
 * A fix's answer is a "set id": -1 = in no hotspot, 0..H-1 = in that hotspot only, >= H = in
 * several (buffers can make hotspots overlap); `sets[id]` lists the hotspot indices.
 */
export class HotspotFence {
  readonly ids: string[];
  readonly sets: number[][];
  private readonly polys: Ring[][][];
  /** Per hotspot [x0, y0, x1, y1] in BNG (buffer included), then in lon/lat (margin included). */
  private readonly boxes: Float64Array;
  private readonly llBoxes: Float64Array;
  /** Per hotspot, a lon/lat box certainly inside its polygon (rectangular hotspots only; else empty). */
  private readonly llInner: Float64Array;
  private readonly grid: BoxGrid | null;
  private readonly llGrid: BoxGrid | null;
  private readonly setKeys = new Map<string, number>();
  private readonly hits: number[] = [];

  constructor(hotspots: { id: string; bngGeometry: GeoJSON.Polygon | GeoJSON.MultiPolygon }[], readonly bufferMetres = 0) {
    this.ids = hotspots.map((h) => h.id);
    this.sets = this.ids.map((_, i) => [i]);
    this.polys = hotspots.map((h) => (h.bngGeometry.type === 'Polygon' ? [h.bngGeometry.coordinates] : h.bngGeometry.coordinates));
    const b = bufferMetres;
    this.boxes = new Float64Array(4 * hotspots.length);
    this.llBoxes = new Float64Array(4 * hotspots.length);
    this.llInner = new Float64Array(4 * hotspots.length).fill(NaN);
    if (hotspots.length === 0) {
      this.grid = this.llGrid = null;
      return;
    }
    const index = new Flatbush(hotspots.length), llIndex = new Flatbush(hotspots.length);
    const ext: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    const llExt: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    const grow = (e: [number, number, number, number], x0: number, y0: number, x1: number, y1: number) => {
      e[0] = Math.min(e[0], x0); e[1] = Math.min(e[1], y0); e[2] = Math.max(e[2], x1); e[3] = Math.max(e[3], y1);
    };
    this.polys.forEach((polys, h) => {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const rings of polys) for (const p of rings[0] ?? []) {
        x0 = Math.min(x0, p[0]!); y0 = Math.min(y0, p[1]!); x1 = Math.max(x1, p[0]!); y1 = Math.max(y1, p[1]!);
      }
      x0 -= b; y0 -= b; x1 += b; y1 += b;
      this.boxes.set([x0, y0, x1, y1], 4 * h);
      index.add(x0, y0, x1, y1);
      grow(ext, x0, y0, x1, y1);
      let a0 = Infinity, b0 = Infinity, a1 = -Infinity, b1 = -Infinity;
      for (let k = 0; k <= EDGE_SAMPLES; k++) {
        const u = k / EDGE_SAMPLES;
        for (const [x, y] of [[x0 + u * (x1 - x0), y0], [x0 + u * (x1 - x0), y1], [x0, y0 + u * (y1 - y0)], [x1, y0 + u * (y1 - y0)]] as const) {
          const [lon, lat] = bngToLonLat(x, y);
          a0 = Math.min(a0, lon); b0 = Math.min(b0, lat); a1 = Math.max(a1, lon); b1 = Math.max(b1, lat);
        }
      }
      a0 -= LONLAT_MARGIN_DEG; b0 -= LONLAT_MARGIN_DEG; a1 += LONLAT_MARGIN_DEG; b1 += LONLAT_MARGIN_DEG;
      this.llBoxes.set([a0, b0, a1, b1], 4 * h);
      const inner = innerLonLatBox(polys);
      if (inner) this.llInner.set(inner, 4 * h);
      llIndex.add(a0, b0, a1, b1);
      grow(llExt, a0, b0, a1, b1);
    });
    index.finish();
    llIndex.finish();
    this.grid = new BoxGrid(index, ext, 50);
    this.llGrid = new BoxGrid(llIndex, llExt, 0.0008);
  }

  static fromPlan(plan: PatrolPlan): HotspotFence {
    return new HotspotFence(plan.hotspots, plan.dosage.bufferMetres ?? 0);
  }

  /** Set id of the hotspots containing the BNG point (see class comment). */
  setAtBng(e: number, n: number): number {
    const g = this.grid;
    if (!g || !g.query(e, n)) return -1;
    return this.test(g.items, g.from, g.to, e, n);
  }

  /**
   * Set id for a WGS84 fix. Projected to BNG (and tested there) unless the answer is already
   * certain: outside every hotspot's lon/lat box (in none), or inside exactly one hotspot's box
   * and within its inner box (in that one). Both boxes are conservative, so the answer is the
   * one the projection gives (tests compare them over thousands of points).
   */
  setAtLonLat(lon: number, lat: number): number {
    const g = this.llGrid;
    if (!g || !g.query(lon, lat)) return -1;
    const bx = this.llBoxes, ib = this.llInner;
    let near = 0, only = -1;
    for (let k = g.from; k < g.to; k++) {
      const h = g.items[k]!, o = 4 * h;
      if (lon >= bx[o]! && lon <= bx[o + 2]! && lat >= bx[o + 1]! && lat <= bx[o + 3]!) { near++; only = h; }
    }
    if (near === 0) return -1;
    if (near === 1) {
      const o = 4 * only;
      if (lon > ib[o]! && lon < ib[o + 2]! && lat > ib[o + 1]! && lat < ib[o + 3]!) return only;
    }
    const [e, n] = lonLatToBng(lon, lat);
    // The lon/lat boxes enclose the BNG boxes, so the same candidates cover the projected point.
    return this.test(g.items, g.from, g.to, e, n);
  }

  private test(items: Int32Array, from: number, to: number, e: number, n: number): number {
    const hits = this.hits;
    hits.length = 0;
    const bx = this.boxes;
    for (let k = from; k < to; k++) {
      const i = items[k]!, o = 4 * i;
      if (e < bx[o]! || e > bx[o + 2]! || n < bx[o + 1]! || n > bx[o + 3]!) continue;
      const polys = this.polys[i]!;
      let inside = false;
      for (const rings of polys) if (inRings(rings, e, n)) { inside = true; break; }
      if (!inside && this.bufferMetres > 0) {
        for (const rings of polys) if (distToRings(rings, e, n) <= this.bufferMetres) { inside = true; break; }
      }
      if (inside) hits.push(i);
    }
    if (hits.length === 0) return -1;
    if (hits.length === 1) return hits[0]!;
    hits.sort((a, b) => a - b);
    const key = hits.join(',');
    let id = this.setKeys.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.sets.push(hits.slice());
      this.setKeys.set(key, id);
    }
    return id;
  }
}
