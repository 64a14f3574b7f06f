import type { ProjectDb as Database } from '../repository/db';
import { areaFeatures } from '../areas/areaLayer';
import { selectCrimes } from '../harm/crimeSelection';
import { parseSquareCellId, squareCellOf } from '../hotspots/bngGrid';
import { temporalProfile, TEMPORAL_METHOD } from '../hotspots/temporalProfile';
import type { PlanRequest } from './buildPlan';
import { basisFilter } from './planBasis';
import { describeWindow } from './planMethod';
import { LSOA_LAYER } from './planUnits';
import { PolygonIndex, projectRings } from './polygonIndex';
import type { PatrolWindow } from './types';

/** Length of a suggested window: two shifts' worth of the busiest hours, short enough to concentrate patrols. */
export const SUGGESTED_WINDOW_HOURS = 8;
/** Below this many timed records a profile is mostly noise: the reason says so. */
const FEW_RECORDS = 30;

const DAY = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;

/**
 * For data with times (force extracts with committed from/to): the 8-hour daily window with
 * the most harm in the chosen units over the basis period (aoristic hour x weekday profile,
 * Europe/London), on the weekdays whose window holds at least half the harm of the busiest
 * day's. `cellIds` are grid cell ids (SQ...) or LSOA codes. Null when no record in those
 * units has a time (police.uk data has months only), so the caller keeps the default window.
 */
export function suggestWindows(db: Database, req: PlanRequest, cellIds: string[]): { windows: PatrolWindow[]; reason: string } | null {
  const filter = basisFilter(db, req);
  const sel = selectCrimes(db, filter);
  const cells = new Set<string>();
  const lsoas = new Set<string>();
  let size = 0;
  for (const id of cellIds) {
    const p = parseSquareCellId(id);
    if (p) {
      size = p.size;
      cells.add(`${p.col},${p.row}`);
    } else lsoas.add(id);
  }
  let lsoaIndex: PolygonIndex | null = null;
  if (lsoas.size) {
    const fc = areaFeatures(db, LSOA_LAYER);
    lsoaIndex = new PolygonIndex(fc.features.filter((f) => lsoas.has(String(f.id))).map((f) => projectRings(f.geometry)));
  }
  const from: (string | null)[] = [], to: (string | null)[] = [], w: number[] = [];
  for (let r = 0; r < sel.n; r++) {
    const e = sel.e[r]!, n = sel.nn[r]!;
    if (!Number.isFinite(e) || !Number.isFinite(n) || sel.outOfArea[r]) continue;
    const inCell = cells.size > 0 && cells.has(squareCellOf(size, e, n).join(','));
    if (!inCell && !(lsoaIndex && lsoaIndex.find(e, n) >= 0)) continue;
    from.push(sel.committedFrom[r] ?? null);
    to.push(sel.committedTo[r] ?? null);
    const wt = sel.weight[r]!;
    w.push(Number.isNaN(wt) ? 0 : wt);
  }
  const prof = temporalProfile(from, to, w);
  const total = prof.weights.reduce((s, v) => s + v, 0);
  if (prof.recordsUsed === 0 || !(total > 0)) return null;

  const L = SUGGESTED_WINDOW_HOURS;
  const windowHarm = (d: number, h: number) => {
    let s = 0;
    for (let k = 0; k < L; k++) s += prof.weights[(d * 24 + h + k) % 168]!;
    return s;
  };
  let bestH = 0, bestS = -1;
  for (let h = 0; h < 24; h++) {
    let s = 0;
    for (let d = 0; d < 7; d++) s += windowHarm(d, h);
    if (s > bestS + 1e-12) [bestH, bestS] = [h, s];
  }
  const perDay = Array.from({ length: 7 }, (_, d) => windowHarm(d, bestH));
  const top = Math.max(...perDay);
  const days = perDay.map((s, d) => (s >= top / 2 && s > 0 ? d + 1 : 0)).filter((d) => d > 0);
  const window: PatrolWindow = { weekdays: days, start: hh(bestH), end: hh(bestH + L) };
  const inDays = days.reduce((s, d) => s + perDay[d - 1]!, 0);
  const pct = (x: number) => `${((100 * x) / total).toFixed(0)}%`;
  const reason =
    `${describeWindow(window)}: the ${L}-hour daily window with the most harm in the chosen hotspots over ${filter.from} to ${filter.to} ` +
    `holds ${pct(bestS)} of it on all days and ${pct(inDays)} on the days kept (${days.map((d) => DAY[d - 1]).join(', ')}: ` +
    `each at least half the busiest day's). From ${prof.recordsUsed} record${prof.recordsUsed === 1 ? '' : 's'} with times` +
    `${prof.recordsWithoutTime ? ` (${prof.recordsWithoutTime} without a time left out)` : ''}` +
    `${prof.recordsUsed < FEW_RECORDS ? `; only ${prof.recordsUsed}, so treat it as a hint, not evidence` : ''}; ${TEMPORAL_METHOD}.`;
  return { windows: [window], reason };
}
