import type { ProjectDb as Database } from '../repository/db';
import { readCrimeColumns } from '../repository/crimeReads';
import { selectionContext, type CrimeFilter } from '../harm/crimeSelection';

/**
 * The most frequent police.uk location ("On or near ...") among each hotspot's basis records,
 * the name officers recognise; ties go to the alphabetically first, so names are stable.
 * `hotspotAt` maps a BNG point to a hotspot index (or -1). Hotspots with no located records
 * with a location text get null (the caller falls back to the ward). Shared by patrol plans
 * (shared/patrols/hotspotNames.ts) and the map's cell names (cellNames.ts).
 */
export function commonLocations(
  db: Database,
  filter: CrimeFilter,
  hotspots: number,
  hotspotAt: (e: number, n: number) => number,
): (string | null)[] {
  const ctx = selectionContext(db, filter);
  const c = readCrimeColumns(db, ctx.range, { location: true, flags: ctx.needsFlags }, ctx.keep);
  return mostCommonLocations({ location: c.location!, e: c.e, nn: c.nn }, hotspots, hotspotAt);
}

/** The tally behind commonLocations, on plain columns: per hotspot, its most frequent location text. */
export function mostCommonLocations(
  c: { location: readonly (string | null)[]; e: Float64Array; nn: Float64Array },
  hotspots: number,
  hotspotAt: (e: number, n: number) => number,
): (string | null)[] {
  const tallies = Array.from({ length: hotspots }, () => new Map<string, number>());
  for (let i = 0; i < c.location.length; i++) {
    const loc = c.location[i];
    const x = c.e[i]!, y = c.nn[i]!;
    if (!loc || !loc.trim() || Number.isNaN(x) || Number.isNaN(y)) continue;
    const h = hotspotAt(x, y);
    if (h < 0) continue;
    const key = loc.trim().replace(/\s+/g, ' ');
    tallies[h]!.set(key, (tallies[h]!.get(key) ?? 0) + 1);
  }
  return tallies.map((t) => {
    let best: string | null = null, bestN = 0;
    for (const [loc, n] of t) if (n > bestN || (n === bestN && best !== null && loc < best)) [best, bestN] = [loc, n];
    return best;
  });
}
