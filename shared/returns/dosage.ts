import type { ProjectDb as Database } from '../repository/db';
import { readPlanDeviceSeconds, readPlanPatrolRecords, readPlanVisits } from '../repository/dosage';
import { londonParts, parseLondonTime } from '../hotspots/temporalProfile';
import type { DosageRow, PatrolPlan, PlanHotspot } from '../patrols/types';
import { mergeIntervals, type Interval } from './intervals';
import { checkDate } from './periods';
import { planTarget } from './target';
import { loadDosageImports, medianOf, type DosageImportInfo } from './imports';
import { STANDARD_OUTCOMES, type DistrictDosage, type DosageDayRow, type DosageReport, type DosageTotals, type HotspotDosage, type Source } from './dosageTypes';

/**
 * Dosage per hotspot and local day, exactly as DOMAIN.md "Dosage from location data" defines
 * it, from the tables the dosage import fills (device_visits, device_days, patrol_records).
 * Every figure carries the source it came from; every rule is a `method` line.
 */
export { OUTCOME_LABELS, STANDARD_OUTCOMES } from './dosageTypes';
export type { DistrictDosage, DosageDayRow, DosageReport, DosageTotals, HotspotDosage, Source } from './dosageTypes';

const MIN = 60_000;
const KOPER_LOW = 10;
const KOPER_HIGH = 15;

/** The Europe/London calendar date of an instant. */
export function londonDate(t: number): string {
  return new Date(t + londonParts(t).offsetMs).toISOString().slice(0, 10);
}

/** UTC bounds [start, end) of local dates from..to inclusive. */
export function periodBounds(from: string, to: string): { startUtc: number; endUtc: number } {
  checkDate(from, 'From');
  checkDate(to, 'To');
  if (to < from) throw new Error(`The period ends (${to}) before it starts (${from}).`);
  return { startUtc: parseLondonTime(from), endUtc: parseLondonTime(to, true) };
}

interface DayAcc {
  visits: number;
  visits10: number;
  visits15: number;
  officerMinutes: number;
  patrolMinutes: number;
}

function emptyAcc(): DayAcc {
  return { visits: 0, visits10: 0, visits15: 0, officerMinutes: 0, patrolMinutes: 0 };
}

/** Adds merged patrols starting inside the period to per-day accumulators. */
function addPatrols(
  patrols: { start: number; end: number; officerMs: number }[], startUtc: number, endUtc: number, into: Map<string, DayAcc>,
): void {
  for (const p of patrols) {
    if (p.start < startUtc || p.start >= endUtc) continue;
    const day = londonDate(p.start);
    const acc = into.get(day) ?? emptyAcc();
    const len = p.end - p.start;
    acc.visits += 1;
    if (len >= KOPER_LOW * MIN) acc.visits10 += 1;
    if (len >= KOPER_HIGH * MIN) acc.visits15 += 1;
    acc.patrolMinutes += len / MIN;
    acc.officerMinutes += p.officerMs / MIN;
    into.set(day, acc);
  }
}

function addOutcomes(into: Record<string, number>, add: Record<string, number>): void {
  for (const [k, v] of Object.entries(add)) {
    if (typeof v === 'number' && Number.isFinite(v)) into[k] = (into[k] ?? 0) + v;
  }
}

export function orderOutcomeNames(names: Iterable<string>): string[] {
  const set = new Set(names);
  const extra = [...set].filter((n) => !(STANDARD_OUTCOMES as readonly string[]).includes(n)).sort();
  return [...STANDARD_OUTCOMES, ...extra];
}

function pct(num: number, den: number): number | null {
  return den > 0 ? (num / den) * 100 : null;
}

function round(v: number, dp = 2): number {
  const f = 10 ** dp;
  return Math.round(v * f) / f;
}

function cellIdOf(h: PlanHotspot): string | null {
  return h.cellIds.length === 1 ? h.cellIds[0]! : null;
}

export function dosageMethod(plan: PatrolPlan): string[] {
  const d = plan.dosage;
  return [
    `visit (GPS): a run of one device's fixes inside a hotspot (geofence buffer ${d.bufferMetres} m) with no gap between fixes over ${d.maxFixGapMinutes} min, lasting from its first to its last fix; runs under ${d.minVisitMinutes} min are pass-throughs and are not visits`,
    'patrol: the union of all devices\' visits at a hotspot (visits that overlap or touch merge into one); visits = the number of merged patrols',
    `visits_10 / visits_15: merged patrols lasting >= ${KOPER_LOW} / >= ${KOPER_HIGH} minutes (the Koper band)`,
    'officer-minutes: the sum of device visit durations (a device\'s own overlapping visits, e.g. from overlapping files, are merged first); patrol-minutes: the length of the union (two officers together count once)',
    'attribution: a patrol belongs to the Europe/London local day, month and quarter in which it starts (clock changes handled), with all its officer- and patrol-minutes',
    'sources: on a hotspot-day with GPS visits, visits and minutes come from GPS and patrol records there add only outcomes (source gps+records); on a hotspot-day without GPS they come from the patrol records (source records): records merge into patrols the same way, officer-minutes = record length x officers, no pass-through rule; outcomes always come from patrol records, attributed to the day each record starts',
    `planned visits: ${d.visitsPerDay} per hotspot per planned day of ${d.minutesPerVisit} minutes`,
    '% delivered: patrol-minutes / target patrol minutes x 100',
    `compliance (visits): on each planned day a hotspot's Koper-band patrols (>= ${KOPER_LOW} min) count up to ${d.visitsPerDay} (its visits per day), so extra visits at one hotspot never make up for missed ones elsewhere; share = delivered / planned visits`,
    'compliance (time): the share of devices\' fix time inside the plan\'s patrol windows that was spent inside hotspots (sum over devices and local days)',
    'inputs: only files imported for this plan count',
  ];
}

export function computeDosage(db: Database, plan: PatrolPlan, from: string, to: string): DosageReport {
  const { startUtc, endUtc } = periodBounds(from, to);
  const target = planTarget(plan, from, to);
  const plannedDays = new Set(target.days);
  const hotspotIds = new Set(plan.hotspots.map((h) => h.id));
  const notes: string[] = [];
  const unknownHotspots = new Set<string>();

  // GPS: device visits that could start a patrol inside the period. A visit ending before the
  // period can only join a patrol that starts before it, so it is never needed.
  const visits = loadReaching((horizon) => readPlanVisits(db, plan.id, startUtc, horizon), endUtc);
  const gpsByHotspot = new Map<string, Map<string, Interval[]>>();
  for (const v of visits) {
    if (!hotspotIds.has(v.hotspotId)) {
      unknownHotspots.add(v.hotspotId);
      continue;
    }
    const byDevice = gpsByHotspot.get(v.hotspotId) ?? new Map<string, Interval[]>();
    const list = byDevice.get(v.device) ?? [];
    list.push({ start: v.startUtc, end: v.endUtc });
    byDevice.set(v.device, list);
    gpsByHotspot.set(v.hotspotId, byDevice);
  }

  const records = loadReaching((horizon) => readPlanPatrolRecords(db, plan.id, startUtc, horizon), endUtc);
  const recByHotspot = new Map<string, { start: number; end: number; officers: number; outcomes: Record<string, number> }[]>();
  const outcomeNames = new Set<string>();
  for (const r of records) {
    if (!hotspotIds.has(r.hotspotId)) {
      unknownHotspots.add(r.hotspotId);
      continue;
    }
    const outcomes = JSON.parse(r.outcomes) as Record<string, number>;
    for (const k of Object.keys(outcomes)) outcomeNames.add(k);
    const list = recByHotspot.get(r.hotspotId) ?? [];
    list.push({ start: r.startUtc, end: r.endUtc, officers: r.officers, outcomes });
    recByHotspot.set(r.hotspotId, list);
  }
  if (unknownHotspots.size) {
    notes.push(`Left out: inputs for ${unknownHotspots.size} hotspot id(s) not in plan ${plan.id} (${[...unknownHotspots].sort().slice(0, 10).join(', ')}${unknownHotspots.size > 10 ? ', ...' : ''}).`);
  }

  const imports = loadDosageImports(db, plan.id);
  const overlaps = (i: DosageImportInfo) =>
    i.firstUtc === null || i.lastUtc === null || (i.lastUtc >= startUtc && i.firstUtc < endUtc);
  const gpsImports = imports.filter((i) => i.kind === 'fixes' && overlaps(i));
  const measured = { gps: gpsImports.length > 0 || visits.length > 0, records: records.length > 0 };
  if (!measured.gps && !measured.records) {
    notes.push(`No GPS fixes or patrol records imported for plan ${plan.id} cover ${from} to ${to}: dosage is not measured for this period (blank, not zero).`);
  } else if (!measured.gps) {
    notes.push('No GPS fixes cover this period: every dosage figure comes from patrol records.');
  }
  const medianFix = medianOf(gpsImports.map((i) => i.medianFixIntervalSeconds).filter((v): v is number => v !== null));

  const byHotspotDay: DosageDayRow[] = [];
  const byHotspot: HotspotDosage[] = [];
  const names = orderOutcomeNames(outcomeNames);
  for (const h of plan.hotspots) {
    const gpsDays = new Map<string, DayAcc>();
    const byDevice = gpsByHotspot.get(h.id);
    if (byDevice) {
      const deviceIntervals: (Interval & { device: string })[] = [];
      for (const [device, list] of byDevice) {
        for (const m of mergeIntervals(list)) deviceIntervals.push({ start: m.start, end: m.end, device });
      }
      const patrols = mergeIntervals(deviceIntervals).map((p) => ({
        start: p.start, end: p.end, officerMs: p.members.reduce((s, x) => s + (x.end - x.start), 0),
      }));
      addPatrols(patrols, startUtc, endUtc, gpsDays);
    }
    const recDays = new Map<string, DayAcc>();
    const outcomeDays = new Map<string, Record<string, number>>();
    const recs = recByHotspot.get(h.id);
    if (recs) {
      const patrols = mergeIntervals(recs).map((p) => ({
        start: p.start, end: p.end, officerMs: p.members.reduce((s, x) => s + (x.end - x.start) * x.officers, 0),
      }));
      addPatrols(patrols, startUtc, endUtc, recDays);
      for (const r of recs) {
        if (r.start < startUtc || r.start >= endUtc) continue;
        const day = londonDate(r.start);
        const o = outcomeDays.get(day) ?? {};
        addOutcomes(o, r.outcomes);
        outcomeDays.set(day, o);
      }
    }
    const days = [...new Set([...gpsDays.keys(), ...recDays.keys(), ...outcomeDays.keys()])].sort();
    const tot: DosageRow = { hotspotId: h.id, date: null, visits: 0, visits10: 0, visits15: 0, officerMinutes: 0, patrolMinutes: 0, source: 'none' };
    const sources = new Set<Source>();
    const outcomes: Record<string, number> = {};
    let delivered = 0;
    for (const day of days) {
      const g = gpsDays.get(day);
      const r = recDays.get(day);
      const hasRecords = r !== undefined || outcomeDays.has(day);
      const acc = g ?? r ?? emptyAcc();
      const source: Source = g ? (hasRecords ? 'gps+records' : 'gps') : 'records';
      const dayDelivered = plannedDays.has(day) ? Math.min(acc.visits10, plan.dosage.visitsPerDay) : 0;
      const dayOutcomes = outcomeDays.get(day) ?? {};
      byHotspotDay.push({
        hotspotId: h.id, date: day, visits: acc.visits, visits10: acc.visits10, visits15: acc.visits15,
        officerMinutes: round(acc.officerMinutes), patrolMinutes: round(acc.patrolMinutes), source,
        outcomes: dayOutcomes, deliveredVisits: dayDelivered,
      });
      tot.visits += acc.visits;
      tot.visits10 += acc.visits10;
      tot.visits15 += acc.visits15;
      tot.officerMinutes += acc.officerMinutes;
      tot.patrolMinutes += acc.patrolMinutes;
      sources.add(source);
      addOutcomes(outcomes, dayOutcomes);
      delivered += dayDelivered;
    }
    tot.source = combineSources(sources);
    byHotspot.push({
      ...tot, officerMinutes: round(tot.officerMinutes), patrolMinutes: round(tot.patrolMinutes),
      name: h.name, cellId: cellIdOf(h), districtName: h.districtName, districtCode: h.districtCode, wardName: h.wardName,
      targetMinutes: target.targetMinutesPerHotspot, plannedVisits: target.plannedVisitsPerHotspot, deliveredVisits: delivered,
      deliveredPct: pct(tot.patrolMinutes, target.targetMinutesPerHotspot), outcomes,
    });
  }

  const byDistrict = groupDistricts(byHotspot);
  const total = sumRows(byHotspot);

  const { windowSeconds, hotspotSeconds } = readPlanDeviceSeconds(db, plan.id, from, to);
  const visitShare = target.plannedVisits > 0 ? total.deliveredVisits / target.plannedVisits : null;
  const timeShare = windowSeconds > 0 ? hotspotSeconds / windowSeconds : null;

  const method = [
    `plan: ${plan.id} (${plan.name}), seed ${plan.seed}, ${plan.hotspots.length} hotspots, patrol period ${plan.from} to ${plan.to}`,
    `period: ${from} to ${to} (Europe/London local dates, inclusive)`,
    ...dosageMethod(plan),
    target.method,
    `median fix interval seen: ${medianFix === null ? 'no GPS input' : `${round(medianFix, 1)} s`} (GPS ping intervals change dosage estimates, Crime Science 2021)`,
  ];
  return {
    planId: plan.id, planName: plan.name, from, to, byHotspotDay, byHotspot, byDistrict, total,
    compliance: {
      plannedVisits: target.plannedVisits, deliveredVisits: total.deliveredVisits, visitShare,
      windowSeconds, hotspotSeconds, timeShare,
      sentence: complianceSentence(target.plannedVisits, total.deliveredVisits, windowSeconds, hotspotSeconds, plan.dosage.visitsPerDay),
    },
    measured,
    sources: imports.map((i) => i.line), imports,
    medianFixIntervalSeconds: medianFix,
    outcomeNames: names, target, notes, method,
  };
}

/**
 * Rows that can belong to a patrol starting in [startUtc, endUtc): a patrol starting on the
 * period's last evening may run on past its end, taking in visits that start after it, so the
 * horizon grows until no loaded row reaches past it.
 */
function loadReaching<T extends { endUtc: number }>(read: (horizon: number) => T[], endUtc: number): T[] {
  let horizon = endUtc;
  for (;;) {
    const rows = read(horizon);
    const reach = rows.reduce((m, r) => Math.max(m, r.endUtc), -Infinity);
    if (reach < horizon) return rows;
    horizon = reach + 1;
  }
}

function combineSources(s: Set<Source>): Source {
  if (s.size === 0) return 'none';
  const gps = s.has('gps') || s.has('gps+records');
  const rec = s.has('records') || s.has('gps+records');
  return gps && rec ? 'gps+records' : gps ? 'gps' : 'records';
}

function sumRows(rows: HotspotDosage[]): DosageTotals {
  const t: DosageTotals = {
    hotspots: rows.length, visits: 0, visits10: 0, visits15: 0, officerMinutes: 0, patrolMinutes: 0, source: 'none',
    targetMinutes: 0, plannedVisits: 0, deliveredVisits: 0, deliveredPct: null, outcomes: {},
  };
  const sources = new Set<Source>();
  for (const r of rows) {
    t.visits += r.visits;
    t.visits10 += r.visits10;
    t.visits15 += r.visits15;
    t.officerMinutes += r.officerMinutes;
    t.patrolMinutes += r.patrolMinutes;
    t.targetMinutes += r.targetMinutes;
    t.plannedVisits += r.plannedVisits;
    t.deliveredVisits += r.deliveredVisits;
    if (r.source !== 'none') sources.add(r.source);
    addOutcomes(t.outcomes, r.outcomes);
  }
  t.officerMinutes = round(t.officerMinutes);
  t.patrolMinutes = round(t.patrolMinutes);
  t.source = combineSources(sources);
  t.deliveredPct = pct(t.patrolMinutes, t.targetMinutes);
  return t;
}

/** Hotspots grouped by district name (null districts under "No district"), in name order. */
export function groupDistricts(rows: HotspotDosage[]): DistrictDosage[] {
  const groups = new Map<string, HotspotDosage[]>();
  for (const r of rows) {
    const k = r.districtName ?? 'No district';
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([name, list]) => ({ ...sumRows(list), districtName: name, districtCode: list[0]!.districtCode }));
}

function complianceSentence(planned: number, delivered: number, windowS: number, hotspotS: number, perDay: number): string {
  const a = planned > 0
    ? `${delivered} of ${planned} planned visits (${Math.round((delivered / planned) * 100)}%) were delivered as patrols of ${KOPER_LOW} minutes or more (at most ${perDay} a hotspot a planned day).`
    : 'No visits were planned in this period (no planned days), so there is no share of planned visits to report.';
  const b = windowS > 0
    ? `Devices spent ${Math.round((hotspotS / windowS) * 100)}% of their fix time inside the patrol windows in hotspots (${round(hotspotS / 3600, 1)} of ${round(windowS / 3600, 1)} hours).`
    : 'No device fix time inside the patrol windows was recorded, so the share of time spent in hotspots cannot be given.';
  return `${a} ${b}`;
}
