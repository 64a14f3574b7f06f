import { projectRings } from '../geo/projectRings';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { lonLatToBng } from '../geo/bng';

/** Polygons in BNG metres with a bounding-box index, for point-in-polygon lookups of records. */
export class PolygonIndex {
  private readonly index: Flatbush | null;
  /** Per polygon: its rings (outer and holes of every part) as flat [x0, y0, x1, y1, ...]. */
  readonly rings: Float64Array[][];

  constructor(rings: Float64Array[][]) {
    this.rings = rings;
    if (rings.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(rings.length);
    for (const rs of rings) {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const r of rs) {
        for (let k = 0; k < r.length; k += 2) {
          x0 = Math.min(x0, r[k]!); x1 = Math.max(x1, r[k]!);
          y0 = Math.min(y0, r[k + 1]!); y1 = Math.max(y1, r[k + 1]!);
        }
      }
      if (!Number.isFinite(x0)) x0 = y0 = x1 = y1 = 0;
      this.index.add(x0, y0, x1, y1);
    }
    this.index.finish();
  }

  /** The first polygon holding (e, n) (even-odd rule, so holes work), or -1. */
  find(e: number, n: number): number {
    if (!this.index || !Number.isFinite(e) || !Number.isFinite(n)) return -1;
    for (const p of this.index.search(e, n, e, n).sort((a, b) => a - b)) {
      if (insideRings(this.rings[p]!, e, n)) return p;
    }
    return -1;
  }
}

export function insideRings(rings: Float64Array[], x: number, y: number): boolean {
  let inside = false;
  for (const r of rings) {
    for (let k = 0, m = r.length - 2; k < r.length; m = k, k += 2) {
      const yk = r[k + 1]!, ym = r[m + 1]!;
      if (yk > y !== ym > y && x < ((r[m]! - r[k]!) * (y - yk)) / (ym - yk) + r[k]!) inside = !inside;
    }
  }
  return inside;
}

/** Area-weighted centroid of the largest outer ring (BNG): a stable centre for separation and labels. */
export function ringsCentre(g: Polygon | MultiPolygon): { e: number; n: number } {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = { a: -1, e: NaN, n: NaN };
  for (const poly of polys) {
    const ring = poly[0]!.map((p) => lonLatToBng(p[0]!, p[1]!));
    let a = 0, cx = 0, cy = 0;
    for (let k = 0; k + 1 < ring.length; k++) {
      const [x0, y0] = ring[k]!, [x1, y1] = ring[k + 1]!;
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (Math.abs(a) > best.a) best = { a: Math.abs(a), e: cx / (3 * a), n: cy / (3 * a) };
  }
  return { e: best.e, n: best.n };
}

export { projectRings };
