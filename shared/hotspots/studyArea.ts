import Flatbush from 'flatbush';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { projectRings } from '../geo/projectRings';
import { centreOf, type CellShape, type StudyGrid } from './lattice';

/** Refuse outright above this: a 60 km force at 150 m is ~90k cells; 5M means a wrong input. */
export const HARD_CELL_LIMIT = 5_000_000;
export const WARN_CELL_LIMIT = 100_000;

/** Area polygons projected to BNG: rings per feature, with the feature's code. */
export interface BngAreas {
  codes: string[];
  /** For each feature, its rings (outer and holes of every part), as flat [x0, y0, x1, y1, ...]. */
  rings: Float64Array[][];
}

export function projectAreas(fc: FeatureCollection<Polygon | MultiPolygon>): BngAreas {
  const codes: string[] = [];
  const rings: Float64Array[][] = [];
  for (const f of fc.features) {
    const out = projectRings(f.geometry);
    codes.push(String(f.properties?.['code'] ?? f.id ?? codes.length));
    rings.push(out);
  }
  return { codes, rings };
}

/**
 * The study area: every cell whose CENTRE lies inside the union of the areas (wards), so
 * cells with no crime count as zeros. Built by scanlines: for each lattice row we ask a
 * Flatbush index of all polygon edges which edges cross the row's centre line, and fill
 * between crossing pairs per area (even-odd, so holes work). A centre exactly on a shared
 * ward boundary goes to exactly one ward (half-open intervals). Cost ~ edges + cells, never
 * cells x wards.
 */
export function buildStudyGrid(areas: BngAreas, shape: CellShape, size: number): StudyGrid {
  if (!(size > 0)) throw new Error(`Cell size must be positive (got ${size}).`);
  let edgeCount = 0;
  for (const rs of areas.rings) for (const r of rs) edgeCount += Math.max(0, r.length / 2 - 1);
  if (edgeCount === 0) throw new Error('The area layer has no polygons: load wards before running hotspots.');
  const ex1 = new Float64Array(edgeCount), ey1 = new Float64Array(edgeCount);
  const ex2 = new Float64Array(edgeCount), ey2 = new Float64Array(edgeCount);
  const eArea = new Int32Array(edgeCount);
  const index = new Flatbush(edgeCount);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let k = 0;
  areas.rings.forEach((rs, a) => {
    for (const r of rs) {
      for (let v = 0; v + 3 < r.length; v += 2) {
        const x1 = r[v]!, y1 = r[v + 1]!, x2 = r[v + 2]!, y2 = r[v + 3]!;
        ex1[k] = x1; ey1[k] = y1; ex2[k] = x2; ey2[k] = y2; eArea[k] = a;
        index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
        k++;
        minX = Math.min(minX, x1); maxX = Math.max(maxX, x1);
        minY = Math.min(minY, y1); maxY = Math.max(maxY, y1);
      }
    }
  });
  index.finish();

  const rowStep = shape === 'square' ? size : size * (Math.sqrt(3) / 2);
  const rowOffset = shape === 'square' ? 0.5 * size : 0; // centre y = j * rowStep + rowOffset
  const jMin = Math.floor((minY - rowOffset) / rowStep);
  const jMax = Math.ceil((maxY - rowOffset) / rowStep);
  const iOf = (x: number, j: number) => (shape === 'square' ? x / size - 0.5 : x / size - j / 2);
  const estimate = ((maxX - minX) / size + 2) * (jMax - jMin + 1);
  if (estimate > HARD_CELL_LIMIT) {
    throw new Error(
      `A ${size} m grid over this area would need about ${Math.round(estimate).toLocaleString('en-GB')} cells ` +
        `(limit ${HARD_CELL_LIMIT.toLocaleString('en-GB')}); choose a larger cell size or check the boundary layer.`,
    );
  }

  const ci: number[] = [], cj: number[] = [], ca: number[] = [];
  const crossings: { a: number; x: number }[] = [];
  for (let j = jMin; j <= jMax; j++) {
    const y = j * rowStep + rowOffset;
    crossings.length = 0;
    for (const e of index.search(minX, y, maxX, y)) {
      const y1 = ey1[e]!, y2 = ey2[e]!;
      if (y1 <= y === y2 <= y) continue; // half-open: a vertex on the line counts once
      const x = ex1[e]! + ((y - y1) * (ex2[e]! - ex1[e]!)) / (y2 - y1);
      crossings.push({ a: eArea[e]!, x });
    }
    crossings.sort((p, q) => p.a - q.a || p.x - q.x);
    const rowCells = new Map<number, number>();
    for (let c = 0; c + 1 < crossings.length; ) {
      const p = crossings[c]!, q = crossings[c + 1]!;
      if (p.a !== q.a) { c += 1; continue; } // unpaired crossing (malformed ring): skip it
      const iStart = Math.ceil(iOf(p.x, j));
      const iEnd = Math.ceil(iOf(q.x, j)) - 1;
      for (let i = iStart; i <= iEnd; i++) if (!rowCells.has(i)) rowCells.set(i, p.a);
      c += 2;
    }
    const sorted = [...rowCells.keys()].sort((p, q) => p - q);
    for (const i of sorted) {
      ci.push(i);
      cj.push(j);
      ca.push(rowCells.get(i)!);
    }
  }
  return assembleGrid(shape, size, ci, cj, ca, areas.codes);
}

/** Builds the StudyGrid arrays and dense lookup from cell lattice positions (row-major order). */
export function assembleGrid(
  shape: CellShape,
  size: number,
  ci: number[],
  cj: number[],
  ca: number[],
  areaCodes: string[],
): StudyGrid {
  const n = ci.length;
  let iMin = Infinity, iMax = -Infinity, jMin = Infinity, jMax = -Infinity;
  for (let k = 0; k < n; k++) {
    iMin = Math.min(iMin, ci[k]!); iMax = Math.max(iMax, ci[k]!);
    jMin = Math.min(jMin, cj[k]!); jMax = Math.max(jMax, cj[k]!);
  }
  if (n === 0) { iMin = 0; iMax = -1; jMin = 0; jMax = -1; }
  const iSpan = iMax - iMin + 1;
  const jSpan = jMax - jMin + 1;
  const lookup = new Int32Array(Math.max(0, iSpan * jSpan)).fill(-1);
  const cx = new Float64Array(n), cy = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = ci[k]!, j = cj[k]!;
    lookup[(j - jMin) * iSpan + (i - iMin)] = k;
    const [x, y] = centreOf(shape, size, i, j);
    cx[k] = x;
    cy[k] = y;
  }
  return {
    shape, size, n,
    ci: Int32Array.from(ci), cj: Int32Array.from(cj), cx, cy,
    area: Int32Array.from(ca), areaCodes,
    iMin, jMin, iSpan, jSpan, lookup,
  };
}
