import type { DosageSettings, PatrolWindow } from './types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar date as YYYY-MM-DD (2026-02-30 is refused). */
export function checkDate(s: string, what: string): void {
  const m = DATE.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) {
    throw new Error(`${what} must be a date as YYYY-MM-DD (got "${s}").`);
  }
}

export function hhmmToMinutes(s: string): number {
  const m = HHMM.exec(s);
  if (!m) throw new Error(`A patrol window time must be HH:MM in 24-hour local time (got "${s}").`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function checkWindow(w: PatrolWindow): void {
  const a = hhmmToMinutes(w.start), b = hhmmToMinutes(w.end);
  if (a === b) throw new Error(`The patrol window ${w.start}-${w.end} is empty: start and end are the same time.`);
  if (!w.weekdays.length || w.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new Error(`A patrol window's weekdays must be 1 (Monday) to 7 (Sunday) (got ${JSON.stringify(w.weekdays)}).`);
  }
}

export function checkDosage(d: DosageSettings): void {
  if (!Number.isInteger(d.visitsPerDay) || d.visitsPerDay < 1) throw new Error(`Visits per day must be a whole number of 1 or more (got ${d.visitsPerDay}).`);
  if (!Number.isInteger(d.minutesPerVisit) || d.minutesPerVisit < 1 || d.minutesPerVisit > 720) {
    throw new Error(`Minutes per visit must be a whole number from 1 to 720 (got ${d.minutesPerVisit}).`);
  }
  if (!(d.minGapMinutes >= 0)) throw new Error(`The minimum gap between visits must be 0 or more minutes (got ${d.minGapMinutes}).`);
  if (d.travelMinutes !== undefined && !(d.travelMinutes >= 0)) throw new Error(`Travel time must be 0 or more minutes (got ${d.travelMinutes}).`);
  const teams = d.teams.map((t) => t.trim());
  if (!teams.length || teams.some((t) => !t)) throw new Error('A plan needs at least one team, each with a name.');
  if (new Set(teams).size !== teams.length) throw new Error(`Team names must differ (got ${teams.join(', ')}).`);
  if (!d.windows.length) throw new Error('A plan needs at least one patrol window.');
  d.windows.forEach(checkWindow);
}

const DAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/**
 * A window as an analyst writes it: "18:00-02:00" (every day), "Fri-Sat 18:00-02:00",
 * "Mon,Wed,Fri 10:00-14:00" or "Mon-Fri,Sun 09:00-17:00". Weekdays by their first three letters.
 */
export function parseWindow(text: string): PatrolWindow {
  const m = /^\s*(?:([A-Za-z,\- ]+?)\s+)?(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$/.exec(text);
  if (!m) throw new Error(`A patrol window must look like "18:00-02:00" or "Fri-Sat 18:00-02:00" (got "${text}").`);
  const weekdays = new Set<number>();
  const spec = (m[1] ?? '').trim().toLowerCase();
  if (!spec || spec === 'every day' || spec === 'daily') [1, 2, 3, 4, 5, 6, 7].forEach((d) => weekdays.add(d));
  else {
    for (const part of spec.split(',').map((p) => p.trim())) {
      const [a, b] = part.split('-').map((x) => DAYS[x.trim().slice(0, 3)]);
      if (!a || (part.includes('-') && !b)) throw new Error(`Unknown weekday in patrol window "${text}": use Mon, Tue, Wed, Thu, Fri, Sat, Sun.`);
      if (!b) weekdays.add(a);
      else for (let d = a; ; d = (d % 7) + 1) { weekdays.add(d); if (d === b) break; }
    }
  }
  const w: PatrolWindow = { weekdays: [...weekdays].sort((x, y) => x - y), start: m[2]!, end: m[3]! };
  checkWindow(w);
  return w;
}
