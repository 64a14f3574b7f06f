import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, twoSidedP } from '../../../shared/hotspots/normal';

const rows = readFileSync('fixtures/golden/normal_pnorm.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));

const rel = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));

describe('normal tail (fdlibm erfc)', () => {
  it('matches published erfc values to ~1e-15 relative', () => {
    // Abramowitz & Stegun / Wolfram values.
    /* eslint-disable no-loss-of-precision -- the published values, quoted with all their digits */
    expect(rel(erfc(0.5), 0.4795001221869534623)).toBeLessThan(2e-16);
    expect(rel(erfc(1), 0.1572992070502851307)).toBeLessThan(2e-16);
    expect(rel(erfc(2), 0.004677734981047265838)).toBeLessThan(2e-15);
    expect(rel(erfc(3), 2.209049699858544137e-5)).toBeLessThan(2e-15);
    expect(rel(erfc(5), 1.537459794428034850e-12)).toBeLessThan(2e-15);
    expect(rel(erfc(10), 2.088487583762544757e-45)).toBeLessThan(2e-15);
    expect(rel(erfc(-1), 1.8427007929497148693)).toBeLessThan(2e-16);
    /* eslint-enable no-loss-of-precision */
    expect(erfc(0)).toBe(1);
  });

  it('matches R pnorm for two-sided p and the CDF, including far tails', () => {
    expect(rows.length).toBe(20);
    for (const [z, p2, cdf, cdfNeg] of rows as [number, number, number, number][]) {
      // z / sqrt(2) is rounded once before erfc, so allow a few ulps times z^2 in the far tail.
      const tol = Math.max(1e-15, 4e-16 * z * z);
      expect(rel(twoSidedP(z), p2), `p(${z})`).toBeLessThan(tol);
      expect(rel(normalCdf(z), cdf), `cdf(${z})`).toBeLessThan(tol);
      expect(rel(normalCdf(-z), cdfNeg), `cdf(-${z})`).toBeLessThan(tol);
    }
  });

  it('gives the ArcGIS thresholds', () => {
    expect(twoSidedP(1.6448536269514722)).toBeCloseTo(0.1, 14);
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(-2.5758293035489004)).toBeCloseTo(0.01, 14);
    expect(twoSidedP(NaN)).toBeNaN();
  });
});
