import type { Database } from 'sql.js';
import { BatchInsert } from './batchInsert';
import type { TextDict } from './textDict';
import { ownString } from '../../import/ownString';

/** Where a record is, as the import placed it (shared/import/placement.ts Placement). */
export interface PlaceFields {
  readonly lon: number | null;
  readonly lat: number | null;
  readonly easting: number | null;
  readonly northing: number | null;
  readonly ward: string | null;
  readonly placedBy: string;
  readonly outOfArea: number;
}

/** A places row: id, lon_e6, lat_e6, easting, northing, location_id, lsoa_id, ward_id, placed_by_id, out_of_area. */
type PlaceRow = [number, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number];

/** A small integer (a Smi, which V8 maps hash fastest) from a place's micro-degree coordinates; places that share one are told apart by samePlace. */
function pointHash(row: PlaceRow): number {
  return (Math.imul(row[1] ?? -1, 0x9e3779b1) ^ (row[2] ?? -1)) >> 1;
}

/** Whether two places rows hold the same values (ids aside). */
function samePlace(a: PlaceRow, b: PlaceRow): boolean {
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Micro-degrees: police.uk coordinates have 6 decimals, so this is exact for them. */
export const toE6 = (v: number | null): number | null => (v === null ? null : Math.round(v * 1e6));

/**
 * The places dictionary. police.uk snaps every crime to one of a few tens of thousands of points,
 * so a point's coordinates (micro-degrees and BNG metres), location text, LSOA, ward and how it
 * was placed are stored once and a record holds the place's id (2-3 bytes instead of ~20).
 * Force extracts with exact coordinates get about one place per record, which costs what storing
 * the coordinates in the record would.
 */
export class PlaceDict {
  /**
   * Stored places by a small-integer hash of their micro-degree coordinates, then every value
   * compared: a map keyed by the nine values joined as text cost ~3 us a new place.
   */
  private readonly byPoint = new Map<number, PlaceRow | PlaceRow[]>();
  /** Placement objects are shared by the import's placer cache: a fast first lookup by object. */
  private readonly byPlacement = new Map<PlaceFields, Map<string | null, Map<string | null, number>>>();
  private nextId: number;
  /** New places are written in batches; flush() before anything reads the places table. */
  private readonly rows: BatchInsert;

  constructor(db: Database, private readonly texts: TextDict) {
    const stmt = db.prepare('SELECT id, lon_e6, lat_e6, easting, northing, location_id, lsoa_id, ward_id, placed_by_id, out_of_area FROM places');
    let max = 0;
    try {
      while (stmt.step()) {
        const r = stmt.get() as (number | null)[];
        const id = r[0] as number;
        this.add(r as PlaceRow);
        if (id > max) max = id;
      }
    } finally {
      stmt.free();
    }
    this.nextId = max + 1;
    this.rows = new BatchInsert(db, 'places', ['id', 'lon_e6', 'lat_e6', 'easting', 'northing', 'location_id', 'lsoa_id', 'ward_id', 'placed_by_id', 'out_of_area']);
  }

  id(p: PlaceFields, location: string | null, lsoa: string | null): number {
    // Nested maps rather than one joined key: no string is built per row.
    let byLocation = this.byPlacement.get(p);
    if (!byLocation) {
      if (this.byPlacement.size >= 500_000) this.byPlacement.clear();
      byLocation = new Map();
      this.byPlacement.set(p, byLocation);
    }
    let byLsoa = byLocation.get(location);
    if (!byLsoa) {
      byLsoa = new Map();
      byLocation.set(location === null ? null : ownString(location), byLsoa);
    }
    const hit = byLsoa.get(lsoa);
    if (hit !== undefined) return hit;
    const id = this.lookup(p, location, lsoa);
    byLsoa.set(lsoa === null ? null : ownString(lsoa), id);
    return id;
  }

  /**
   * id() without its cache by placement object: for a caller that keeps its own (the byte-level
   * police.uk reader), whose placements are each new and would only fill the cache.
   */
  lookup(p: PlaceFields, location: string | null, lsoa: string | null): number {
    const row: PlaceRow = [
      0, toE6(p.lon), toE6(p.lat), p.easting, p.northing, this.texts.id(location), this.texts.id(lsoa),
      this.texts.id(p.ward), this.texts.id(p.placedBy), p.outOfArea,
    ];
    const stored = this.find(row);
    if (stored !== undefined) return stored;
    row[0] = this.nextId++;
    this.rows.push(row);
    this.add(row);
    return row[0];
  }

  /** The id of a stored place with the values of row[1..], or undefined. */
  private find(row: PlaceRow): number | undefined {
    const hit = this.byPoint.get(pointHash(row));
    if (hit === undefined) return undefined;
    if (!Array.isArray(hit[0])) return samePlace(hit as PlaceRow, row) ? (hit as PlaceRow)[0] : undefined;
    for (const c of hit as PlaceRow[]) if (samePlace(c, row)) return c[0];
    return undefined;
  }

  private add(row: PlaceRow): void {
    const h = pointHash(row), hit = this.byPoint.get(h);
    if (hit === undefined) this.byPoint.set(h, row);
    else if (Array.isArray(hit[0])) (hit as PlaceRow[]).push(row);
    else this.byPoint.set(h, [hit as PlaceRow, row]);
  }

  /** Writes the places still queued: call before reading the places table and before the import ends. */
  flush(): void {
    this.rows.flush();
  }

  free(): void {
    this.rows.free();
  }
}
