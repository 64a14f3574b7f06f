import { latticeOf, type StudyGrid } from './lattice';

export interface CellCounts {
  count: Float64Array;
  harm: Float64Array;
  /** Points with coordinates that fall in no study-area cell. */
  outside: number;
  outsideHarm: number;
}

/**
 * Counts points (BNG metres) and their harm into study-area cells in one pass through the
 * dense lattice index. `weight` is each point's harm; `records` (default 1 each) is how many
 * records a point stands for. NaN coordinates must be filtered out by the caller (they are
 * "unplaced", a different thing from "outside the study area").
 */
export function countIntoCells(
  grid: StudyGrid,
  e: ArrayLike<number>,
  n: ArrayLike<number>,
  weight: ArrayLike<number>,
  records?: ArrayLike<number>,
): CellCounts {
  const count = new Float64Array(grid.n);
  const harm = new Float64Array(grid.n);
  let outside = 0;
  let outsideHarm = 0;
  const { iMin, jMin, iSpan, jSpan, lookup, shape, size } = grid;
  for (let p = 0; p < e.length; p++) {
    const [i, j] = latticeOf(shape, size, e[p]!, n[p]!);
    const ii = i - iMin;
    const jj = j - jMin;
    const idx = ii < 0 || jj < 0 || ii >= iSpan || jj >= jSpan ? -1 : lookup[jj * iSpan + ii]!;
    const r = records ? records[p]! : 1;
    if (idx < 0) {
      outside += r;
      outsideHarm += weight[p]!;
      continue;
    }
    count[idx]! += r;
    harm[idx]! += weight[p]!;
  }
  return { count, harm, outside, outsideHarm };
}
