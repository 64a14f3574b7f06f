/**
 * Which local (Europe/London) days each hotspot was patrolled: a day counts when a GPS
 * device visit or a manual patrol record for the plan starts on it (DOMAIN.md: a visit
 * belongs to the local day on which it starts).
 */
import type { ProjectDb as Database } from '../repository/db';
import { readPlanPatrolStarts } from '../repository/dosage';

const londonDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** 'YYYY-MM-DD' of an instant in Europe/London (clock changes handled by Intl). */
export function localDate(utcMs: number): string {
  const parts = londonDate.formatToParts(new Date(utcMs));
  const get = (t: string): string => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Every calendar date from `from` to `to` inclusive ('YYYY-MM-DD'). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const [y0, m0, d0] = from.split('-').map(Number) as [number, number, number];
  for (let t = Date.UTC(y0, m0 - 1, d0); ; t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (d > to) break;
    out.push(d);
  }
  return out;
}

/** Last calendar day of a 'YYYY-MM' month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export interface PatrolDays {
  /** hotspot id -> local dates with at least one visit or record starting that day. */
  byHotspot: Map<string, Set<string>>;
  gpsVisits: number;
  records: number;
}

export function patrolledDays(db: Database, planId: string): PatrolDays {
  const byHotspot = new Map<string, Set<string>>();
  const add = (rows: { hotspotId: string; startUtc: number }[]): void => {
    for (const r of rows) {
      let set = byHotspot.get(r.hotspotId);
      if (!set) byHotspot.set(r.hotspotId, (set = new Set()));
      set.add(localDate(r.startUtc));
    }
  };
  const { gps, records: rec } = readPlanPatrolStarts(db, planId);
  add(gps);
  add(rec);
  return { byHotspot, gpsVisits: gps.length, records: rec.length };
}
