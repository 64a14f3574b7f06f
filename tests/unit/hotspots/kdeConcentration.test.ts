import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { concentration, pai, topCells } from '../../../shared/hotspots/concentration';
import { bandwidthNrd, defaultKdeBandwidth, kdeOnGrid } from '../../../shared/hotspots/kde';
import { assembleGrid } from '../../../shared/hotspots/studyArea';

describe('KDE', () => {
  it('bandwidth rule equals MASS::bandwidth.nrd (golden from R)', () => {
    const golden = Object.fromEntries(
      readFileSync('fixtures/golden/bandwidth_nrd.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).map(([a, b]) => [a!, Number(b)]),
    );
    // Same deterministic points as tests/golden/gistar_spdep.R.
    const k = Array.from({ length: 300 }, (_, i) => i);
    const e = k.map((i) => 420000 + ((i * 7919) % 1000) + ((i * 104729) % 613) / 7);
    const n = k.map((i) => 435000 + ((i * 31) % 97) * 11 + (i % 5) * 3);
    expect(Math.abs(bandwidthNrd(e) - golden['e']!)).toBeLessThan(1e-9);
    expect(Math.abs(bandwidthNrd(n) - golden['n']!)).toBeLessThan(1e-9);
  });

  it('quartic kernel values at cell centres by hand', () => {
    // 5 x 5 block of 150 m cells; one point of weight 2 on the centre of cell (2,2); h = 300 m.
    // K(d) = 3 / (pi h^2) (1 - d^2/h^2)^2 per m^2, x 1e6 per km^2:
    //   d = 0: 3e6 / (pi 90000) = 10.6103...; d = 150: x (1 - 0.25)^2 = 0.5625; d = 212.13: x (1 - 0.5)^2 = 0.25; d = 300: 0.
    const ci: number[] = [], cj: number[] = [];
    for (let j = 0; j < 5; j++) for (let i = 0; i < 5; i++) { ci.push(i); cj.push(j); }
    const grid = assembleGrid('square', 150, ci, cj, ci.map(() => 0), ['W']);
    const k = kdeOnGrid(grid, [375], [375], [2], 300);
    const peak = (2 * 3e6) / (Math.PI * 90000);
    expect(k.density[12]).toBeCloseTo(peak, 10);
    expect(k.density[13]).toBeCloseTo(peak * 0.5625, 10);
    expect(k.density[18]).toBeCloseTo(peak * 0.25, 10);
    expect(k.density[14]).toBe(0);
    expect(k.automatic).toBe(false);
    expect(k.rule).toBe('user');
    expect(k.binned).toBe(false);
  });

  it('defaults to 2 x the cell size (300 m at 150 m); the rule of thumb on request', () => {
    const ci: number[] = [], cj: number[] = [];
    for (let j = 0; j < 5; j++) for (let i = 0; i < 5; i++) { ci.push(i); cj.push(j); }
    const grid = assembleGrid('square', 150, ci, cj, ci.map(() => 0), ['W']);
    const e = [375, 525, 225, 400], n = [375, 375, 600, 100], w = [1, 1, 1, 1];
    const byDefault = kdeOnGrid(grid, e, n, w);
    expect(defaultKdeBandwidth(150)).toBe(300);
    expect([byDefault.bandwidth, byDefault.rule, byDefault.automatic]).toEqual([300, 'cells', true]);
    // Same surface as asking for 300 m by hand.
    expect(Array.from(byDefault.density)).toEqual(Array.from(kdeOnGrid(grid, e, n, w, 300).density));
    const nrd = kdeOnGrid(grid, e, n, w, 'nrd');
    expect(nrd.rule).toBe('nrd');
    expect(nrd.bandwidth).toBeCloseTo((bandwidthNrd(e) + bandwidthNrd(n)) / 2, 12);
    // The rule-of-thumb values are reported either way, for the method line.
    expect(byDefault.bandwidthX).toBe(nrd.bandwidthX);
  });
});

describe('concentration and PAI', () => {
  it('matches a hand example', () => {
    // 10 cells, harm 10, 5, 5 and seven zeros (total 20): the top cell holds 50% -> 1 cell = 10% of cells.
    const v = [0, 10, 0, 5, 0, 5, 0, 0, 0, 0];
    const c = concentration(v);
    expect(c.total).toBe(20);
    expect(c.cellsFor50).toBe(1);
    expect(c.shareFor50).toBeCloseTo(0.1, 15);
    expect(c.cellsFor25).toBe(1);
    expect(c.lorenz.find((p) => p.cellShare === 0.2)!.valueShare).toBeCloseTo(0.75, 15);
    expect(c.lorenz.at(-1)).toEqual({ cellShare: 1, valueShare: 1 });
    // PAI of the top cell: (10/20) / (1/10) = 5; of the top three: (20/20) / (3/10) = 3.333...
    expect(pai(v, [0, 1, 0, 0, 0, 0, 0, 0, 0, 0])).toBeCloseTo(5, 15);
    expect(pai(v, [0, 1, 0, 1, 0, 1, 0, 0, 0, 0])).toBeCloseTo(10 / 3, 15);
    expect(pai([0, 0], [1, 0])).toBeNull();
    expect(pai(v, new Array(10).fill(0))).toBeNull();
    // Top 2 cells: 10 and the first 5 (index 3): (15/20) / (2/10) = 3.75.
    expect(Array.from(topCells(v, 2))).toEqual([0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(pai(v, topCells(v, 2))).toBeCloseTo(3.75, 15);
  });
});

describe('bandwidth with multiplicities', () => {
  it('equals the rule on the expanded records', () => {
    const v = [5, 1, 9, 3, 3, 7.5];
    const m = [3, 1, 2, 4, 1, 2];
    const expanded = v.flatMap((x, k) => new Array<number>(m[k]!).fill(x));
    expect(bandwidthNrd(v, m)).toBeCloseTo(bandwidthNrd(expanded), 12);
    expect(bandwidthNrd([4], [1])).toBeNaN();
  });
});
