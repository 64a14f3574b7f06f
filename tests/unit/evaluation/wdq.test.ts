import { describe, expect, it } from 'vitest';
import { wdd, wdq, type WddResult, type WdqResult } from '../../../shared/evaluation/wdq';

/** No NaN or Infinity may ever reach a user: every number is finite or null. */
function allFinite(r: WdqResult | WddResult): void {
  for (const v of Object.values(r)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  if ('ci95' in r && r.ci95) for (const v of r.ci95) expect(Number.isFinite(v)).toBe(true);
  for (const s of [r.reading, ...r.notes]) expect(s).not.toMatch(/NaN|Infinity/);
}

describe('WDQ and total net effect (hand-worked)', () => {
  it('diffusion of benefit smaller than the direct effect', () => {
    // Rb=100 Ra=60 Db=50 Da=40 Cb=200 Ca=200
    // success = Ra/Ca - Rb/Cb = 60/200 - 100/200 = 0.30 - 0.50 = -0.2 (< 0: the response worked)
    // buffer  = Da/Ca - Db/Cb = 40/200 - 50/200 = 0.20 - 0.25 = -0.05
    // WDQ = -0.05 / -0.2 = 0.25 (0 to 1: some diffusion of benefit)
    // TNE = [Rb(Ca/Cb) - Ra] + [Db(Ca/Cb) - Da] = [100 - 60] + [50 - 40] = 50
    const r = wdq({ Rb: 100, Ra: 60, Db: 50, Da: 40, Cb: 200, Ca: 200 });
    expect(r.successMeasure).toBeCloseTo(-0.2, 9);
    expect(r.value).toBeCloseTo(0.25, 9);
    expect(r.tne).toBeCloseTo(50, 9);
    expect(r.reading).toMatch(/response worked.*between 0 and 1: some diffusion of benefit/);
    allFinite(r);
  });

  it('some displacement, smaller than the benefit, with a growing control', () => {
    // Rb=80 Ra=50 Db=40 Da=52 Cb=100 Ca=125 (Ca/Cb = 1.25)
    // success = 50/125 - 80/100 = 0.4 - 0.8 = -0.4
    // buffer  = 52/125 - 40/100 = 0.416 - 0.4 = 0.016
    // WDQ = 0.016 / -0.4 = -0.04
    // TNE = [80 x 1.25 - 50] + [40 x 1.25 - 52] = 50 + (-2) = 48
    const r = wdq({ Rb: 80, Ra: 50, Db: 40, Da: 52, Cb: 100, Ca: 125 });
    expect(Math.abs(r.successMeasure! - -0.4)).toBeLessThan(1e-9);
    expect(Math.abs(r.value! - -0.04)).toBeLessThan(1e-9);
    expect(Math.abs(r.tne! - 48)).toBeLessThan(1e-9);
    expect(r.reading).toMatch(/between -1 and 0: some displacement.*smaller than the direct benefit/);
  });

  it('benefit undone, diffusion larger than the effect, and a response that did not work', () => {
    // Rb=50 Ra=40 Db=20 Da=40 Cb=Ca=100: success = 0.4 - 0.5 = -0.1; buffer = 0.4 - 0.2 = 0.2;
    // WDQ = 0.2 / -0.1 = -2 (< -1: undone); TNE = [50 - 40] + [20 - 40] = -10
    const undone = wdq({ Rb: 50, Ra: 40, Db: 20, Da: 40, Cb: 100, Ca: 100 });
    expect(Math.abs(undone.value! - -2)).toBeLessThan(1e-9);
    expect(Math.abs(undone.tne! - -10)).toBeLessThan(1e-9);
    expect(undone.reading).toMatch(/below -1.*benefit is undone/);
    // Rb=50 Ra=40 Db=40 Da=20 Cb=Ca=100: success -0.1; buffer 0.2 - 0.4 = -0.2; WDQ = 2 (> 1)
    const big = wdq({ Rb: 50, Ra: 40, Db: 40, Da: 20, Cb: 100, Ca: 100 });
    expect(Math.abs(big.value! - 2)).toBeLessThan(1e-9);
    expect(big.reading).toMatch(/> 1: diffusion of benefit.*larger than the direct effect/);
    // Rb=10 Ra=20 Cb=Ca=100: success = +0.1 > 0: the response did not work; WDQ not read.
    const worse = wdq({ Rb: 10, Ra: 20, Db: 10, Da: 10, Cb: 100, Ca: 100 });
    expect(Math.abs(worse.successMeasure! - 0.1)).toBeLessThan(1e-9);
    expect(worse.reading).toMatch(/did not work/);
  });

  it('zero counts give sentences, never NaN or Infinity', () => {
    const noControlBefore = wdq({ Rb: 5, Ra: 3, Db: 2, Da: 1, Cb: 0, Ca: 4 });
    expect(noControlBefore.value).toBeNull();
    expect(noControlBefore.successMeasure).toBeNull();
    expect(noControlBefore.tne).toBeNull();
    expect(noControlBefore.reading).toBe(
      'The control area has no crimes before, so the WDQ and its success measure cannot be computed (they divide by the control count); choose a larger or busier control area.',
    );
    allFinite(noControlBefore);
    // Ca = 0 but Cb = 10: TNE is still defined: [5 x 0 - 3] + [2 x 0 - 1] = -4.
    const noControlAfter = wdq({ Rb: 5, Ra: 3, Db: 2, Da: 1, Cb: 10, Ca: 0 });
    expect(noControlAfter.value).toBeNull();
    expect(noControlAfter.tne).toBe(-4);
    expect(noControlAfter.reading).toMatch(/no crimes after/);
    // Success measure 0: Rb/Cb = Ra/Ca = 0.1.
    const flat = wdq({ Rb: 1, Ra: 2, Db: 3, Da: 4, Cb: 10, Ca: 20 });
    expect(flat.value).toBeNull();
    expect(flat.successMeasure).toBe(0);
    expect(flat.reading).toMatch(/changed exactly as the control did/);
    allFinite(flat);
    // Harm sums: (0.1 + 0.2) / 1 - 0.3 / 1 is 5.6e-17 in floating point, not 0: still no change.
    expect(wdq({ Rb: 0.3, Ra: 0.1 + 0.2, Db: 3, Da: 4, Cb: 1, Ca: 1 }).successMeasure).toBe(0);
    const empty = wdq({ Rb: 0, Ra: 0, Db: 0, Da: 0, Cb: 0, Ca: 0 });
    expect(empty.reading).toMatch(/no crimes before and after/);
    allFinite(empty);
  });
});

describe('WDD against ptools::wdd() (values hand-computed in tests/golden/wdd_ptools.R)', () => {
  it("matches the paper's example: WDD -118, SE sqrt(1568), z -2.98, 95% -196 to -40", () => {
    // ptools order: wdd(control, treated, disp_control, disp_treated) = wdd(c(308,318), c(207,110), c(150,140), c(178,157))
    const r = wdd({ Tb: 207, Ta: 110, Ctb: 308, Cta: 318, Db: 178, Da: 157, Cdb: 150, Cda: 140 });
    expect(r.wdd).toBe(-118);
    expect(r.local).toBe(-107);
    expect(r.displacement).toBe(-11);
    expect(Math.abs(r.se! - Math.sqrt(1568))).toBeLessThan(1e-9);
    expect(Math.abs(r.se! - 39.59797974644666)).toBeLessThan(1e-9);
    expect(Math.abs(r.z! - -2.979950006429022)).toBeLessThan(1e-9);
    expect(Math.abs(r.ci95![0] - -195.61061416358194)).toBeLessThan(1e-9);
    expect(Math.abs(r.ci95![1] - -40.38938583641804)).toBeLessThan(1e-9);
    expect(Math.abs(r.p! - 0.002882954304980645)).toBeLessThan(1e-12);
    expect(r.reading).toMatch(/^WDD -118 \(SE 39\.598, z -2\.98, 95% interval -195\.6106 to -40\.3894\): 118 fewer crimes .*excludes 0/);
    expect(r.notes.join(' ')).toMatch(/normal approximation to the Poisson/);
    expect(r.notes.join(' ')).not.toMatch(/Small counts/);
  });

  it('weights unequal periods like ptools time_weights', () => {
    // wdd(c(100,50), c(80,20), time_weights = c(2,1)): WDD = (20 - 40) - (50 - 50) = -20; var = 20 + 80/4 + 50 + 100/4 = 115
    const r = wdd({ Tb: 80, Ta: 20, Ctb: 100, Cta: 50, Db: 0, Da: 0, Cdb: 0, Cda: 0 }, { before: 2, after: 1 });
    expect(r.wdd).toBe(-20);
    expect(Math.abs(r.se! - Math.sqrt(115))).toBeLessThan(1e-9);
    expect(r.notes[0]).toMatch(/per unit of time/);
  });

  it('flags small counts and says so when every count is zero', () => {
    const small = wdd({ Tb: 3, Ta: 1, Ctb: 20, Cta: 22, Db: 4, Da: 6, Cdb: 10, Cda: 9 });
    // WDD = (1 - 3) - (22 - 20) + (6 - 4) - (9 - 10) = -2 - 2 + 2 + 1 = -1; var = 75
    expect(small.wdd).toBe(-1);
    expect(Math.abs(small.se! - Math.sqrt(75))).toBeLessThan(1e-9);
    expect(small.notes.join(' ')).toMatch(/Small counts \(Tb, Ta, Db below 5\): the normal approximation is doubtful/);
    expect(small.reading).toMatch(/includes 0/);
    const none = wdd({ Tb: 0, Ta: 0, Ctb: 0, Cta: 0, Db: 0, Da: 0, Cdb: 0, Cda: 0 });
    expect(none.se).toBeNull();
    expect(none.ci95).toBeNull();
    expect(none.reading).toBe('All eight counts are zero: there is no crime to compare, so the WDD has no standard error, z or interval.');
    allFinite(none);
  });
});
