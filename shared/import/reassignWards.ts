import type { Database } from 'sql.js';
import { DEFAULT_LAYER } from '../areas/areaLayer';
import { Placer } from './placement';
import { WardIndex } from './wardIndex';

export interface ReassignReport {
  /** Records looked at (all crimes and stop-and-search records). */
  records: number;
  /** Records whose ward or out-of-area flag changed. */
  changed: number;
  /** Records now outside every ward. */
  outOfArea: number;
}

/**
 * Re-places stored records after the ward layer changed (importBoundaries): points by
 * point-in-polygon, LSOA-placed crimes by the lookup (kept only if the ward exists in the new
 * layer). Ward-field placements keep their ward when the new layer still has it, else become
 * 'none'. One transaction; a savepoint so it nests in a caller's.
 */
export function reassignWards(db: Database, layer = DEFAULT_LAYER): ReassignReport {
  const wards = WardIndex.fromDb(db, layer);
  const placer = new Placer(wards);
  const report: ReassignReport = { records: 0, changed: 0, outOfArea: 0 };
  db.exec('SAVEPOINT reassign_wards');
  try {
    for (const table of ['crimes', 'stop_searches'] as const) {
      const hasLsoa = table === 'crimes';
      const sel = db.prepare(
        `SELECT id, lon, lat, ward_code, placed_by, out_of_area, ${hasLsoa ? 'lsoa_code, month' : 'NULL, month'} FROM ${table}`,
      );
      const upd = db.prepare(`UPDATE ${table} SET ward_code = ?, placed_by = ?, out_of_area = ? WHERE id = ?`);
      try {
        while (sel.step()) {
          const [id, lon, lat, ward, placedBy, out, lsoa, month] = sel.get() as [number, number | null, number | null, string | null, string, number, string | null, string];
          report.records++;
          let next: { ward: string | null; placedBy: string; outOfArea: number };
          if (lon !== null && lat !== null) {
            next = placer.fromLonLat(lon, lat);
          } else if (placedBy === 'ward-field') {
            next = ward && wards.hasCode(ward) ? { ward, placedBy, outOfArea: 0 } : Placer.NONE;
          } else {
            next = (lsoa && placer.fromLsoa(lsoa, month)) || Placer.NONE;
          }
          report.outOfArea += next.outOfArea;
          if (next.ward !== ward || next.placedBy !== placedBy || next.outOfArea !== out) {
            upd.run([next.ward, next.placedBy, next.outOfArea, id]);
            report.changed++;
          }
        }
      } finally {
        sel.free();
        upd.free();
      }
    }
    db.exec('RELEASE reassign_wards');
  } catch (e) {
    db.exec('ROLLBACK TO reassign_wards');
    db.exec('RELEASE reassign_wards');
    throw e;
  }
  return report;
}
