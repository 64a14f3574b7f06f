import { describe, expect, it } from 'vitest';
import { bhAdjust } from '../../../shared/hotspots/fdr';

describe('Benjamini-Hochberg', () => {
  it('matches a hand-worked example', () => {
    // p sorted: 0.01, 0.02, 0.03, 0.04, 0.5 (m = 5). m/k * p: 0.05, 0.05, 0.05, 0.05, 0.5;
    // cumulative min from the top: 0.05, 0.05, 0.05, 0.05, 0.5.
    const q = bhAdjust([0.04, 0.01, 0.5, 0.03, 0.02]);
    expect(Array.from(q)).toEqual([0.05, 0.05, 0.5, 0.05, 0.05].map((v) => expect.closeTo(v, 15)));
  });

  it('caps at 1, keeps ties equal and leaves NaN out of m', () => {
    // m = 3 (NaN excluded): sorted 0.2, 0.2, 0.9 -> 3/2*0.2 = 0.3 (both ties), 0.9.
    const q = bhAdjust([0.9, NaN, 0.2, 0.2]);
    expect(q[0]).toBeCloseTo(0.9, 15);
    expect(q[1]).toBeNaN();
    expect(q[2]).toBeCloseTo(0.3, 15);
    expect(q[3]).toBeCloseTo(0.3, 15);
    expect(Array.from(bhAdjust([0.7, 0.8]))).toEqual([0.8, 0.8]);
    expect(bhAdjust([]).length).toBe(0);
  });
});
