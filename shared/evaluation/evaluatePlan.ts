/**
 * Before/after evaluation of a patrol plan (issue 7 item 6; DOMAIN.md "Evaluation"):
 * treated hotspots vs a control set, a displacement buffer ring around each, crime and harm
 * change, WDQ with its success measure and total net effect, the WDD with its standard
 * error, and crime on patrolled vs unpatrolled days where daily dosage is known.
 */
import type { ProjectDb as Database } from '../repository/db';
import { selectCrimePoints, type CrimePoints } from '../harm/crimePoints';
import { latticeOf } from '../hotspots/lattice';
import { dataCoverage } from '../wards/dataCoverage';
import { loadPlan } from '../patrols/planStore';
import type { PatrolPlan } from '../patrols/types';
import { bufferRing, cellIdOfKey, cellKey, keyOfCellId, nextRanked, type CellTotals, type GridSpec } from './cellAreas';
import { datesBetween, monthEnd, patrolledDays } from './patrolledDays';
import { fmt, wdd, wdq, type WddResult, type WdqResult } from './wdq';

export { evaluationCsv } from './evaluationCsv';

export interface EvaluationRequest {
  planId: string;
  /** Months YYYY-MM inclusive. */
  before: { from: string; to: string };
  after: { from: string; to: string };
  /** Width of the displacement buffer ring, metres (default 250). */
  bufferMetres?: number;
  /** 'next-ranked' (default) or the control cells' ids on the plan's grid. */
  control?: 'next-ranked' | string[];
  /** Harm scheme; default the plan's. */
  schemeId?: string;
  /** Category set; default the plan's (null = all records). */
  categorySetId?: string | null;
}

export const DEFAULT_BUFFER_METRES = 250;

export interface PeriodFigures {
  count: number;
  harm: number;
}

export interface ChangeFigures {
  count: number;
  harm: number;
  /** Percentage change; null (with a sentence in notes) when the before figure is 0. */
  countPct: number | null;
  harmPct: number | null;
  notes: string[];
}

export type AreaKey = 'treated' | 'buffer' | 'control' | 'controlBuffer';

export interface AreaResult {
  key: AreaKey;
  label: string;
  cellIds: string[];
  before: PeriodFigures;
  after: PeriodFigures;
  change: ChangeFigures;
}

export interface DayFigures {
  days: number;
  count: number;
  harm: number;
  /** Crimes per day; null when there are no such days. */
  countPerDay: number | null;
  harmPerDay: number | null;
}

/** Crime in one hotspot on patrolled vs unpatrolled days of the after period. */
export interface DayComparison {
  /** First and last local date compared (the plan's patrol period within the after months). */
  from: string;
  to: string;
  patrolled: DayFigures;
  unpatrolled: DayFigures;
  /** After-period records in the hotspot with no date (police.uk gives only the month). */
  undated: number;
  reading: string;
}

export interface HotspotResult {
  hotspotId: string;
  name: string;
  rank: number;
  cellIds: string[];
  before: PeriodFigures;
  after: PeriodFigures;
  change: ChangeFigures;
  /** null when no daily dosage is known for the plan (see Evaluation.dayNotes). */
  days: DayComparison | null;
}

export interface Evaluation {
  planId: string;
  planName: string;
  before: { from: string; to: string; months: number };
  after: { from: string; to: string; months: number };
  bufferMetres: number;
  control: 'next-ranked' | 'given';
  scheme: { id: string; label: string };
  categorySet: { id: string; label: string } | null;
  cellSize: number;
  cellShape: 'square' | 'hex';
  areas: Record<AreaKey, AreaResult>;
  /** WDQ, success measure and TNE on counts (R = treated, D = buffer, C = control). */
  wdq: WdqResult;
  /** The same on harm (only meaningful when the scheme is not plain counts). */
  wdqHarm: WdqResult;
  /** WDD on counts: T = treated, Ct = control, D = buffer, Cd = the control's buffer. */
  wdd: WddResult;
  hotspots: HotspotResult[];
  /** Plain sentences on the day-level comparison (what was known, what was not). */
  dayNotes: string[];
  method: string[];
  warnings: string[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function monthsIn(p: { from: string; to: string }, what: string): number {
  if (!MONTH.test(p.from) || !MONTH.test(p.to)) throw new Error(`The ${what} period must be two months as YYYY-MM (got "${p.from}" to "${p.to}").`);
  if (p.from > p.to) throw new Error(`The ${what} period starts (${p.from}) after it ends (${p.to}).`);
  const [y0, m0] = p.from.split('-').map(Number) as [number, number];
  const [y1, m1] = p.to.split('-').map(Number) as [number, number];
  return (y1 - y0) * 12 + (m1 - m0) + 1;
}

/** Per-cell totals of the in-area records that have a location. */
function cellTotals(g: GridSpec, pts: CrimePoints): Map<string, CellTotals> {
  const m = new Map<string, CellTotals>();
  for (let k = 0; k < pts.n; k++) {
    const e = pts.e[k]!, n = pts.nn[k]!;
    if (pts.outOfArea[k] || !Number.isFinite(e) || !Number.isFinite(n)) continue;
    const [i, j] = latticeOf(g.shape, g.size, e, n);
    const key = cellKey(i, j);
    const t = m.get(key);
    if (t) {
      t.count += pts.records[k]!;
      t.harm += pts.harm[k]!;
    } else m.set(key, { count: pts.records[k]!, harm: pts.harm[k]! });
  }
  return m;
}

function sum(totals: Map<string, CellTotals>, cells: Iterable<string>): PeriodFigures {
  let count = 0, harm = 0;
  for (const c of cells) {
    const t = totals.get(c);
    if (t) {
      count += t.count;
      harm += t.harm;
    }
  }
  return { count, harm };
}

function pct(before: number, after: number, what: string, notes: string[]): number | null {
  if (before === 0) {
    notes.push(`No ${what} before, so a percentage change cannot be given (${fmt(after)} after).`);
    return null;
  }
  return ((after - before) / before) * 100;
}

function change(b: PeriodFigures, a: PeriodFigures): ChangeFigures {
  const notes: string[] = [];
  const countPct = pct(b.count, a.count, 'crimes', notes);
  const harmPct = b.count === 0 ? null : pct(b.harm, a.harm, 'harm', notes);
  return { count: a.count - b.count, harm: a.harm - b.harm, countPct, harmPct, notes };
}

function treatedCells(plan: PatrolPlan, g: GridSpec): Map<string, string> {
  const owner = new Map<string, string>();
  for (const h of plan.hotspots) {
    if (h.cellIds.length === 0) throw new Error(`Hotspot ${h.id} (${h.name}) has no grid cells, so it cannot be evaluated on the plan's grid.`);
    for (const id of h.cellIds) {
      const key = keyOfCellId(g, id);
      if (!key) {
        throw new Error(
          `Hotspot ${h.id} (${h.name}) lists "${id}", which is not a ${g.shape} cell of ${fmt(g.size)} m: ` +
            'evaluation works on plans whose hotspots are cells of the plan grid (LSOA plans are not evaluated yet).',
        );
      }
      owner.set(key, h.id);
    }
  }
  return owner;
}

export function evaluatePlan(db: Database, req: EvaluationRequest): Evaluation {
  const plan = loadPlan(db, req.planId);
  if (!plan) throw new Error(`No patrol plan "${req.planId}" in this project.`);
  if (plan.hotspots.length === 0) throw new Error(`Plan ${plan.id} (${plan.name}) has no hotspots to evaluate.`);
  const monthsBefore = monthsIn(req.before, 'before');
  const monthsAfter = monthsIn(req.after, 'after');
  // A month with no crime records at all is missing data, not a month of zero crime: a period
  // with none cannot be evaluated, and one with gaps is compared on the months it has.
  const haveData = dataCoverage(db).crimes.months;
  const coverage = (p: { from: string; to: string }) => haveData.filter((m) => m >= p.from && m <= p.to);
  const available = haveData.length ? `${haveData[0]} to ${haveData[haveData.length - 1]}` : 'none';
  const coverageWarnings: string[] = [];
  for (const [what, p, n] of [['before', req.before, monthsBefore], ['after', req.after, monthsAfter]] as const) {
    const got = coverage(p);
    if (got.length === 0) {
      throw new Error(`The ${what} period (${p.from} to ${p.to}) has no crime records in this project, so it cannot be compared: choose months that have data (months with data: ${available}).`);
    }
    if (got.length < n) {
      coverageWarnings.push(`Only ${got.length} of the ${n} months of the ${what} period have crime data (${got.join(', ')}): counts cover those months alone, so compare periods of equal coverage.`);
    }
  }
  const bufferMetres = req.bufferMetres ?? DEFAULT_BUFFER_METRES;
  if (!(bufferMetres >= 0) || !Number.isFinite(bufferMetres)) throw new Error(`The buffer must be a number of metres, 0 or more (got ${bufferMetres}).`);
  const g: GridSpec = { shape: plan.cellShape, size: plan.cellSize };
  const schemeId = req.schemeId ?? plan.schemeId;
  const categorySetId = (req.categorySetId === undefined ? plan.categorySetId : req.categorySetId) ?? undefined;
  const select = (p: { from: string; to: string }): CrimePoints => selectCrimePoints(db, { from: p.from, to: p.to, schemeId, categorySetId });
  const ptsBefore = select(req.before);
  const ptsAfter = select(req.after);
  const before = cellTotals(g, ptsBefore);
  const after = cellTotals(g, ptsAfter);
  const warnings: string[] = [...coverageWarnings];

  const owner = treatedCells(plan, g);
  const treated = new Set(owner.keys());
  const buffer = bufferRing(g, treated, bufferMetres);
  let control: string[];
  if (req.control === undefined || req.control === 'next-ranked') {
    // Ranked with the plan's own scheme and category set, whatever the evaluation reports in.
    const basis = cellTotals(g, selectCrimePoints(db, { from: plan.basisFrom, to: plan.basisTo, schemeId: plan.schemeId, categorySetId: plan.categorySetId ?? undefined }));
    control = nextRanked(g, basis, treated.size, new Set([...treated, ...buffer]));
    if (control.length < treated.size) {
      warnings.push(`Only ${control.length} cells outside the treated area and its buffer had crimes in the basis period, fewer than the ${treated.size} treated cells.`);
    }
  } else {
    control = req.control.map((id) => {
      const key = keyOfCellId(g, id);
      if (!key) throw new Error(`Control cell "${id}" is not a ${g.shape} cell of ${fmt(g.size)} m (the plan's grid).`);
      if (treated.has(key)) throw new Error(`Control cell "${id}" is one of the plan's hotspot cells; a control must be unpatrolled.`);
      if (buffer.has(key)) throw new Error(`Control cell "${id}" lies in the ${fmt(bufferMetres)} m buffer of the hotspots; it would be counted twice.`);
      return key;
    });
    control = [...new Set(control)];
  }
  if (control.length === 0) warnings.push('There are no control cells, so the control counts are zero and the WDQ cannot be computed.');
  const controlSet = new Set(control);
  const controlBuffer = bufferRing(g, controlSet, bufferMetres, new Set([...treated, ...buffer]));

  const sortIds = (keys: Iterable<string>): string[] => [...keys].map((k) => cellIdOfKey(g, k)).sort();
  const area = (key: AreaKey, label: string, cells: Set<string>): AreaResult => {
    const b = sum(before, cells), a = sum(after, cells);
    return { key, label, cellIds: sortIds(cells), before: b, after: a, change: change(b, a) };
  };
  const areas: Record<AreaKey, AreaResult> = {
    treated: area('treated', 'Treated (patrolled hotspots)', treated),
    buffer: area('buffer', `Buffer (${fmt(bufferMetres)} m ring around the hotspots)`, buffer),
    control: area('control', 'Control', controlSet),
    controlBuffer: area('controlBuffer', `Control buffer (${fmt(bufferMetres)} m ring around the control)`, controlBuffer),
  };
  const { treated: T, buffer: D, control: C, controlBuffer: Cd } = areas;
  const wdqCounts = wdq({ Rb: T.before.count, Ra: T.after.count, Db: D.before.count, Da: D.after.count, Cb: C.before.count, Ca: C.after.count });
  const wdqHarm = wdq({ Rb: T.before.harm, Ra: T.after.harm, Db: D.before.harm, Da: D.after.harm, Cb: C.before.harm, Ca: C.after.harm });
  const weights = monthsBefore === monthsAfter ? undefined : { before: monthsBefore, after: monthsAfter };
  const wddResult = wdd(
    { Tb: T.before.count, Ta: T.after.count, Ctb: C.before.count, Cta: C.after.count, Db: D.before.count, Da: D.after.count, Cdb: Cd.before.count, Cda: Cd.after.count },
    weights,
  );
  if (weights) warnings.push(`The before period has ${monthsBefore} months and the after period ${monthsAfter}: the WDD is per month; the WDQ compares each area with the control, so it is unaffected.`);
  if (req.after.from <= req.before.to) warnings.push(`The before (${req.before.from} to ${req.before.to}) and after (${req.after.from} to ${req.after.to}) periods overlap.`);

  const { hotspots, dayNotes } = perHotspot(db, plan, g, owner, before, after, ptsAfter, req.after);

  const scheme = ptsAfter.scheme;
  const set = ptsAfter.categorySet;
  const method = [
    `plan: ${plan.id} (${plan.name}), patrol period ${plan.from} to ${plan.to}, ${plural(plan.hotspots.length, 'hotspot')}`,
    `before: ${req.before.from} to ${req.before.to} (${plural(monthsBefore, 'month')} inclusive); after: ${req.after.from} to ${req.after.to} (${plural(monthsAfter, 'month')} inclusive)`,
    `scheme: ${scheme.label} (${scheme.id}); category set: ${set ? set.label : 'all records'}`,
    `grid: ${g.shape} cells of ${fmt(g.size)} m on the British National Grid (the plan's); a record belongs to the cell holding its point`,
    'records: in-area records with a location only; records outside the force area or without a location are left out of every area',
    `treated area: the plan's ${plural(treated.size, 'hotspot cell')}`,
    `buffer: cells of the same grid whose centres lie within ${fmt(bufferMetres)} m of the edge of the treated cells (not polygon buffering), treated cells excluded: ${buffer.size} cells`,
    req.control === undefined || req.control === 'next-ranked'
      ? `control: the ${plural(control.length, 'next-ranked cell')} by harm (then count, then id) over the plan's basis period ${plan.basisFrom} to ${plan.basisTo} (plan scheme ${plan.schemeLabel}, ${plan.categorySetLabel ?? 'all records'}), excluding treated and buffer cells; not restricted to Gi* hot cells`
      : `control: ${plural(control.length, 'cell')} given by the user`,
    `control buffer: cells within ${fmt(bufferMetres)} m of the control cells, excluding control, treated and buffer cells: ${controlBuffer.size} cells`,
    'change: after minus before; % change = change / before x 100 (a sentence instead when before is 0)',
    'WDQ (Bowers & Johnson 2003): (Da/Ca - Db/Cb) / (Ra/Ca - Rb/Cb), R = treated, D = buffer, C = control, b/a = before/after; success measure Ra/Ca - Rb/Cb < 0 = the response worked (Guerette, POP Center)',
    'WDQ reading (Guerette): > 1 diffusion larger than the direct effect; 0 to 1 diffusion of benefit; -1 to 0 some displacement, smaller than the benefit; < -1 the benefit is undone',
    'total net effect: [Rb(Ca/Cb) - Ra] + [Db(Ca/Cb) - Da]; positive = crimes prevented net of displacement',
    'WDD (Wheeler & Ratcliffe 2018): dT - dCt + dD - dCd on counts, d = after - before, T = treated, Ct = control, D = buffer, Cd = control buffer; SE = sqrt(sum of the eight counts), normal approximation to Poisson; z = WDD / SE; 95% interval WDD +/- 1.96 SE; as ptools::wdd()',
    'patrolled day: a local (Europe/London) day on which a GPS device visit or a patrol record for the hotspot starts; crimes are placed on the local date they were committed from',
    ...ptsAfter.notes.map((n) => `selection: ${n}`),
  ];
  return {
    planId: plan.id, planName: plan.name,
    before: { ...req.before, months: monthsBefore }, after: { ...req.after, months: monthsAfter },
    bufferMetres, control: req.control === undefined || req.control === 'next-ranked' ? 'next-ranked' : 'given',
    scheme: { id: scheme.id, label: scheme.label }, categorySet: set ? { id: set.id, label: set.label } : null,
    cellSize: g.size, cellShape: g.shape, areas, wdq: wdqCounts, wdqHarm, wdd: wddResult, hotspots, dayNotes, method, warnings,
  };
}

function perHotspot(
  db: Database, plan: PatrolPlan, g: GridSpec, owner: Map<string, string>,
  before: Map<string, CellTotals>, after: Map<string, CellTotals>, ptsAfter: CrimePoints, afterPeriod: { from: string; to: string },
): { hotspots: HotspotResult[]; dayNotes: string[] } {
  const dayNotes: string[] = [];
  const dosage = patrolledDays(db, plan.id);
  const from = plan.from > `${afterPeriod.from}-01` ? plan.from : `${afterPeriod.from}-01`;
  const to = plan.to < monthEnd(afterPeriod.to) ? plan.to : monthEnd(afterPeriod.to);
  let days: string[] | null = null;
  if (dosage.gpsVisits + dosage.records === 0) {
    dayNotes.push(`No GPS visits or patrol records are imported for plan ${plan.id}, so crime on patrolled and unpatrolled days cannot be compared.`);
  } else if (from > to) {
    dayNotes.push(`The plan's patrol period (${plan.from} to ${plan.to}) does not overlap the after period, so patrolled and unpatrolled days cannot be compared.`);
  } else {
    days = datesBetween(from, to);
    dayNotes.push(`Daily dosage from ${dosage.gpsVisits} GPS visits and ${dosage.records} patrol records; days compared: ${from} to ${to} (${days.length} days).`);
  }

  // After-period records per hotspot, by local date (null = no date).
  const dated = new Map<string, { date: string | null; harm: number }[]>();
  if (days) {
    for (let k = 0; k < ptsAfter.n; k++) {
      const e = ptsAfter.e[k]!, n = ptsAfter.nn[k]!;
      if (ptsAfter.outOfArea[k] || !Number.isFinite(e) || !Number.isFinite(n)) continue;
      const [i, j] = latticeOf(g.shape, g.size, e, n);
      const h = owner.get(cellKey(i, j));
      if (!h) continue;
      const list = dated.get(h) ?? [];
      list.push({ date: ptsAfter.committedFrom[k]?.slice(0, 10) ?? null, harm: ptsAfter.harm[k]! });
      dated.set(h, list);
    }
  }
  let undatedTotal = 0;
  const hotspots = plan.hotspots.map((h): HotspotResult => {
    const keys = h.cellIds.map((id) => keyOfCellId(g, id)!);
    const b = sum(before, keys), a = sum(after, keys);
    let dayCmp: DayComparison | null = null;
    if (days) {
      const patrolled = dosage.byHotspot.get(h.id) ?? new Set<string>();
      const inRange = new Set(days);
      const pDays = days.filter((d) => patrolled.has(d)).length;
      const uDays = days.length - pDays;
      const p = { count: 0, harm: 0 }, u = { count: 0, harm: 0 };
      let undated = 0;
      for (const r of dated.get(h.id) ?? []) {
        if (r.date === null) undated++;
        else if (inRange.has(r.date)) {
          const t = patrolled.has(r.date) ? p : u;
          t.count++;
          t.harm += r.harm;
        }
      }
      undatedTotal += undated;
      const fig = (n: number, t: { count: number; harm: number }): DayFigures => ({
        days: n, count: t.count, harm: t.harm, countPerDay: n ? t.count / n : null, harmPerDay: n ? t.harm / n : null,
      });
      const pf = fig(pDays, p), uf = fig(uDays, u);
      let reading: string;
      if (p.count + u.count === 0 && undated > 0) {
        reading = `The after-period records here (${undated}) have only a month, no day, as police.uk data does: the day-level comparison needs force extracts with dates.`;
      } else if (pDays === 0) reading = 'No patrolled days in the compared period.';
      else if (uDays === 0) reading = 'Every day in the compared period was patrolled, so there are no unpatrolled days to compare with.';
      else reading = `${fmt(pf.countPerDay!)} crimes per patrolled day vs ${fmt(uf.countPerDay!)} per unpatrolled day.`;
      dayCmp = { from, to, patrolled: pf, unpatrolled: uf, undated, reading };
    }
    return { hotspotId: h.id, name: h.name, rank: h.rank, cellIds: h.cellIds, before: b, after: a, change: change(b, a), days: dayCmp };
  });
  if (days && undatedTotal > 0) {
    dayNotes.push(
      `${undatedTotal} after-period records in the hotspots have no committed date (police.uk records give only the month) and are left out of the day-level comparison: it needs force extracts with dates.`,
    );
  }
  return { hotspots, dayNotes };
}
