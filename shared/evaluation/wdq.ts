/**
 * Displacement statistics for a before/after hotspot evaluation (DOMAIN.md, "Evaluation").
 *
 * - Weighted Displacement Quotient (Bowers & Johnson 2003), read as Guerette (POP Center,
 *   "Analyzing crime displacement and diffusion"): WDQ = (Da/Ca - Db/Cb) / (Ra/Ca - Rb/Cb).
 * - Total Net Effect: TNE = [Rb(Ca/Cb) - Ra] + [Db(Ca/Cb) - Da] (crimes prevented, net of
 *   displacement; positive = fewer crimes than the control trend predicts).
 * - Weighted Displacement Difference (Wheeler & Ratcliffe 2018, Crime Science 7:17):
 *   WDD = dT - dCt + dD - dCd, var = sum of the eight counts (normal approximation to
 *   Poisson), as ptools::wdd(control, treated, disp_control, disp_treated).
 *
 * Zero denominators give a plain sentence (in `reading`/`notes`) and null figures, never
 * NaN or Infinity.
 */
import { twoSidedP } from '../hotspots/normal';

export interface WdqCounts {
  /** Response (treated) area before / after. */
  Rb: number;
  Ra: number;
  /** Displacement buffer before / after. */
  Db: number;
  Da: number;
  /** Control area before / after. */
  Cb: number;
  Ca: number;
}

export interface WdqResult {
  /** The quotient; null when it is undefined (see reading). */
  value: number | null;
  /** Ra/Ca - Rb/Cb: below 0 means the response area fell relative to the control. */
  successMeasure: number | null;
  /** Total net effect in crimes (or harm units when given harm): positive = net reduction. */
  tne: number | null;
  /** One plain sentence saying what the figures mean. */
  reading: string;
  notes: string[];
}

export interface WddCounts {
  /** Treated area before / after. */
  Tb: number;
  Ta: number;
  /** Treated area's control before / after. */
  Ctb: number;
  Cta: number;
  /** Displacement buffer before / after. */
  Db: number;
  Da: number;
  /** The buffer's control before / after. */
  Cdb: number;
  Cda: number;
}

/**
 * Optional period weights (ptools `time_weights`): counts are divided by them, so unequal
 * before/after periods compare as rates (e.g. months). Default 1 and 1: plain counts.
 */
export interface WddTimeWeights {
  before: number;
  after: number;
}

export interface WddResult {
  /** Weighted displacement difference: negative = fewer crimes than the controls predict. */
  wdd: number;
  se: number | null;
  z: number | null;
  /** Two-sided p-value of z (normal approximation). */
  p: number | null;
  /** 95% interval wdd +/- 1.959964 se; null when se is 0. */
  ci95: [number, number] | null;
  /** The local (treated vs control) and displacement (buffer vs its control) parts. */
  local: number;
  displacement: number;
  reading: string;
  notes: string[];
}

/** Counts below this in any of the eight cells make the normal approximation doubtful. */
export const WDD_SMALL_COUNT = 5;
export const Z95 = 1.959963984540054;

/** Guerette's reading of a WDQ value (success measure already negative). */
function readWdq(w: number): string {
  if (w > 1) return `WDQ ${fmt(w)} > 1: diffusion of benefit into the buffer, larger than the direct effect in the response area.`;
  if (w > 0) return `WDQ ${fmt(w)} between 0 and 1: some diffusion of benefit into the buffer, smaller than the direct effect.`;
  if (w === 0) return 'WDQ 0: the buffer changed exactly as the control did: no displacement and no diffusion of benefit.';
  if (w >= -1) return `WDQ ${fmt(w)} between -1 and 0: some displacement into the buffer, smaller than the direct benefit (net benefit remains).`;
  return `WDQ ${fmt(w)} below -1: displacement into the buffer is larger than the direct benefit: the benefit is undone.`;
}

export function wdq(c: WdqCounts): WdqResult {
  const notes: string[] = [];
  const { Rb, Ra, Db, Da, Cb, Ca } = c;
  const tne = Cb > 0 ? Rb * (Ca / Cb) - Ra + (Db * (Ca / Cb) - Da) : null;
  if (Cb === 0 || Ca === 0) {
    const which = Cb === 0 && Ca === 0 ? 'before and after' : Cb === 0 ? 'before' : 'after';
    const reading =
      `The control area has no crimes ${which}, so the WDQ and its success measure cannot be computed ` +
      '(they divide by the control count); choose a larger or busier control area.';
    notes.push(reading);
    if (tne === null) notes.push('The total net effect scales by the control change Ca/Cb, which needs crimes in the control area before.');
    return { value: null, successMeasure: null, tne, reading, notes };
  }
  // Harm totals are sums of decimal weights (0.1 + 0.2 != 0.3): equal rates that differ in the
  // last bit must read as no change, not as a huge WDQ.
  const raw = Ra / Ca - Rb / Cb;
  const success = Math.abs(raw) <= 1e-12 * Math.max(Ra / Ca, Rb / Cb) ? 0 : raw;
  const bufferShift = Da / Ca - Db / Cb;
  if (Rb === 0 && Ra === 0) notes.push('The response area has no crimes in either period: there is no effect to measure.');
  if (Db === 0 && Da === 0) notes.push('The buffer has no crimes in either period: no displacement or diffusion can be seen.');
  if (success === 0) {
    const reading =
      'The response area changed exactly as the control did (success measure 0), so the WDQ cannot be computed ' +
      '(it divides by the success measure): there is no direct effect to weigh displacement against.';
    notes.push(reading);
    return { value: null, successMeasure: 0, tne, reading, notes };
  }
  const value = bufferShift / success;
  if (success > 0) {
    const reading =
      `Success measure ${fmt(success)} > 0: crime in the response area rose relative to the control, so the response ` +
      `did not work by this measure and the WDQ (${fmt(value)}) is not read as displacement or diffusion (Guerette).`;
    return { value, successMeasure: success, tne, reading, notes };
  }
  return { value, successMeasure: success, tne, reading: `Success measure ${fmt(success)} < 0: the response worked relative to the control. ${readWdq(value)}`, notes };
}

export function wdd(c: WddCounts, weights: WddTimeWeights = { before: 1, after: 1 }): WddResult {
  const { Tb, Ta, Ctb, Cta, Db, Da, Cdb, Cda } = c;
  const wb = weights.before, wa = weights.after;
  if (!(wb > 0) || !(wa > 0)) throw new Error('WDD period weights must be positive numbers.');
  const notes: string[] = [];
  // ptools::wdd: est_local = (T1/w1 - T0/w0) - (C1/w1 - C0/w0); var adds each count / w^2.
  const local = Ta / wa - Tb / wb - (Cta / wa - Ctb / wb);
  const displacement = Da / wa - Db / wb - (Cda / wa - Cdb / wb);
  const est = local + displacement;
  const variance = (Ta + Cta + Da + Cda) / (wa * wa) + (Tb + Ctb + Db + Cdb) / (wb * wb);
  if (wb !== 1 || wa !== 1) {
    notes.push(`Counts are divided by the period lengths (before ${fmt(wb)}, after ${fmt(wa)}), so the WDD is a change per unit of time (ptools time_weights).`);
  }
  notes.push('The standard error uses the normal approximation to the Poisson distribution: variance = the sum of the eight counts (Wheeler & Ratcliffe 2018).');
  const small = Object.entries(c).filter(([, v]) => v < WDD_SMALL_COUNT).map(([k]) => k);
  if (small.length) {
    notes.push(`Small counts (${small.join(', ')} below ${WDD_SMALL_COUNT}): the normal approximation is doubtful, so treat z, p and the interval as rough.`);
  }
  if (variance === 0) {
    const reading = 'All eight counts are zero: there is no crime to compare, so the WDD has no standard error, z or interval.';
    notes.push(reading);
    return { wdd: est, se: null, z: null, p: null, ci95: null, local, displacement, reading, notes };
  }
  const se = Math.sqrt(variance);
  const z = est / se;
  const p = twoSidedP(z);
  const ci95: [number, number] = [est - Z95 * se, est + Z95 * se];
  const sig = ci95[0] > 0 || ci95[1] < 0 ? 'the 95% interval excludes 0' : 'the 95% interval includes 0, so chance alone could explain it';
  const what = est < 0 ? `${fmt(-est)} fewer crimes than the controls predict` : est > 0 ? `${fmt(est)} more crimes than the controls predict` : 'exactly the change the controls predict';
  const reading = `WDD ${fmt(est)} (SE ${fmt(se)}, z ${fmt(z)}, 95% interval ${fmt(ci95[0])} to ${fmt(ci95[1])}): ${what}, buffer included; ${sig}.`;
  return { wdd: est, se, z, p, ci95, local, displacement, reading, notes };
}

/** Up to 4 significant decimals, never exponents for ordinary values. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const r = Math.round(v * 10000) / 10000;
  return Object.is(r, -0) ? '0' : String(r);
}
