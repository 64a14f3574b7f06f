import type { Database } from 'sql.js';
import { lonLatToBng } from '../geo/bng';
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
  const tallies = Array.from({ length: hotspots }, () => new Map<string, number>());
  const stmt = db.prepare(
    `SELECT location, crime_type, offence_code, ${ctx.needsFlags ? 'flags' : 'NULL'}, easting, northing, lon, lat
       FROM crimes ${ctx.whereSql}`,
  );
  try {
    stmt.bind(ctx.params);
    while (stmt.step()) {
      const [loc, type, code, flags, x0, y0, lon, lat] = stmt.get() as [string | null, string | null, string | null, string | null, number | null, number | null, number | null, number | null];
      if (!loc || !loc.trim() || !ctx.keep(type, code, flags)) continue;
      let x = x0, y = y0;
      if ((x === null || y === null) && lon !== null && lat !== null) [x, y] = lonLatToBng(lon, lat);
      if (x === null || y === null) continue;
      const h = hotspotAt(x, y);
      if (h < 0) continue;
      const key = loc.trim().replace(/\s+/g, ' ');
      tallies[h]!.set(key, (tallies[h]!.get(key) ?? 0) + 1);
    }
  } finally {
    stmt.free();
  }
  return tallies.map((t) => {
    let best: string | null = null, bestN = 0;
    for (const [loc, n] of t) if (n > bestN || (n === bestN && best !== null && loc < best)) [best, bestN] = [loc, n];
    return best;
  });
}
