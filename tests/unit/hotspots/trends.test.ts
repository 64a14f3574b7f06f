import { describe, expect, it } from 'vitest';
import { assembleGrid } from '../../../shared/hotspots/studyArea';
import { classifyTrends, splitPeriods, TREND_LABELS } from '../../../shared/hotspots/trends';

// 30 x 30 cells. In a period, a "spike" puts 10 in one cell. With m = 4 spikes, every cell of a
// spike's 3x3 block has Gi* = (1 - 36/900) / (sqrt(4/900 - 16/900^2) sqrt((900*9 - 81)/899)) = 4.83,
// p ~ 1.4e-6, BH q ~ 3.4e-5: significant; all other cells have z ~ -0.2 (not significant).
// Ten periods (k = floor(0.2 x 10) = 2 recent). Spikes:
//   A (5,5)   every period                     -> persistent (share 1 >= 0.8)
//   B (24,24) periods 9, 10                    -> emerging (older 0 < 0.1, recent 1 >= 0.2)
//   C (5,24)  periods 1-4                      -> former (older 0.5 >= 0.1, recent 0 < 0.1)
//   D (24,5)  periods 2, 5, 9                  -> intermittent (share 0.3; older 0.25; recent 0.5)
// Filler spikes keep m = 4 each period, far from A-D (rows 14-15).
const W = 30;
const ci: number[] = [], cj: number[] = [];
for (let j = 0; j < W; j++) for (let i = 0; i < W; i++) { ci.push(i); cj.push(j); }
const grid = assembleGrid('square', 150, ci, cj, ci.map(() => 0), ['W']);
const idx = (i: number, j: number) => j * W + i;
const schedule: Record<string, number[]> = { A: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], B: [9, 10], C: [1, 2, 3, 4], D: [2, 5, 9] };
const at: Record<string, [number, number]> = { A: [5, 5], B: [24, 24], C: [5, 24], D: [24, 5] };
const fillers: [number, number][] = [[10, 14], [15, 14], [20, 14], [10, 15]];

const periods = Array.from({ length: 10 }, (_, t) => {
  const x = new Float64Array(W * W);
  let m = 0;
  for (const [name, ps] of Object.entries(schedule)) if (ps.includes(t + 1)) { x[idx(...at[name]!)] = 10; m++; }
  for (let f = 0; m < 4; f++, m++) x[idx(...fillers[f]!)] = 10;
  return x;
});

describe('trend classes (sfhotspot hotspot_classify rules)', () => {
  it('classifies persistent, emerging, former and intermittent hotspots', () => {
    const r = classifyTrends(grid, periods);
    const label = (i: number, j: number) => TREND_LABELS[r.category[idx(i, j)]!];
    expect(r.periodsUsed).toBe(10);
    expect(r.recentPeriods).toBe(2);
    expect(label(5, 5)).toBe('persistent hotspot');
    expect(label(6, 4)).toBe('persistent hotspot'); // block neighbour shares the z
    expect(label(24, 24)).toBe('emerging hotspot');
    expect(label(5, 24)).toBe('former hotspot');
    expect(label(24, 5)).toBe('intermittent hotspot');
    expect(label(0, 29)).toBe('no pattern');
    expect(r.hotPeriods[idx(24, 5)]).toBe(3);
    expect(r.method).toMatch(/last 2 recent/);
  });

  it('drops empty periods and needs two', () => {
    const empty = new Float64Array(W * W);
    expect(classifyTrends(grid, [...periods, empty]).periodsUsed).toBe(10);
    expect(() => classifyTrends(grid, [periods[0]!, empty])).toThrow(/at least 2/);
  });

  it('splits a span into consecutive periods', () => {
    expect(splitPeriods('2023-01', '2023-12', 3)).toEqual([
      { from: '2023-01', to: '2023-03' }, { from: '2023-04', to: '2023-06' },
      { from: '2023-07', to: '2023-09' }, { from: '2023-10', to: '2023-12' },
    ]);
    expect(splitPeriods('2023-02', '2023-12', 6)).toEqual([{ from: '2023-02', to: '2023-06' }, { from: '2023-07', to: '2023-12' }]);
  });
});
