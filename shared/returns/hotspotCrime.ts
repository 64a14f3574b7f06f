import type { ProjectDb as Database } from '../repository/db';
import { readCrimeMonths, readStopSearchColumns, readStopSearchMonths } from '../repository/crimeReads';
import { selectCrimePoints } from '../harm/crimePoints';
import { parseLondonTime } from '../hotspots/temporalProfile';
import type { PatrolPlan, PlanHotspot } from '../patrols/types';

/**
 * Crime, harm and recorded stop-and-searches inside a plan's hotspots, per calendar month.
 * police.uk crime data is monthly, so crime is counted in whole months. A month with no crime
 * records at all in the project has no data (null), never zero: a year-earlier comparison over
 * months that were never imported would otherwise read as a 100% fall.
 */
export interface MonthCrime {
  month: string;
  /** False when the project holds no crime record for that month at all. */
  hasData: boolean;
  /** Per hotspot id; absent hotspots had none. */
  crimes: Record<string, number>;
  harm: Record<string, number>;
}

export interface MonthStopSearch {
  month: string;
  hasData: boolean;
  searches: Record<string, number>;
}

type Ring = number[][];

function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!, yi = ring[i]![1]!, xj = ring[j]![0]!, yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

interface Locator {
  find(e: number, n: number): string | null;
}

/** Finds the hotspot whose BNG outline holds a point (the first in rank order on a shared edge). */
export function hotspotLocator(hotspots: PlanHotspot[]): Locator {
  const shapes = hotspots.map((h) => {
    const polys: Ring[][] = h.bngGeometry.type === 'Polygon' ? [h.bngGeometry.coordinates] : h.bngGeometry.coordinates;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const p of polys) for (const [x, y] of p[0]!) {
      x0 = Math.min(x0, x!); y0 = Math.min(y0, y!); x1 = Math.max(x1, x!); y1 = Math.max(y1, y!);
    }
    return { id: h.id, polys, x0, y0, x1, y1 };
  });
  return {
    find(e, n) {
      if (!Number.isFinite(e) || !Number.isFinite(n)) return null;
      for (const s of shapes) {
        if (e < s.x0 || e > s.x1 || n < s.y0 || n > s.y1) continue;
        for (const p of s.polys) {
          if (inRing(e, n, p[0]!) && !p.slice(1).some((hole) => inRing(e, n, hole))) return s.id;
        }
      }
      return null;
    },
  };
}

/** Months that hold at least one crime record in the project. */
export function crimeMonthsWithData(db: Database): Set<string> {
  return new Set(readCrimeMonths(db));
}

export function hotspotCrimeByMonth(db: Database, plan: PatrolPlan, months: string[]): MonthCrime[] {
  const withData = crimeMonthsWithData(db);
  const locate = hotspotLocator(plan.hotspots);
  return months.map((month) => {
    const out: MonthCrime = { month, hasData: withData.has(month), crimes: {}, harm: {} };
    if (!out.hasData) return out;
    const pts = selectCrimePoints(db, {
      from: month, to: month, schemeId: plan.schemeId, categorySetId: plan.categorySetId ?? undefined,
    });
    for (let i = 0; i < pts.n; i++) {
      const id = locate.find(pts.e[i]!, pts.nn[i]!);
      if (id === null) continue;
      out.crimes[id] = (out.crimes[id] ?? 0) + pts.records[i]!;
      out.harm[id] = (out.harm[id] ?? 0) + pts.harm[i]!;
    }
    return out;
  });
}

/**
 * Stop-and-searches recorded in imported police.uk stop-and-search data inside the hotspots,
 * within [startUtc, endUtc) by their recorded time, per month of that time.
 */
export function hotspotStopSearches(db: Database, plan: PatrolPlan, months: string[], startUtc: number, endUtc: number): MonthStopSearch[] {
  const withData = new Set(readStopSearchMonths(db));
  const locate = hotspotLocator(plan.hotspots);
  const res = new Map<string, MonthStopSearch>(months.map((m) => [m, { month: m, hasData: withData.has(m), searches: {} }]));
  if (months.length === 0) return [];
  const ss = readStopSearchColumns(db, { from: months[0]!, to: months[months.length - 1]! });
  for (let i = 0; i < ss.n; i++) {
    const t = parseLondonTime(ss.occurredAt[i]!);
    if (!(t >= startUtc && t < endUtc)) continue;
    const e = ss.e[i]!, n = ss.nn[i]!;
    if (Number.isNaN(e) || Number.isNaN(n)) continue;
    const id = locate.find(e, n);
    const m = res.get(ss.month[i]!);
    if (id === null || !m) continue;
    m.searches[id] = (m.searches[id] ?? 0) + 1;
  }
  return [...res.values()];
}
