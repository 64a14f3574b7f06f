import { toCsv, type Cell } from '../csv/csvWrite';
import type { AreaResult, Evaluation, HotspotResult } from './evaluatePlan';
import { fmt, type WddResult, type WdqResult } from './wdq';

/** Rounds away float noise (0.1 + 0.2) without hiding real precision; null stays empty. */
const r = (v: number | null | undefined): Cell => (v === null || v === undefined ? null : Math.round(v * 1e6) / 1e6);

const HEADER = [
  'row_type', 'id', 'name', 'cells', 'count_before', 'count_after', 'count_change', 'count_pct_change',
  'harm_before', 'harm_after', 'harm_change', 'harm_pct_change',
  'patrolled_days', 'unpatrolled_days', 'crimes_patrolled_days', 'crimes_unpatrolled_days',
  'crimes_per_patrolled_day', 'crimes_per_unpatrolled_day', 'harm_patrolled_days', 'harm_unpatrolled_days',
  'undated_after', 'note',
];

function wdqLines(label: string, w: WdqResult): string[] {
  return [
    `result ${label}: WDQ ${w.value === null ? 'not computed' : fmt(w.value)}; success measure ${w.successMeasure === null ? 'not computed' : fmt(w.successMeasure)}; total net effect ${w.tne === null ? 'not computed' : fmt(w.tne)}`,
    `reading ${label}: ${w.reading}`,
    ...w.notes.filter((n) => n !== w.reading).map((n) => `note ${label}: ${n}`),
  ];
}

function wddLines(w: WddResult): string[] {
  return [
    `result WDD (counts): ${fmt(w.wdd)} (local ${fmt(w.local)}, displacement ${fmt(w.displacement)}); SE ${w.se === null ? 'not computed' : fmt(w.se)}; ` +
      `z ${w.z === null ? 'not computed' : fmt(w.z)}; p ${w.p === null ? 'not computed' : fmt(w.p)}; ` +
      `95% interval ${w.ci95 ? `${fmt(w.ci95[0])} to ${fmt(w.ci95[1])}` : 'not computed'}`,
    `reading WDD: ${w.reading}`,
    ...w.notes.filter((n) => n !== w.reading).map((n) => `note WDD: ${n}`),
  ];
}

function areaRow(a: AreaResult): Cell[] {
  return [
    'area', a.key, a.label, a.cellIds.length, a.before.count, a.after.count, a.change.count, r(a.change.countPct),
    r(a.before.harm), r(a.after.harm), r(a.change.harm), r(a.change.harmPct),
    null, null, null, null, null, null, null, null, null, a.change.notes.join(' '),
  ];
}

function hotspotRow(h: HotspotResult): Cell[] {
  const d = h.days;
  return [
    'hotspot', h.hotspotId, h.name, h.cellIds.length, h.before.count, h.after.count, h.change.count, r(h.change.countPct),
    r(h.before.harm), r(h.after.harm), r(h.change.harm), r(h.change.harmPct),
    d?.patrolled.days, d?.unpatrolled.days, d?.patrolled.count, d?.unpatrolled.count,
    r(d?.patrolled.countPerDay), r(d?.unpatrolled.countPerDay), r(d?.patrolled.harm), r(d?.unpatrolled.harm),
    d?.undated, [...h.change.notes, ...(d ? [d.reading] : [])].join(' '),
  ];
}

/** The evaluation as CSV: `# ` method and result lines, then one row per area and per hotspot. */
export function evaluationCsv(ev: Evaluation): string {
  const lines = [
    ...ev.method,
    ...wdqLines('(counts)', ev.wdq),
    ...(ev.scheme.id === 'count' ? [] : wdqLines(`(harm, ${ev.scheme.label})`, ev.wdqHarm)),
    ...wddLines(ev.wdd),
    ...ev.dayNotes.map((n) => `days: ${n}`),
    ...ev.warnings.map((w) => `warning: ${w}`),
  ];
  const rows = [
    ...(['treated', 'buffer', 'control', 'controlBuffer'] as const).map((k) => areaRow(ev.areas[k])),
    ...ev.hotspots.map(hotspotRow),
  ];
  return toCsv(HEADER, rows, lines);
}
