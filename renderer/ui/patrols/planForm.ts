import type { DosageSettings, HotspotChoice, PatrolPlan } from '../../../shared/patrols/types';
import { financialQuarter } from '../../../shared/returns/periods';
import type { PlanRequest } from '../../engine/patrolsApi';

/** Everything the plan builder edits, complete (the request sends what differs from defaults too). */
export interface PlanForm {
  name: string;
  from: string;
  to: string;
  /** Months 'YYYY-MM'; empty = the latest 12 months with data. */
  basisFrom: string;
  basisTo: string;
  schemeId: string;
  categorySetId: string;
  cellSize: number;
  choice: HotspotChoice;
  dosage: DosageSettings;
  seed: number;
  /** Set when the form edits a saved plan, so saving replaces it. */
  id?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/** Default patrol period: the three calendar months after the latest month with crimes. */
export function defaultPeriod(lastMonth: string | null): { from: string; to: string } {
  const now = new Date();
  const [y, m] = lastMonth ? lastMonth.split('-').map(Number) as [number, number] : [now.getUTCFullYear(), now.getUTCMonth() + 1];
  const start = new Date(Date.UTC(y, m, 1)); // month after (m is 1-based)
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
  const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return { from: iso(start), to: iso(end) };
}

export function defaultForm(choice: HotspotChoice, dosage: DosageSettings, lastMonth: string | null): PlanForm {
  const period = defaultPeriod(lastMonth);
  return {
    name: `Hotspot patrols ${period.from} to ${period.to}`,
    ...period,
    basisFrom: '',
    basisTo: '',
    schemeId: 'count',
    categorySetId: '',
    cellSize: 150,
    choice: { ...choice, count: 10, handAdded: [], handRemoved: [] },
    dosage: { ...dosage, windows: dosage.windows.map((w) => ({ ...w, weekdays: [...w.weekdays] })), teams: [...dosage.teams] },
    seed: newSeed(),
  };
}

export function formOfPlan(p: PatrolPlan): PlanForm {
  return {
    id: p.id, name: p.name, from: p.from, to: p.to, basisFrom: p.basisFrom, basisTo: p.basisTo, schemeId: p.schemeId,
    categorySetId: p.categorySetId ?? '', cellSize: p.cellSize, choice: p.choice, dosage: p.dosage, seed: p.seed,
  };
}

export function requestOf(f: PlanForm): PlanRequest {
  return {
    id: f.id, name: f.name.trim() || `Hotspot patrols ${f.from} to ${f.to}`, from: f.from, to: f.to,
    basisFrom: f.basisFrom || undefined, basisTo: f.basisTo || undefined, schemeId: f.schemeId,
    categorySetId: f.categorySetId || undefined, cellSize: f.cellSize, choice: f.choice, dosage: f.dosage, seed: f.seed,
  };
}

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Mon-Sun 10:00-02:00 (next day)" */
export function describeWindow(w: { weekdays: number[]; start: string; end: string }): string {
  const days = [...w.weekdays].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    runs.push(i === j ? WEEKDAYS[days[i]! - 1]! : `${WEEKDAYS[days[i]! - 1]}-${WEEKDAYS[days[j]! - 1]}`);
    i = j + 1;
  }
  return `${runs.join(', ') || 'no days'} ${w.start}-${w.end}${w.end <= w.start ? ' (ends next day)' : ''}`;
}

export function hours(minutes: number): string {
  return (minutes / 60).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: minutes % 60 === 0 ? 0 : 1 });
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** police.uk names all start "On or near"; where space is short the place itself is enough. */
export function shortName(name: string): string {
  return name.replace(/^On or near /i, '');
}

/** First and last local date of a month 'YYYY-MM'. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}` };
}

/** Financial quarters (Q1 = April-June) overlapping a period of local dates, oldest first. */
export function quartersOf(from: string, to: string): { label: string; from: string; to: string }[] {
  const out: { label: string; from: string; to: string }[] = [];
  for (let y = Number(from.slice(0, 4)) - 1; y <= Number(to.slice(0, 4)); y++) {
    for (let q = 1; q <= 4; q++) {
      const p = financialQuarter(`${y}-${pad((y + 1) % 100)} Q${q}`);
      if (p.to >= from && p.from <= to) out.push(p);
    }
  }
  return out;
}
