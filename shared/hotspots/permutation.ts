import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { StudyGrid } from './lattice';
import { neighbourSums } from './neighbourSums';

export const DEFAULT_PERMUTATIONS = 999;
export const DEFAULT_PERMUTATION_SEED = 20240401;

export interface PermutationOptions {
  permutations?: number;
  seed?: number;
  signal?: AbortSignal;
  /** Share of the work done, 0..1. */
  onProgress?: (done: number) => void;
}

export interface PermutationResult {
  /** Folded pseudo p-value per cell: (extreme + 1) / (permutations + 1), as PySAL esda. NaN when undefined. */
  pseudoP: Float64Array;
  /** +1 when the observed neighbourhood sum is above the null mean, -1 below, 0 equal. */
  direction: Int8Array;
  permutations: number;
  seed: number;
  /** Sets of random draws made: one per distinct neighbour count. */
  groups: number;
}

/**
 * Conditional permutation inference for Gi* (Anselin 1995; PySAL esda G_Local, rgeoda): hold
 * x_i at cell i and fill its other w_i - 1 neighbour slots with values drawn at random, without
 * replacement, from the other n - 1 cells. With binary weights and a fixed w_i, Gi* is an
 * increasing function of the neighbourhood sum, so ranking sums ranks Gi* exactly.
 *
 * How it stays exact and fast: for each neighbour count w we draw `permutations` random
 * (w - 1)-subsets of ALL n cells once and sort their sums S. For cell i the test compares
 * S against lag_i - x_i, by binary search. A subset that happens to contain i itself (chance
 * (w - 1)/n, about 1 in 10,000 on a force grid) has i swapped for a cell drawn uniformly from
 * those not in the subset; that swap makes each cell's null exactly uniform over the
 * (w - 1)-subsets of the other n - 1 cells. Cells share the draws, as esda shares one random
 * index matrix across all cells; each cell's own test is exact.
 */
export function giStarPermutation(grid: StudyGrid, x: Float64Array, distance: number, o: PermutationOptions = {}): PermutationResult {
  const steps = permutationSteps(grid, x, distance, o);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    o.onProgress?.(r.value);
  }
}

/**
 * The same work as a generator that yields the share of cells done, so the worker can return
 * to its event loop between slices (to hear a cancel) while the CLI runs it straight through.
 */
export function* permutationSteps(grid: StudyGrid, x: Float64Array, distance: number, o: PermutationOptions = {}): Generator<number, PermutationResult, void> {
  const perms = o.permutations ?? DEFAULT_PERMUTATIONS;
  const seed = o.seed ?? DEFAULT_PERMUTATION_SEED;
  if (!Number.isInteger(perms) || perms < 9 || perms > 99_999) throw new Error(`Permutations must be a whole number from 9 to 99,999 (got ${perms}).`);
  const n = grid.n;
  const { lag, w } = neighbourSums(grid, x, distance);
  const pseudoP = new Float64Array(n).fill(NaN);
  const direction = new Int8Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) total += x[k]!;

  const byCount = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    if (w[k]! < 2 || w[k]! >= n) continue; // no other slot to permute, or the whole area
    let g = byCount.get(w[k]!);
    if (!g) byCount.set(w[k]!, (g = []));
    g.push(k);
  }
  const counts = [...byCount.keys()].sort((a, b) => a - b);
  const rng = xoroshiro128plus(seed);
  // Unbiased integer in [0, m): reject the top sliver of 2^32 that m does not divide.
  const below = (m: number): number => {
    const limit = 4294967296 - (4294967296 % m);
    for (;;) {
      const r = rng.next() >>> 0;
      if (r < limit) return r % m;
    }
  };

  let done = 0;
  let sinceYield = 0;
  for (const wc of counts) {
    if (o.signal?.aborted) throw o.signal.reason ?? new Error('Cancelled.');
    const slots = wc - 1;
    const members = byCount.get(wc)!;
    // perms random slots-subsets of all n cells, and their sums.
    const draws = new Int32Array(perms * slots);
    const sums = new Float64Array(perms);
    for (let s = 0; s < perms; s++) {
      let sum = 0;
      const base = s * slots;
      for (let t = 0; t < slots; t++) {
        let idx: number;
        for (;;) {
          idx = below(n);
          let dup = false;
          for (let u = 0; u < t; u++) if (draws[base + u] === idx) { dup = true; break; }
          if (!dup) break;
        }
        draws[base + t] = idx;
        sum += x[idx]!;
      }
      sums[s] = sum;
    }
    // Which subsets contain each cell (rare), so a cell's own draws can be swapped out.
    const containing = new Map<number, number[]>();
    for (let s = 0; s < perms; s++) {
      for (let t = 0; t < slots; t++) {
        const c = draws[s * slots + t]!;
        let l = containing.get(c);
        if (!l) containing.set(c, (l = []));
        l.push(s);
      }
    }
    const sorted = sums.slice().sort();
    for (const k of members) {
      const target = lag[k]! - x[k]!; // the observed sum of the other slots
      const tol = 1e-9 * Math.max(1, Math.abs(lag[k]!));
      let atLeast = perms - lowerBound(sorted, target - tol);
      let atMost = lowerBound(sorted, target + tol);
      for (const s of containing.get(k) ?? []) {
        // Undo this subset's count, swap cell k for a cell outside the subset, count again.
        const old = sums[s]!;
        if (old >= target - tol) atLeast--;
        if (old <= target + tol) atMost--;
        let j: number;
        for (;;) {
          j = below(n);
          let inside = false;
          for (let t = 0; t < slots; t++) if (draws[s * slots + t] === j) { inside = true; break; }
          if (!inside) break;
        }
        const swapped = old - x[k]! + x[j]!;
        if (swapped >= target - tol) atLeast++;
        if (swapped <= target + tol) atMost++;
      }
      pseudoP[k] = (Math.min(atLeast, atMost) + 1) / (perms + 1);
      // Null mean of the other slots: (w - 1) x the mean of the other n - 1 cells.
      const nullMean = (slots * (total - x[k]!)) / (n - 1);
      direction[k] = target > nullMean + tol ? 1 : target < nullMean - tol ? -1 : 0;
      done++;
      if (++sinceYield >= 8192) {
        sinceYield = 0;
        yield done / n;
      }
    }
  }
  return { pseudoP, direction, permutations: perms, seed, groups: counts.length };
}

/** First index in sorted a with a[i] >= v. */
function lowerBound(a: Float64Array, v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const PERMUTATION_METHOD = (perms: number, seed: number) =>
  `conditional permutation (x_i held, the other neighbour slots filled at random without replacement from the other cells; ${perms} permutations, seed ${seed}); folded pseudo p = (extreme + 1) / (${perms} + 1), ties counted on both sides; hot or cold by the side of the null mean`;
