import { neighbourOffsets, type StudyGrid } from './lattice';

/**
 * For every cell: the sum of x over its neighbourhood (self included) and the number of
 * neighbours inside the study area. Shared by the analytic Gi* and the permutation test, so
 * both see exactly the same neighbourhoods.
 */
export function neighbourSums(grid: StudyGrid, x: Float64Array, distance: number): { lag: Float64Array; w: Int32Array } {
  const n = grid.n;
  const offsets = neighbourOffsets(grid.shape, grid.size, distance);
  const m = offsets.length / 2;
  const lag = new Float64Array(n);
  const w = new Int32Array(n);
  const { ci, cj, iMin, jMin, iSpan, jSpan, lookup } = grid;
  for (let k = 0; k < n; k++) {
    const i0 = ci[k]! - iMin;
    const j0 = cj[k]! - jMin;
    let s = 0;
    let c = 0;
    for (let o = 0; o < m; o++) {
      const ii = i0 + offsets[2 * o]!;
      const jj = j0 + offsets[2 * o + 1]!;
      if (ii < 0 || jj < 0 || ii >= iSpan || jj >= jSpan) continue;
      const idx = lookup[jj * iSpan + ii]!;
      if (idx < 0) continue;
      s += x[idx]!;
      c++;
    }
    lag[k] = s;
    w[k] = c;
  }
  return { lag, w };
}
