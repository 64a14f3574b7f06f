import type { StudyGrid } from './lattice';
import { neighbourSums } from './neighbourSums';

export interface GiStarResult {
  z: Float64Array;
  /** Number of neighbours in the study area, self included (sum_j w_ij with binary weights). */
  neighbours: Int32Array;
  mean: number;
  /** S = sqrt(sum x^2 / n - mean^2), the population standard deviation. */
  sd: number;
  n: number;
}

/**
 * Getis-Ord Gi* (Ord & Getis 1995) with binary weights, self included, as in DOMAIN.md and
 * spdep::localG on include.self() weights (style "B"):
 *   Gi* = (sum_j w_ij x_j - X * W_i) / (S * sqrt((n * W_i - W_i^2) / (n - 1)))
 * where W_i = sum_j w_ij = sum_j w_ij^2 (binary), X and S over all n study-area cells.
 * Neighbours are found through the grid's dense lattice index with precomputed offsets,
 * so the cost is n x (offsets), never n^2. Cells beyond the study area edge simply have
 * fewer neighbours (no edge correction), like spdep and ArcGIS.
 * z is NaN when undefined: every value equal (S = 0) or a cell whose neighbourhood is the
 * whole study area (W_i = n).
 */
export function giStar(grid: StudyGrid, x: Float64Array, distance: number): GiStarResult {
  const n = grid.n;
  if (x.length !== n) throw new Error(`Gi*: ${x.length} values for ${n} cells.`);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += x[k]!;
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const d = x[k]! - mean;
    ss += d * d;
  }
  const sd = Math.sqrt(ss / n); // two-pass: same value as sqrt(sum x^2/n - X^2), less rounding
  const { lag, w: neighbours } = neighbourSums(grid, x, distance);
  const z = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const w = neighbours[k]!;
    const denom = sd * Math.sqrt((n * w - w * w) / (n - 1));
    z[k] = denom > 0 ? (lag[k]! - mean * w) / denom : NaN;
  }
  return { z, neighbours, mean, sd, n };
}
