import type { Database } from 'sql.js';
import { monthCode } from './monthCode';
import { TextDict } from './textDict';

/** A stored place with what re-placing it needs. */
export interface StoredPlace {
  id: number;
  lon: number | null;
  lat: number | null;
  lsoa: string | null;
  ward: string | null;
  placedBy: string;
  outOfArea: number;
  /** Records (crimes and stop-and-search) before the split month, and from it on. */
  before: number;
  from: number;
}

/** Every place that holds a record, with record counts either side of `splitMonth` ('YYYY-MM'). */
export function placesInUse(db: Database, splitMonth: string): StoredPlace[] {
  const split = monthCode(splitMonth);
  const rows = db.exec(
    `WITH uses AS (
       SELECT place_id, SUM(month < ${split}) AS before, SUM(month >= ${split}) AS from_split FROM crime_rows GROUP BY place_id
       UNION ALL
       SELECT place_id, SUM(month < ${split}), SUM(month >= ${split}) FROM stop_search_rows GROUP BY place_id)
     SELECT p.id, p.lon_e6, p.lat_e6, ls.text, w.text, pb.text, p.out_of_area, SUM(u.before), SUM(u.from_split)
     FROM uses u JOIN places p ON p.id = u.place_id
     LEFT JOIN text_dict ls ON ls.id = p.lsoa_id LEFT JOIN text_dict w ON w.id = p.ward_id LEFT JOIN text_dict pb ON pb.id = p.placed_by_id
     GROUP BY p.id ORDER BY p.id`,
  )[0]?.values ?? [];
  return rows.map((r) => ({
    id: r[0] as number, lon: r[1] === null ? null : (r[1] as number) / 1e6, lat: r[2] === null ? null : (r[2] as number) / 1e6,
    lsoa: r[3] as string | null, ward: r[4] as string | null, placedBy: r[5] as string, outOfArea: r[6] as number,
    before: r[7] as number, from: r[8] as number,
  }));
}

export interface NewPlacement {
  ward: string | null;
  placedBy: string;
  outOfArea: number;
}

/**
 * Writes re-placements: `all` sets a place's ward for every record there; `fromSplit` moves the
 * records from the split month on to a copy of the place with another ward (LSOA-placed records
 * use the 2011 or the 2021 lookup by month, so one place can need two wards).
 */
export class PlaceUpdates {
  private readonly texts: TextDict;
  private readonly split: number;

  constructor(private readonly db: Database, splitMonth: string) {
    this.texts = new TextDict(db);
    this.split = monthCode(splitMonth);
  }

  all(placeId: number, p: NewPlacement): void {
    this.db.run('UPDATE places SET ward_id = ?, placed_by_id = ?, out_of_area = ? WHERE id = ?', [
      this.texts.id(p.ward), this.texts.id(p.placedBy), p.outOfArea, placeId,
    ]);
  }

  fromSplit(placeId: number, p: NewPlacement): void {
    this.db.run(
      `INSERT INTO places(lon_e6, lat_e6, easting, northing, location_id, lsoa_id, ward_id, placed_by_id, out_of_area)
       SELECT lon_e6, lat_e6, easting, northing, location_id, lsoa_id, ?, ?, ? FROM places WHERE id = ?`,
      [this.texts.id(p.ward), this.texts.id(p.placedBy), p.outOfArea, placeId],
    );
    const copy = Number(this.db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0]);
    for (const table of ['crime_rows', 'stop_search_rows']) {
      this.db.run(`UPDATE ${table} SET place_id = ? WHERE place_id = ? AND month >= ?`, [copy, placeId, this.split]);
    }
  }

  free(): void {
    this.texts.free();
  }
}

/** Deletes one import's crimes and stop-and-search records; returns how many of each. */
export function deleteImportRecords(db: Database, importId: number): { crimes: number; stopSearches: number } {
  db.run('DELETE FROM crime_extras WHERE crime_id IN (SELECT id FROM crime_rows WHERE import_id = ?)', [importId]);
  db.run('DELETE FROM crime_rows WHERE import_id = ?', [importId]);
  const crimes = db.getRowsModified();
  db.run('DELETE FROM stop_search_rows WHERE import_id = ?', [importId]);
  return { crimes, stopSearches: db.getRowsModified() };
}
