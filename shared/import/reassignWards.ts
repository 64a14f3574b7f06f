import type { ProjectDb as Database } from '../repository/db';
import { DEFAULT_LAYER } from '../areas/areaLayer';
import { openSavepoint } from '../repository/db';
import { placesInUse, PlaceUpdates, type NewPlacement } from '../repository/records/placeStore';
import { LSOA21_FROM_MONTH } from './lsoaLookup';
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

const same = (a: NewPlacement, b: NewPlacement) => a.ward === b.ward && a.placedBy === b.placedBy && a.outOfArea === b.outOfArea;

/**
 * Re-places stored records after the ward layer changed (importBoundaries): points by
 * point-in-polygon, LSOA-placed crimes by the lookup (kept only if the ward exists in the new
 * layer). Ward-field placements keep their ward when the new layer still has it, else become
 * 'none'. Records share places (schema v4), so this works a place at a time; an LSOA place whose
 * records need the 2011 lookup before 2023 and the 2021 one after is split in two. One
 * transaction; a savepoint so it nests in a caller's.
 */
export function reassignWards(db: Database, layer = DEFAULT_LAYER): ReassignReport {
  const wards = WardIndex.fromDb(db, layer);
  const placer = new Placer(wards);
  const report: ReassignReport = { records: 0, changed: 0, outOfArea: 0 };
  const savepoint = openSavepoint(db, 'reassign_wards');
  const updates = new PlaceUpdates(db, LSOA21_FROM_MONTH);
  try {
    for (const p of placesInUse(db, LSOA21_FROM_MONTH)) {
      const total = p.before + p.from;
      report.records += total;
      const next = (month: string): NewPlacement => {
        if (p.lon !== null && p.lat !== null) return placer.fromLonLat(p.lon, p.lat);
        if (p.placedBy === 'ward-field') return p.ward && wards.hasCode(p.ward) ? { ward: p.ward, placedBy: p.placedBy, outOfArea: 0 } : Placer.NONE;
        return (p.lsoa && placer.fromLsoa(p.lsoa, month)) || Placer.NONE;
      };
      const early = next('2000-01'), late = next(LSOA21_FROM_MONTH);
      const first = p.before > 0 ? early : late;
      report.outOfArea += p.before * early.outOfArea + p.from * late.outOfArea;
      if (p.before > 0 && p.from > 0 && !same(early, late)) {
        if (!same(early, p)) {
          updates.all(p.id, early);
          report.changed += p.before;
        }
        updates.fromSplit(p.id, late);
        if (!same(late, p)) report.changed += p.from;
      } else if (!same(first, p)) {
        updates.all(p.id, first);
        report.changed += total;
      }
    }
    updates.free();
    savepoint.release();
  } catch (e) {
    updates.free();
    savepoint.rollback();
    throw e;
  }
  return report;
}
