import type { ProjectDb as Database } from '../repository/db';
import type { Cell } from '../csv/csvWrite';
import type { PatrolPlan } from '../patrols/types';
import { getMeta } from '../project/projectDb';
import { computeDosage, OUTCOME_LABELS, periodBounds, type DosageReport, type HotspotDosage } from './dosage';
import { hotspotCrimeByMonth, hotspotStopSearches, type MonthCrime } from './hotspotCrime';
import { monthsOf, monthWithin, yearEarlier } from './periods';
import { planTarget } from './target';
import { loadDosageImports } from './imports';

export { returnXlsx } from './returnXlsx';
export { returnCsvs } from './returnCsv';

/**
 * The quarterly return as plain data: one sheet = a title, columns and rows, so the same
 * object becomes the XLSX workbook (returnXlsx.ts), the CSVs (returnCsv.ts) and the app's
 * tables. Missing data is the text 'no data', never 0.
 */
export type ColumnFormat = 'text' | 'int' | 'number' | 'hours' | 'pct';

export interface ReturnColumn {
  /** CSV header (snake_case). */
  key: string;
  /** Workbook header. */
  header: string;
  format: ColumnFormat;
  /** Workbook column width in characters. */
  width: number;
}

export interface ReturnSheet {
  name: string;
  fileName: string;
  columns: ReturnColumn[];
  rows: Cell[][];
  /** Per row, a format for every column after the first (tables whose rows are measures). */
  rowFormats?: ColumnFormat[];
  /** Rows shown bold (totals). */
  boldRows?: number[];
}

export interface QuarterlyReturn {
  title: string;
  subtitle: string;
  projectName: string;
  planId: string;
  from: string;
  to: string;
  periodLabel: string;
  generatedAt: string;
  softwareVersion: string;
  sheets: ReturnSheet[];
  dosage: DosageReport;
  /** Method lines every CSV starts with. */
  method: string[];
}

export interface ReturnOptions {
  softwareVersion?: string;
  /** ISO instant stamped in the workbook and Notes; default now. The only thing that changes between regenerations. */
  generatedAt?: string;
  /** e.g. '2025-26 Q1'; default 'from to to'. */
  periodLabel?: string;
}

export const NO_DATA = 'no data';

/** West Yorkshire's districts in the order of the force's KPI tables. */
export const WEST_YORKSHIRE_DISTRICTS: [string, string][] = [
  ['Bradford', 'BD'], ['Calderdale', 'CD'], ['Kirklees', 'KD'], ['Leeds', 'LD'], ['Wakefield', 'WD'],
];

/** District columns: the WY codes in KPI order when every district is a WY one, else the names in order. */
export function districtColumns(names: string[]): { name: string; label: string }[] {
  const wy = new Map(WEST_YORKSHIRE_DISTRICTS);
  if (names.length > 0 && names.every((n) => wy.has(n))) {
    return WEST_YORKSHIRE_DISTRICTS.map(([name, label]) => ({ name, label }));
  }
  return [...names].sort((a, b) => a.localeCompare(b)).map((n) => ({ name: n, label: n }));
}

const col = (key: string, header: string, format: ColumnFormat, width: number): ReturnColumn => ({ key, header, format, width });

function sumOver(ids: string[], rec: Record<string, number>): number {
  return ids.reduce((s, id) => s + (rec[id] ?? 0), 0);
}

interface CrimeTotals {
  /** null when any month of the period has no crime data. */
  crimes: Record<string, number> | null;
  harm: Record<string, number> | null;
  missing: string[];
}

function crimeTotals(months: MonthCrime[]): CrimeTotals {
  const missing = months.filter((m) => !m.hasData).map((m) => m.month);
  if (missing.length || months.length === 0) return { crimes: null, harm: null, missing };
  const crimes: Record<string, number> = {}, harm: Record<string, number> = {};
  for (const m of months) {
    for (const [k, v] of Object.entries(m.crimes)) crimes[k] = (crimes[k] ?? 0) + v;
    for (const [k, v] of Object.entries(m.harm)) harm[k] = (harm[k] ?? 0) + v;
  }
  return { crimes, harm, missing };
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const r2 = (v: number) => Math.round(v * 100) / 100;

function change(now: number | null, before: number | null): Cell {
  if (now === null || before === null) return NO_DATA;
  if (before === 0) return now === 0 ? 0 : 'none a year earlier';
  return r1(((now - before) / before) * 100);
}

export function buildQuarterlyReturn(db: Database, plan: PatrolPlan, from: string, to: string, opts: ReturnOptions = {}): QuarterlyReturn {
  const generatedAt = opts.generatedAt ?? new Date().toISOString();
  const softwareVersion = opts.softwareVersion ?? 'unknown';
  const dosage = computeDosage(db, plan, from, to);
  const measured = dosage.measured.gps || dosage.measured.records;
  const hasRecords = dosage.measured.records;
  const months = monthsOf(from, to);
  const prior = yearEarlier(from, to);
  const priorMonths = monthsOf(prior.from, prior.to);
  const crimeNow = hotspotCrimeByMonth(db, plan, months);
  const crimeBefore = hotspotCrimeByMonth(db, plan, priorMonths);
  const totNow = crimeTotals(crimeNow);
  const totBefore = crimeTotals(crimeBefore);
  const b = periodBounds(from, to);
  const pb = periodBounds(prior.from, prior.to);
  const ssNow = hotspotStopSearches(db, plan, months, b.startUtc, b.endUtc);
  const ssBefore = hotspotStopSearches(db, plan, priorMonths, pb.startUtc, pb.endUtc);
  const ssTotal = (ms: typeof ssNow): Record<string, number> | null => {
    if (ms.length === 0 || ms.some((m) => !m.hasData)) return null;
    const out: Record<string, number> = {};
    for (const m of ms) for (const [k, v] of Object.entries(m.searches)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  const ssNowT = ssTotal(ssNow);
  const ssBeforeT = ssTotal(ssBefore);

  const projectName = getMeta(db, 'name') ?? 'Project';
  const periodLabel = opts.periodLabel ?? `${from} to ${to}`;
  const title = `${projectName}: hotspot patrol return, ${periodLabel}`;
  const subtitle = `Plan ${plan.id} (${plan.name}), ${plan.hotspots.length} hotspots, ${from} to ${to}; generated ${generatedAt}`;
  const harmLabel = `Harm (${plan.schemeLabel})`;
  const dm = (v: number): Cell => (measured ? v : NO_DATA);
  const dmo = (v: number | undefined): Cell => (hasRecords ? (v ?? 0) : NO_DATA);
  const allIds = plan.hotspots.map((h) => h.id);

  // ---- Summary
  const t = dosage.total;
  const crimeSum = (c: Record<string, number> | null) => (c === null ? null : sumOver(allIds, c));
  const cNow = crimeSum(totNow.crimes), cBefore = crimeSum(totBefore.crimes);
  const hNow = crimeSum(totNow.harm), hBefore = crimeSum(totBefore.harm);
  const sNow = crimeSum(ssNowT), sBefore = crimeSum(ssBeforeT);
  const orNo = (v: number | null, round = (x: number) => x): Cell => (v === null ? NO_DATA : round(v));
  const summaryRows: Cell[][] = [];
  const summaryFormats: ColumnFormat[] = [];
  const srow = (label: string, fmt: ColumnFormat, now: Cell, before: Cell = '', chg: Cell = '', note = '') => {
    summaryRows.push([label, now, before, chg, note]);
    summaryFormats.push(fmt);
  };
  srow('Hotspots', 'int', plan.hotspots.length);
  srow('Planned days', 'int', dosage.target.days.length, '', '', 'dates in the plan period on which a patrol window starts');
  srow('Planned visits', 'int', dosage.target.plannedVisits, '', '', `${plan.dosage.visitsPerDay} a hotspot a planned day`);
  srow('Visits (merged patrols)', 'int', dm(t.visits));
  srow('Koper-band visits (>= 10 min)', 'int', dm(t.visits10));
  srow('Visits >= 15 min', 'int', dm(t.visits15));
  srow('Planned visits delivered (>= 10 min)', 'int', dm(t.deliveredVisits), '', '', 'at most visits-per-day a hotspot a planned day');
  srow('Share of planned visits delivered (%)', 'pct', measured ? orNo(dosage.compliance.visitShare === null ? null : dosage.compliance.visitShare * 100, r1) : NO_DATA);
  srow('Patrol hours delivered', 'hours', dm(r2(t.patrolMinutes / 60)), '', '', 'union of visits: two officers together count once');
  srow('Patrol hours target', 'hours', r2(t.targetMinutes / 60), '', '', `planned visits x ${plan.dosage.minutesPerVisit} min`);
  srow('Patrol hours delivered vs target (%)', 'pct', measured ? orNo(t.deliveredPct, r1) : NO_DATA);
  srow('Officer hours in hotspots', 'hours', dm(r2(t.officerMinutes / 60)), '', '', 'sum of device visit durations');
  srow("Share of devices' patrol-window time in hotspots (%)", 'pct', orNo(dosage.compliance.timeShare === null ? null : dosage.compliance.timeShare * 100, r1), '', '', 'from GPS fixes only');
  srow('Median GPS fix interval (s)', 'number', orNo(dosage.medianFixIntervalSeconds));
  for (const k of dosage.outcomeNames) {
    srow(`${OUTCOME_LABELS[k] ?? k} (patrol records)`, 'int', dmo(t.outcomes[k]));
  }
  srow('Stop and searches in hotspots (police.uk stop-and-search data)', 'int', orNo(sNow), orNo(sBefore), change(sNow, sBefore), 'recorded searches located inside the hotspots; not the same count as patrol records');
  srow(`Crimes in hotspots${plan.categorySetLabel ? ` (${plan.categorySetLabel})` : ''}`, 'int', orNo(cNow), orNo(cBefore), change(cNow, cBefore),
    totBefore.missing.length ? `no crime data for ${totBefore.missing.join(', ')}` : 'whole calendar months');
  srow(`${harmLabel} in hotspots`, 'number', orNo(hNow, r2), orNo(hBefore, r2), change(hNow, hBefore));
  const summary: ReturnSheet = {
    name: 'Summary', fileName: 'summary.csv',
    columns: [
      col('measure', 'Measure', 'text', 52), col('this_period', `${from} to ${to}`, 'number', 16),
      col('year_earlier', `${prior.from} to ${prior.to}`, 'number', 16), col('change_pct', 'Change (%)', 'pct', 12),
      col('note', 'Note', 'text', 60),
    ],
    rows: summaryRows, rowFormats: summaryFormats,
  };

  // ---- By district
  const districtNames = [...new Set(plan.hotspots.map((h) => h.districtName ?? 'No district'))];
  const dcols = districtColumns(districtNames);
  const idsOf = (name: string | null) => plan.hotspots.filter((h) => name === null || (h.districtName ?? 'No district') === name).map((h) => h.id);
  const groups = [...dcols.map((d) => idsOf(d.name)), allIds];
  const dosageOf = (ids: string[]) => dosage.byHotspot.filter((h) => ids.includes(h.hotspotId));
  const dist = groups.map((ids) => {
    const rows = dosageOf(ids);
    const s = (f: (h: HotspotDosage) => number) => rows.reduce((a, h) => a + f(h), 0);
    return { ids, rows, s };
  });
  const drows: Cell[][] = [];
  const dformats: ColumnFormat[] = [];
  const drow = (label: string, fmt: ColumnFormat, f: (g: (typeof dist)[number]) => Cell) => {
    drows.push([label, ...dist.map(f)]);
    dformats.push(fmt);
  };
  drow('Hotspots', 'int', (g) => g.ids.length);
  drow('Planned visits', 'int', (g) => g.s((h) => h.plannedVisits));
  drow('Visits (merged patrols)', 'int', (g) => dm(g.s((h) => h.visits)));
  drow('Koper-band visits (>= 10 min)', 'int', (g) => dm(g.s((h) => h.visits10)));
  drow('Visits >= 15 min', 'int', (g) => dm(g.s((h) => h.visits15)));
  drow('Patrol hours delivered', 'hours', (g) => dm(r2(g.s((h) => h.patrolMinutes) / 60)));
  drow('Patrol hours target', 'hours', (g) => r2(g.s((h) => h.targetMinutes) / 60));
  drow('Delivered vs target (%)', 'pct', (g) => {
    const tm = g.s((h) => h.targetMinutes);
    return !measured ? NO_DATA : tm > 0 ? r1((g.s((h) => h.patrolMinutes) / tm) * 100) : 'no target';
  });
  drow('Officer hours in hotspots', 'hours', (g) => dm(r2(g.s((h) => h.officerMinutes) / 60)));
  for (const k of dosage.outcomeNames) drow(`${OUTCOME_LABELS[k] ?? k} (patrol records)`, 'int', (g) => dmo(g.s((h) => h.outcomes[k] ?? 0)));
  drow('Stop and searches in hotspots (stop-and-search data)', 'int', (g) => (ssNowT ? sumOver(g.ids, ssNowT) : NO_DATA));
  drow('Crimes in hotspots', 'int', (g) => (totNow.crimes ? sumOver(g.ids, totNow.crimes) : NO_DATA));
  drow('Crimes a year earlier', 'int', (g) => (totBefore.crimes ? sumOver(g.ids, totBefore.crimes) : NO_DATA));
  drow(`${harmLabel} in hotspots`, 'number', (g) => (totNow.harm ? r2(sumOver(g.ids, totNow.harm)) : NO_DATA));
  drow(`${harmLabel} a year earlier`, 'number', (g) => (totBefore.harm ? r2(sumOver(g.ids, totBefore.harm)) : NO_DATA));
  const byDistrict: ReturnSheet = {
    name: 'By district', fileName: 'by_district.csv',
    columns: [col('measure', 'Measure', 'text', 44), ...dcols.map((d) => col(d.label, d.label, 'number', Math.max(10, d.label.length + 2))), col('force', 'Force', 'number', 12)],
    rows: drows, rowFormats: dformats,
  };

  // ---- By hotspot and month
  const outcomeCols = dosage.outcomeNames.map((k) => col(k, OUTCOME_LABELS[k] ?? k, 'int', 12));
  const hmRows: Cell[][] = [];
  // A month is measured only when some input's time span reaches it: a GPS file for January
  // says nothing about February, which is "no data", not zero patrols.
  const inputs = loadDosageImports(db, plan.id);
  const monthMeasured = months.map((month) => {
    const span = monthWithin(month, from, to)!;
    const b = periodBounds(span.from, span.to);
    // An input whose time span is unknown is taken to reach every month (as computeDosage does).
    return inputs.some((i) => i.firstUtc === null || i.lastUtc === null || (i.lastUtc >= b.startUtc && i.firstUtc < b.endUtc));
  });
  const unmeasured = months.filter((_, mi) => !monthMeasured[mi]);
  const coverageNotes: string[] = [];
  if (measured && unmeasured.length) {
    coverageNotes.push(`No GPS fixes or patrol records reach ${unmeasured.join(', ')}: those months are "no data" in the By hotspot and month sheet, and the period totals cover the measured months only.`);
  }
  for (const h of plan.hotspots) {
    for (let mi = 0; mi < months.length; mi++) {
      const month = months[mi]!;
      const span = monthWithin(month, from, to)!;
      const dm = (v: number): Cell => (monthMeasured[mi] ? v : NO_DATA);
      const dmo = (v: number | undefined): Cell => (hasRecords && monthMeasured[mi] ? (v ?? 0) : NO_DATA);
      const days = dosage.byHotspotDay.filter((d) => d.hotspotId === h.id && d.date.startsWith(month));
      const s = (f: (d: (typeof days)[number]) => number) => days.reduce((a, d) => a + f(d), 0);
      const tgt = planTarget(plan, span.from, span.to).targetMinutesPerHotspot;
      const pm = s((d) => d.patrolMinutes);
      const srcs = new Set(days.map((d) => d.source));
      const source = srcs.size === 0 ? (monthMeasured[mi] ? 'none' : NO_DATA) : srcs.size === 1 ? [...srcs][0]! : 'gps+records';
      const cm = crimeNow[mi]!;
      hmRows.push([
        h.id, h.name, h.districtName, h.wardName, month, source,
        dm(s((d) => d.visits)), dm(s((d) => d.visits10)), dm(s((d) => d.visits15)), dm(r2(s((d) => d.officerMinutes))),
        dm(r2(pm / 60)), r2(tgt / 60), !monthMeasured[mi] ? NO_DATA : tgt > 0 ? r1((pm / tgt) * 100) : 'no target',
        ...dosage.outcomeNames.map((k) => dmo(s((d) => d.outcomes[k] ?? 0))),
        cm.hasData ? (cm.crimes[h.id] ?? 0) : NO_DATA, cm.hasData ? r2(cm.harm[h.id] ?? 0) : NO_DATA,
      ]);
    }
  }
  const byHotspotMonth: ReturnSheet = {
    name: 'By hotspot and month', fileName: 'by_hotspot_month.csv',
    columns: [
      col('hotspot_id', 'Hotspot id', 'text', 22), col('name', 'Name', 'text', 34), col('district', 'District', 'text', 14),
      col('ward', 'Ward', 'text', 24), col('month', 'Month', 'text', 9), col('source', 'Source', 'text', 12),
      col('visits', 'Visits', 'int', 8), col('visits_10', 'Visits >= 10 min', 'int', 10), col('visits_15', 'Visits >= 15 min', 'int', 10),
      col('officer_minutes', 'Officer minutes', 'number', 11), col('patrol_hours', 'Patrol hours', 'hours', 10),
      col('target_hours', 'Target hours', 'hours', 10), col('delivered_pct', '% delivered', 'pct', 10),
      ...outcomeCols, col('crimes', 'Crimes', 'int', 9), col('harm', harmLabel, 'number', 14),
    ],
    rows: hmRows,
  };

  // ---- Outcomes
  const outRows: Cell[][] = dosage.byHotspot.map((h) => [
    h.hotspotId, h.name, h.districtName, h.wardName,
    ...dosage.outcomeNames.map((k) => dmo(h.outcomes[k])),
    ssNowT ? (ssNowT[h.hotspotId] ?? 0) : NO_DATA,
  ]);
  outRows.push(['Total', '', '', '', ...dosage.outcomeNames.map((k) => dmo(t.outcomes[k])), ssNowT ? sumOver(allIds, ssNowT) : NO_DATA]);
  const outcomes: ReturnSheet = {
    name: 'Outcomes', fileName: 'outcomes.csv',
    columns: [
      col('hotspot_id', 'Hotspot id', 'text', 22), col('name', 'Name', 'text', 34), col('district', 'District', 'text', 14),
      col('ward', 'Ward', 'text', 24), ...dosage.outcomeNames.map((k) => col(k, `${OUTCOME_LABELS[k] ?? k} (patrol records)`, 'int', 16)),
      col('stop_searches_recorded', 'Stop and searches recorded in hotspot (stop-and-search data)', 'int', 22),
    ],
    rows: outRows, boldRows: [outRows.length - 1],
  };

  // ---- Notes
  const method: string[] = [
    title,
    ...dosage.method,
    `crime in hotspots: records of the plan's selection (${plan.categorySetLabel ?? 'all records'}) located inside a hotspot outline, counted in whole calendar months ${months[0]} to ${months[months.length - 1]} (police.uk data is monthly); harm scheme ${plan.schemeLabel}`,
    `year earlier: ${prior.from} to ${prior.to}; a month with no crime records at all in the project is "no data", never 0 (months without crime data: ${[...totNow.missing, ...totBefore.missing].join(', ') || 'none'})`,
    'stop and searches (stop-and-search data): searches in imported police.uk stop-and-search files whose location falls inside a hotspot and whose time falls in the period; separate from the stop and searches officers recorded on patrol records',
    'outcomes (patrol records): summed from the imported patrol records, attributed to the local day each record starts',
    `missing data is written "${NO_DATA}", never 0; % columns are blank or say why when the target is 0`,
  ];
  const notesRows: Cell[][] = [
    ['Title', title],
    ['Period', `${from} to ${to} (${periodLabel}), Europe/London local dates inclusive`],
    ['Plan', `${plan.id}: ${plan.name}`],
    ['Plan seed', plan.seed],
    ['Plan period', `${plan.from} to ${plan.to}`],
    ['Basis period', `${plan.basisFrom} to ${plan.basisTo}`],
    ['Harm scheme', plan.schemeLabel],
    ['Category set', plan.categorySetLabel ?? 'all records'],
    ['Cell size', `${plan.cellSize} m ${plan.cellShape}`],
    ['Visits per day', plan.dosage.visitsPerDay],
    ['Minutes per visit', plan.dosage.minutesPerVisit],
    ['Patrol windows', plan.dosage.windows.map((w) => `days ${w.weekdays.join(',')} ${w.start}-${w.end}`).join('; ') || 'none (every day)'],
    ['Geofence buffer (m)', plan.dosage.bufferMetres],
    ['Fix gap that ends a visit (min)', plan.dosage.maxFixGapMinutes],
    ['Pass-through threshold (min)', plan.dosage.minVisitMinutes],
    ...method.slice(1).map((l): Cell[] => {
      const i = l.indexOf(': ');
      return i > 0 ? [`Definition: ${l.slice(0, i)}`, l.slice(i + 2)] : ['Definition', l];
    }),
    ...plan.method.map((l): Cell[] => ['Plan method', l]),
    ...(dosage.imports.length ? dosage.imports.map((i): Cell[] => ['Input file', i.line]) : [['Input file', 'none imported for this plan']]),
    ...dosage.notes.map((n): Cell[] => ['Note', n]),
    ...coverageNotes.map((n): Cell[] => ['Note', n]),
    ['Compliance', dosage.compliance.sentence],
    ['Software version', softwareVersion],
    ['Generated at', generatedAt],
  ];
  const notes: ReturnSheet = {
    name: 'Notes', fileName: 'notes.csv',
    columns: [col('item', 'Item', 'text', 34), col('value', 'Value', 'text', 120)],
    rows: notesRows,
  };

  return {
    title, subtitle, projectName, planId: plan.id, from, to, periodLabel, generatedAt, softwareVersion,
    sheets: [summary, byDistrict, byHotspotMonth, outcomes, notes], dosage, method,
  };
}
