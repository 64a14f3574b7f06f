import type { Database } from 'sql.js';
import { selectCrimePoints } from '../harm/crimePoints';
import { addMonths, type CrimeFilter } from '../harm/crimeSelection';
import { countIntoCells } from './cellCounts';
import { bhAdjust } from './fdr';
import { giStar } from './giStar';
import { cellIdAt, type CellShape, type StudyGrid } from './lattice';
import { twoSidedP } from './normal';
import { DEFAULT_CELL_SIZE } from './projectGrid';
import { chooseStudyArea, type StudyAreaSpec } from './studyAreaChoice';
import { TREND_LABELS } from '../legend/classes';
import { trendClassificationText } from '../legend/methodText';

/**
 * Hotspot stability across periods, following R sfhotspot::hotspot_classify (read from its
 * source, mpjashby/sfhotspot R/hotspot_classify.R). In each period every cell gets Gi*;
 * it is a significant hot (cold) spot when p < criticalP and z > 0 (z < 0). With P periods
 * (periods without any record are dropped, as sfhotspot does), the last k = max(1,
 * floor(recentProp x P)) are "recent" (at least one must be older). Per cell:
 *   prop   = significant periods / P
 *   older  = significant older periods / (P - k)
 *   recent = significant recent periods / k
 * and, tested in this order (hot and cold separately):
 *   persistent   prop >= persistentProp                        (default 0.8)
 *   emerging     older < hotspotProp and recent >= recentProp  (defaults 0.1, 0.2)
 *   former       older >= hotspotProp and recent < hotspotProp
 *   intermittent prop >= hotspotProp
 *   otherwise no pattern; a cell with both a hot and a cold category is "mixed".
 * Two deliberate differences from sfhotspot, stated in the method: its code sums one more
 * period than k into "recent" (an off-by-one: columns (P-k):P); we use exactly the last k.
 * And its p-values are adjusted across a cell's periods; ours, like the main analysis,
 * are BH-adjusted across all cells within each period when fdr is on (raw when off).
 */
export interface TrendOptions {
  distance?: number;
  hotspotProp?: number;
  persistentProp?: number;
  recentProp?: number;
  criticalP?: number;
  fdr?: boolean;
}

/** Trend class labels by code; defined with their keys and colours in shared/legend/classes.ts. */
export { TREND_LABELS };

export interface TrendResult {
  /** Index into TREND_LABELS per cell. */
  category: Uint8Array;
  /** Significant hot / cold periods per cell. */
  hotPeriods: Uint16Array;
  coldPeriods: Uint16Array;
  periodsUsed: number;
  recentPeriods: number;
  tally: Record<string, number>;
  method: string;
}

export function classifyTrends(grid: StudyGrid, periodValues: Float64Array[], o: TrendOptions = {}): TrendResult {
  const hotspotProp = o.hotspotProp ?? 0.1;
  const persistentProp = o.persistentProp ?? 0.8;
  const recentProp = o.recentProp ?? 0.2;
  const criticalP = o.criticalP ?? 0.05;
  const fdr = o.fdr ?? true;
  const distance = o.distance ?? grid.size * Math.SQRT2;
  const used = periodValues.filter((v) => v.some((x) => x > 0));
  const P = used.length;
  if (P < 2) throw new Error(`Trend classes need at least 2 periods with records (got ${P}).`);
  const k = Math.max(1, Math.floor(recentProp * P));
  if (P - k < 1) throw new Error('Trend classes need at least one period before the recent ones.');

  const n = grid.n;
  const sig = used.map((x) => {
    const gi = giStar(grid, x, distance);
    const p = Float64Array.from(gi.z, twoSidedP);
    const q = fdr ? bhAdjust(p) : p;
    const s = new Int8Array(n);
    for (let c = 0; c < n; c++) if (q[c]! < criticalP) s[c] = gi.z[c]! > 0 ? 1 : gi.z[c]! < 0 ? -1 : 0;
    return s;
  });
  const category = new Uint8Array(n);
  const hotPeriods = new Uint16Array(n);
  const coldPeriods = new Uint16Array(n);
  const classOf = (all: number, older: number, recent: number): number => {
    const prop = all / P, o_ = older / (P - k), r = recent / k;
    if (prop >= persistentProp) return 1;
    if (o_ < hotspotProp && r >= recentProp) return 2;
    if (o_ >= hotspotProp && r < hotspotProp) return 3;
    if (prop >= hotspotProp) return 4;
    return 0;
  };
  for (let c = 0; c < n; c++) {
    let hAll = 0, hOld = 0, cAll = 0, cOld = 0;
    for (let t = 0; t < P; t++) {
      const s = sig[t]![c]!;
      if (s > 0) { hAll++; if (t < P - k) hOld++; }
      if (s < 0) { cAll++; if (t < P - k) cOld++; }
    }
    hotPeriods[c] = hAll;
    coldPeriods[c] = cAll;
    const h = classOf(hAll, hOld, hAll - hOld);
    const co = classOf(cAll, cOld, cAll - cOld);
    category[c] = h && co ? 9 : h ? h : co ? co + 4 : 0;
  }
  const tally: Record<string, number> = {};
  for (const label of TREND_LABELS) tally[label] = 0;
  for (let c = 0; c < n; c++) tally[TREND_LABELS[category[c]!]!]! += 1;
  const method = trendClassificationText({
    periodsUsed: P, emptyPeriods: periodValues.length - P, recent: k, criticalP, fdr, persistentProp, hotspotProp, recentProp,
  });
  return { category, hotPeriods, coldPeriods, periodsUsed: P, recentPeriods: k, tally, method };
}

/** Consecutive periods of `months` months ending at `to`, oldest first. */
export function splitPeriods(from: string, to: string, months: number): { from: string; to: string }[] {
  if (!(months >= 1)) throw new Error('A period must be at least one month.');
  const out: { from: string; to: string }[] = [];
  for (let end = to; end >= from; end = addMonths(end, -months)) {
    const start = addMonths(end, -(months - 1));
    out.unshift({ from: start < from ? from : start, to: end });
  }
  return out;
}

export interface TrendParams extends Omit<CrimeFilter, 'from' | 'to'>, TrendOptions {
  periods: { from: string; to: string }[];
  cellSize?: number;
  shape?: CellShape;
  layer?: string;
  /** The cells classified: the force (default), some districts or a polygon, as for Gi*. */
  studyArea?: StudyAreaSpec;
}

/** Trend classes per study-area cell for the UI and CLI (plain data). */
export function runHotspotTrends(db: Database, params: TrendParams) {
  const area = chooseStudyArea(db, params.shape ?? 'square', params.cellSize ?? DEFAULT_CELL_SIZE, params.studyArea, params.layer);
  const grid = area.grid;
  const values = params.periods.map((p) => {
    const sel = selectCrimePoints(db, { ...params, from: p.from, to: p.to });
    const keep: number[] = [];
    for (let r = 0; r < sel.n; r++) if (!sel.outOfArea[r] && Number.isFinite(sel.e[r]!) && Number.isFinite(sel.nn[r]!)) keep.push(r);
    return countIntoCells(grid, keep.map((r) => sel.e[r]!), keep.map((r) => sel.nn[r]!), keep.map((r) => sel.harm[r]!)).harm;
  });
  const result = classifyTrends(grid, values, params);
  return { ids: Array.from({ length: grid.n }, (_, k) => cellIdAt(grid, k)), periods: params.periods, studyArea: area.label, ...result };
}
