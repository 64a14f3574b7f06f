import { squareCellId, squareCellOf, squareCentre, squareRing } from './bngGrid';
import { hexCellId, hexCellOf, hexCentre, hexRing } from './hexGrid';

export type CellShape = 'square' | 'hex';

/**
 * The study-area cells as plain data (typed arrays), so it crosses the worker boundary
 * without copying objects per cell. Cells are ordered row by row (south to north), then
 * west to east. (i, j) are lattice coordinates: (col, row) for squares, axial (q, r) for hexes.
 * `lookup[(j - jMin) * iSpan + (i - iMin)]` is the cell's index, or -1 outside the study area:
 * this dense index is how neighbour sums find cells in O(1) without comparing pairs.
 */
export interface StudyGrid {
  shape: CellShape;
  size: number;
  n: number;
  ci: Int32Array;
  cj: Int32Array;
  cx: Float64Array;
  cy: Float64Array;
  /** Index into areaCodes of the area (ward) holding the cell centre. */
  area: Int32Array;
  areaCodes: string[];
  iMin: number;
  jMin: number;
  iSpan: number;
  jSpan: number;
  lookup: Int32Array;
}

export function centreOf(shape: CellShape, size: number, i: number, j: number): [number, number] {
  return shape === 'square' ? squareCentre(size, i, j) : hexCentre(size, i, j);
}

export function latticeOf(shape: CellShape, size: number, e: number, n: number): [number, number] {
  return shape === 'square' ? squareCellOf(size, e, n) : hexCellOf(size, e, n);
}

export function cellIdAt(grid: StudyGrid, k: number): string {
  const i = grid.ci[k]!;
  const j = grid.cj[k]!;
  return grid.shape === 'square' ? squareCellId(grid.size, i, j) : hexCellId(grid.size, i, j);
}

export function cellRingAt(grid: StudyGrid, k: number): [number, number][] {
  const i = grid.ci[k]!;
  const j = grid.cj[k]!;
  return grid.shape === 'square' ? squareRing(grid.size, i, j) : hexRing(grid.size, i, j);
}

/** Index of the study-area cell at lattice (i, j), or -1. */
export function indexAt(grid: StudyGrid, i: number, j: number): number {
  const ii = i - grid.iMin;
  const jj = j - grid.jMin;
  if (ii < 0 || jj < 0 || ii >= grid.iSpan || jj >= grid.jSpan) return -1;
  return grid.lookup[jj * grid.iSpan + ii]!;
}

/** Index of the study-area cell holding a BNG point, or -1 when the point is outside. */
export function cellIndexOfPoint(grid: StudyGrid, e: number, n: number): number {
  const [i, j] = latticeOf(grid.shape, grid.size, e, n);
  return indexAt(grid, i, j);
}

/** Area of one cell in m^2. */
export function cellArea(shape: CellShape, size: number): number {
  return shape === 'square' ? size * size : (Math.sqrt(3) / 2) * size * size;
}

/**
 * Relative tolerance on the neighbourhood distance. The default d = size * sqrt(2) is
 * exactly the diagonal spacing, and size * Math.SQRT2 can round either side of the computed
 * diagonal; without a tolerance the diagonal neighbours would drop in or out by the last bit.
 * 1e-9 of d is far below any real distance difference between lattice cells (>= ~1e-3 of d).
 */
export const DISTANCE_TOLERANCE = 1e-9;

/**
 * Lattice offsets (di, dj) of every cell whose centre lies within `distance` of a cell's
 * centre, self (0, 0) included: the Gi* binary neighbourhood. Flat [di0, dj0, di1, dj1, ...].
 */
export function neighbourOffsets(shape: CellShape, size: number, distance: number): Int32Array {
  const limit = distance * (1 + DISTANCE_TOLERANCE);
  const reach = Math.ceil(limit / size / (shape === 'hex' ? Math.sqrt(3) / 2 : 1)) + 1;
  const out: number[] = [];
  for (let dj = -reach; dj <= reach; dj++) {
    for (let di = -reach * 2; di <= reach * 2; di++) {
      const d =
        shape === 'square'
          ? size * Math.sqrt(di * di + dj * dj)
          : size * Math.sqrt(di * di + di * dj + dj * dj);
      if (d <= limit) out.push(di, dj);
    }
  }
  return Int32Array.from(out);
}
