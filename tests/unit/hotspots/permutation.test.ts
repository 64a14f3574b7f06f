import { describe, expect, it } from 'vitest';
import { giStarPermutation } from '../../../shared/hotspots/permutation';
import { assembleGrid } from '../../../shared/hotspots/studyArea';

function block(w: number, h: number, size = 150) {
  const ci: number[] = [], cj: number[] = [], ca: number[] = [];
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) { ci.push(i); cj.push(j); ca.push(0); }
  return assembleGrid('square', size, ci, cj, ca, ['W']);
}

/** Every k-subset of the values: the exact conditional permutation distribution. */
function subsetSums(values: number[], k: number): number[] {
  const out: number[] = [];
  const rec = (start: number, left: number, sum: number) => {
    if (left === 0) { out.push(sum); return; }
    for (let s = start; s <= values.length - left; s++) rec(s + 1, left - 1, sum + values[s]!);
  };
  rec(0, k, 0);
  return out;
}

describe('Gi* conditional permutation inference', () => {
  // A 3 x 3 block holding 1..9 in a scrambled order; d = 150 sqrt 2, so corner cells have
  // 4 neighbours (self + 3), edge cells 6 and the centre 9 (the whole area: undefined).
  const grid = block(3, 3);
  const x = Float64Array.from([9, 8, 2, 7, 5, 1, 3, 4, 6]);
  const d = 150 * Math.SQRT2;
  const perms = 49_999;
  const r = giStarPermutation(grid, x, d, { permutations: perms, seed: 7 });

  it('matches the exact distribution (enumerated subsets) within Monte Carlo error', () => {
    // Cell 0 (corner, value 9): neighbours 0, 1, 3, 4 -> observed sum 9 + 8 + 7 + 5 = 29.
    // Null: 9 + any 3 of the other 8 values {8,2,7,5,1,3,4,6}: 56 equally likely subsets.
    const check = (cell: number, neighbours: number[]) => {
      const xi = x[cell]!;
      const others = Array.from(x).filter((_, k) => k !== cell);
      const obs = neighbours.reduce((s, k) => s + x[k]!, 0);
      const null_ = subsetSums(others, neighbours.length - 1).map((s) => s + xi);
      const upper = null_.filter((s) => s >= obs).length / null_.length;
      const lower = null_.filter((s) => s <= obs).length / null_.length;
      const exact = Math.min(upper, lower);
      const se = Math.sqrt((exact * (1 - exact)) / perms);
      expect(Math.abs(r.pseudoP[cell]! - exact)).toBeLessThan(4 * se + 2 / (perms + 1));
      return exact;
    };
    // By hand: the 3 drawn values must sum to >= 29 - 9 = 20; from {1..8} only {8,7,6} = 21 and
    // {8,7,5} = 20 do, so P(upper) = 2/56, and it is the smaller tail.
    expect(check(0, [0, 1, 3, 4])).toBeCloseTo(2 / 56, 12);
    check(2, [2, 1, 5, 4]);
    check(6, [6, 3, 7, 4]);
    check(1, [1, 0, 2, 3, 4, 5]);
    expect(r.direction[0]).toBe(1);
    expect(Number.isNaN(r.pseudoP[4]!)).toBe(true); // the centre's neighbourhood is the whole area
  });

  it('is seeded: the same seed gives the same p-values, another seed different ones', () => {
    const a = giStarPermutation(grid, x, d, { permutations: 999, seed: 1 });
    const b = giStarPermutation(grid, x, d, { permutations: 999, seed: 1 });
    const c = giStarPermutation(grid, x, d, { permutations: 999, seed: 2 });
    expect(Array.from(a.pseudoP)).toEqual(Array.from(b.pseudoP));
    expect(Array.from(a.pseudoP)).not.toEqual(Array.from(c.pseudoP));
  });

  it('never calls a cell whose neighbourhood is all zero significant (ties count on both sides)', () => {
    const big = block(10, 10);
    const y = new Float64Array(100);
    y[0] = 5; y[1] = 3;
    const res = giStarPermutation(big, y, d, { permutations: 999, seed: 3 });
    expect(res.pseudoP[99]).toBeGreaterThan(0.5); // far corner: all zeros
    expect(res.direction[99]).toBe(-1);
  });

  it('refuses an absurd number of permutations', () => {
    expect(() => giStarPermutation(grid, x, d, { permutations: 3 })).toThrow(/Permutations must be/);
  });
});
