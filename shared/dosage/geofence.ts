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

/** Lon/lat margin around each hotspot's projected box: far more than the curvature of a box a few km across. */
const LONLAT_MARGIN_DEG = 0.001;

/**
 * Which plan hotspots a fix lies in. Hotspot outlines are BNG polygons (PlanHotspot.bngGeometry);
 * a buffer of b metres grows each one to every point within b metres of it (inside, or at most
 * b from its edge), which is the exact grown polygon without building it. Boxes are indexed
 * with flatbush. Lon/lat fixes are only projected to BNG (shared/geo/bng.ts) when they fall in
 * a hotspot's lon/lat box, so fixes far from every hotspot cost a comparison, not a projection.
 *
 * A fix's answer is a "set id": -1 = in no hotspot, 0..H-1 = in that hotspot only, >= H = in
 * several (buffers can make hotspots overlap); `sets[id]` lists the hotspot indices.
 */
export class HotspotFence {
  readonly ids: string[];
  readonly sets: number[][];
  private readonly polys: Ring[][][];
  private readonly index: Flatbush | null;
  private readonly llIndex: Flatbush | null;
  private readonly box: [number, number, number, number];
  private readonly llBox: [number, number, number, number];
  private readonly setKeys = new Map<string, number>();
  private readonly hits: number[] = [];

  constructor(hotspots: { id: string; bngGeometry: GeoJSON.Polygon | GeoJSON.MultiPolygon }[], readonly bufferMetres = 0) {
    this.ids = hotspots.map((h) => h.id);
    this.sets = this.ids.map((_, i) => [i]);
    this.polys = hotspots.map((h) => (h.bngGeometry.type === 'Polygon' ? [h.bngGeometry.coordinates] : h.bngGeometry.coordinates));
    const b = bufferMetres;
    this.box = [Infinity, Infinity, -Infinity, -Infinity];
    this.llBox = [Infinity, Infinity, -Infinity, -Infinity];
    if (hotspots.length === 0) {
      this.index = this.llIndex = null;
      return;
    }
    this.index = new Flatbush(hotspots.length);
    this.llIndex = new Flatbush(hotspots.length);
    for (const polys of this.polys) {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const rings of polys) for (const p of rings[0] ?? []) {
        x0 = Math.min(x0, p[0]!); y0 = Math.min(y0, p[1]!); x1 = Math.max(x1, p[0]!); y1 = Math.max(y1, p[1]!);
      }
      x0 -= b; y0 -= b; x1 += b; y1 += b;
      this.index.add(x0, y0, x1, y1);
      this.box[0] = Math.min(this.box[0], x0); this.box[1] = Math.min(this.box[1], y0);
      this.box[2] = Math.max(this.box[2], x1); this.box[3] = Math.max(this.box[3], y1);
      let a0 = Infinity, b0 = Infinity, a1 = -Infinity, b1 = -Infinity;
      for (const [x, y] of [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [(x0 + x1) / 2, y0], [(x0 + x1) / 2, y1]] as const) {
        const [lon, lat] = bngToLonLat(x, y);
        a0 = Math.min(a0, lon); b0 = Math.min(b0, lat); a1 = Math.max(a1, lon); b1 = Math.max(b1, lat);
      }
      a0 -= LONLAT_MARGIN_DEG; b0 -= LONLAT_MARGIN_DEG; a1 += LONLAT_MARGIN_DEG; b1 += LONLAT_MARGIN_DEG;
      this.llIndex.add(a0, b0, a1, b1);
      this.llBox[0] = Math.min(this.llBox[0], a0); this.llBox[1] = Math.min(this.llBox[1], b0);
      this.llBox[2] = Math.max(this.llBox[2], a1); this.llBox[3] = Math.max(this.llBox[3], b1);
    }
    this.index.finish();
    this.llIndex.finish();
  }

  static fromPlan(plan: PatrolPlan): HotspotFence {
    return new HotspotFence(plan.hotspots, plan.dosage.bufferMetres ?? 0);
  }

  /** Set id of the hotspots containing the BNG point (see class comment). */
  setAtBng(e: number, n: number): number {
    const bx = this.box;
    if (e < bx[0] || e > bx[2] || n < bx[1] || n > bx[3]) return -1;
    const hits = this.hits;
    hits.length = 0;
    for (const i of this.index!.search(e, n, e, n)) {
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

  /** Set id for a WGS84 fix: projected to BNG only when it is near a hotspot. */
  setAtLonLat(lon: number, lat: number): number {
    const bx = this.llBox;
    if (lon < bx[0] || lon > bx[2] || lat < bx[1] || lat > bx[3]) return -1;
    if (this.llIndex!.search(lon, lat, lon, lat).length === 0) return -1;
    const [e, n] = lonLatToBng(lon, lat);
    return this.setAtBng(e, n);
  }
}
