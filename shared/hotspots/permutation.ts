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
  /** +1 when the observed neighbourhood sum is above the permutation mean, -1 below, 0 equal. */
  direction: Int8Array;
  permutations: number;
  seed: number;
  /** Distinct null distributions simulated (cells sharing their own value and neighbour count share one). */
  groups: number;
}

/**
 * Conditional permutation inference for Gi* (Anselin 1995; PySAL esda G_Local, rgeoda): hold
 * x_i at cell i and fill its other w_i - 1 neighbour slots with values drawn at random, without
 * replacement, from the other n - 1 cells. With binary weights and a fixed w_i, Gi* is an
 * increasing function of the neighbourhood sum, so ranking sums ranks Gi* exactly.
 *
 * Why grouping is exact: the null distribution of cell i's sum depends only on x_i and w_i
 * (the pool is "all values but one copy of x_i"), so every cell with the same (x_i, w_i)
 * has the same null distribution. We simulate it once per group and binary-search each
 * cell's observed sum in it. On 150 m grids most cells are 0 with 9 neighbours, so 90k cells
 * need only a few thousand simulated distributions. Cells of one group share their random
 * draws, as esda shares one random index matrix across all cells.
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
 * The same work as a generator that yields the share done after each slice of groups, so
 * the worker can return to its event loop between slices (to hear a cancel) while the CLI
 * runs it straight through.
 */
export function* permutationSteps(grid: StudyGrid, x: Float64Array, distance: number, o: PermutationOptions = {}): Generator<number, PermutationResult, void> {
  const perms = o.permutations ?? DEFAULT_PERMUTATIONS;
  const seed = o.seed ?? DEFAULT_PERMUTATION_SEED;
  if (!Number.isInteger(perms) || perms < 9 || perms > 99_999) throw new Error(`Permutations must be a whole number from 9 to 99,999 (got ${perms}).`);
  const n = grid.n;
  const { lag, w } = neighbourSums(grid, x, distance);
  const pseudoP = new Float64Array(n).fill(NaN);
  const direction = new Int8Array(n);

  // Group cells by (own value, neighbour count); a sorted key order keeps results seed-stable.
  const groups = new Map<string, number[]>();
  for (let k = 0; k < n; k++) {
    if (w[k]! < 2 || w[k]! >= n) continue; // no other slot to permute, or the whole area
    const key = `${w[k]}|${x[k]}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(k);
  }
  const keys = [...groups.keys()].sort();
  const rng = xoroshiro128plus(seed);
  // Unbiased integer in [0, m): reject the top sliver of 2^32 that m does not divide.
  const below = (m: number): number => {
    const limit = 4294967296 - (4294967296 % m);
    for (;;) {
      const r = rng.next() >>> 0;
      if (r < limit) return r % m;
    }
  };
  const uniform = () => (rng.next() >>> 0) / 4294967296;

  // Most 150 m cells are 0, so drawing slot by slot wastes draws on zeros. Equivalent and
  // exact: draw how many of the slots hit non-zero cells (hypergeometric, one uniform against
  // a precomputed CDF), then draw only those among the non-zero cells.
  const nonZero: number[] = [];
  for (let k = 0; k < n; k++) if (x[k] !== 0) nonZero.push(k);
  const posInNonZero = new Int32Array(n).fill(-1);
  nonZero.forEach((k, p) => (posInNonZero[k] = p));
  const cdfCache = new Map<string, Float64Array>();
  const hyperCdf = (pool: number, good: number, draws: number): Float64Array => {
    const key = `${pool}|${good}|${draws}`;
    let cdf = cdfCache.get(key);
    if (cdf) return cdf;
    // P(m) = C(good, m) C(pool - good, draws - m) / C(pool, draws), in logs for large pools.
    const lc = (a: number, b: number) => (b < 0 || b > a ? -Infinity : logFact(a) - logFact(b) - logFact(a - b));
    cdf = new Float64Array(draws + 1);
    let acc = 0;
    for (let m = 0; m <= draws; m++) {
      acc += Math.exp(lc(good, m) + lc(pool - good, draws - m) - lc(pool, draws));
      cdf[m] = acc;
    }
    cdf[draws] = 1;
    cdfCache.set(key, cdf);
    return cdf;
  };

  const sims = new Float64Array(perms);
  const drawn = new Int32Array(64);
  let done = 0;
  let sinceYield = 0;
  for (const key of keys) {
    if (o.signal?.aborted) throw o.signal.reason ?? new Error('Cancelled.');
    const members = groups.get(key)!;
    const rep = members[0]!;
    const slots = w[rep]! - 1;
    const xi = x[rep]!;
    const repPos = posInNonZero[rep]!; // -1 when the cell's own value is 0
    const good = nonZero.length - (repPos >= 0 ? 1 : 0);
    const cdf = hyperCdf(n - 1, good, slots);
    let simSum = 0;
    for (let s = 0; s < perms; s++) {
      const u = uniform();
      let m = 0;
      while (m < slots && u >= cdf[m]!) m++;
      let sum = xi;
      for (let t = 0; t < m; t++) {
        let p: number;
        // Uniform over the non-zero cells other than this one, without replacement.
        for (;;) {
          p = below(good);
          if (repPos >= 0 && p >= repPos) p++;
          let dup = false;
          for (let v = 0; v < t; v++) if (drawn[v] === p) { dup = true; break; }
          if (!dup) break;
        }
        drawn[t] = p;
        sum += x[nonZero[p]!]!;
      }
      sims[s] = sum;
      simSum += sum;
    }
    sims.sort();
    const simMean = simSum / perms;
    for (const k of members) {
      const obs = lag[k]!;
      // Tolerance so sums equal up to rounding (e.g. harm weights like 0.1) count as ties.
      const tol = 1e-9 * Math.max(1, Math.abs(obs));
      const atLeast = perms - lowerBound(sims, obs - tol);
      const atMost = lowerBound(sims, obs + tol);
      const extreme = Math.min(atLeast, atMost);
      pseudoP[k] = (extreme + 1) / (perms + 1);
      direction[k] = obs > simMean + tol ? 1 : obs < simMean - tol ? -1 : 0;
    }
    done += members.length;
    if (++sinceYield >= 256) {
      sinceYield = 0;
      yield done / n;
    }
  }
  return { pseudoP, direction, permutations: perms, seed, groups: keys.length };
}

const logFactCache: number[] = [0];
/** ln(k!), by summing logs once and caching (pools are at most a few hundred thousand cells). */
function logFact(k: number): number {
  for (let j = logFactCache.length; j <= k; j++) logFactCache[j] = logFactCache[j - 1]! + Math.log(j);
  return logFactCache[k]!;
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
  `conditional permutation (x_i held, the other neighbour slots filled at random without replacement from the other cells; ${perms} permutations, seed ${seed}); folded pseudo p = (extreme + 1) / (${perms} + 1), as PySAL esda; hot or cold by the side of the permutation mean`;
