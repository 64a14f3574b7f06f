import { bngToLonLat, isPlausibleBng, lonLatToBng } from '../geo/bng';
import { LSOA21_FROM_MONTH, lsoaToWard } from './lsoaLookup';
import type { WardIndex } from './wardIndex';

export type PlacedBy = 'point' | 'lsoa11' | 'lsoa21' | 'ward-field' | 'none';

/** Where a record is: both coordinate systems (or neither), its ward and how that was found. Shared, read-only. */
export interface Placement {
  readonly lon: number | null;
  readonly lat: number | null;
  readonly easting: number | null;
  readonly northing: number | null;
  readonly ward: string | null;
  readonly placedBy: PlacedBy;
  readonly outOfArea: 0 | 1;
}

export type CoordResult =
  | { ok: true; x: number; y: number }
  | { ok: false; missing: true }
  | { ok: false; missing: false; column: string; reason: string };

const MISSING: CoordResult = { ok: false, missing: true };

/**
 * Reads a lon/lat pair. Blank or 0,0 (the classic "no geocode" value) is missing, not wrong;
 * text that is not a number, or out of range, is a rejection naming the column.
 */
export function readLonLat(lonText: string, latText: string, lonCol: string, latCol: string): CoordResult {
  const a = lonText.trim(), b = latText.trim();
  if (a === '' && b === '') return MISSING;
  const lon = Number(a), lat = Number(b);
  if (a === '' || !Number.isFinite(lon)) return { ok: false, missing: false, column: lonCol, reason: `expected a longitude in decimal degrees, found "${lonText}"` };
  if (b === '' || !Number.isFinite(lat)) return { ok: false, missing: false, column: latCol, reason: `expected a latitude in decimal degrees, found "${latText}"` };
  if (lon === 0 && lat === 0) return MISSING;
  if (lon < -180 || lon > 180) return { ok: false, missing: false, column: lonCol, reason: `longitude ${lonText} is outside -180..180` };
  if (lat < -90 || lat > 90) return { ok: false, missing: false, column: latCol, reason: `latitude ${latText} is outside -90..90` };
  return { ok: true, x: lon, y: lat };
}

/** Reads a British National Grid easting/northing pair in metres; 0,0 is missing. */
export function readBng(eText: string, nText: string, eCol: string, nCol: string): CoordResult {
  const a = eText.trim(), b = nText.trim();
  if (a === '' && b === '') return MISSING;
  const e = Number(a), n = Number(b);
  if (a === '' || !Number.isFinite(e)) return { ok: false, missing: false, column: eCol, reason: `expected a BNG easting in metres, found "${eText}"` };
  if (b === '' || !Number.isFinite(n)) return { ok: false, missing: false, column: nCol, reason: `expected a BNG northing in metres, found "${nText}"` };
  if (e === 0 && n === 0) return MISSING;
  if (!isPlausibleBng(e, n)) return { ok: false, missing: false, column: eCol, reason: `${eText},${nText} is not a British National Grid coordinate (expected easting 0-700000, northing 0-1300000)` };
  return { ok: true, x: e, y: n };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Places records in wards. police.uk snaps every crime to one of ~750k points, so the same
 * coordinates recur thousands of times in a file: placements are cached per coordinate pair,
 * which turns the projection and the point-in-polygon test into a Map lookup for most rows.
 */
export class Placer {
  private readonly cache = new Map<string, Placement>();
  private readonly lsoaCache = new Map<string, Placement | null>();
  static readonly CACHE_LIMIT = 500_000;

  constructor(private readonly wards: WardIndex) {}

  private inArea(ward: string | null): 0 | 1 {
    // With no ward layer loaded nothing can be judged outside it.
    return ward === null && this.wards.size > 0 ? 1 : 0;
  }

  private remember(key: string, p: Placement): Placement {
    if (this.cache.size >= Placer.CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, p);
    return p;
  }

  fromLonLat(lon: number, lat: number): Placement {
    const key = `${lon},${lat}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const [e, n] = lonLatToBng(lon, lat);
    const ward = this.wards.wardAt(lon, lat);
    return this.remember(key, {
      lon, lat, easting: Math.round(e), northing: Math.round(n), ward, placedBy: 'point', outOfArea: this.inArea(ward),
    });
  }

  fromBng(easting: number, northing: number): Placement {
    const key = `b${easting},${northing}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const [lon, lat] = bngToLonLat(easting, northing);
    const ward = this.wards.wardAt(lon, lat);
    return this.remember(key, {
      lon: round6(lon), lat: round6(lat), easting, northing, ward, placedBy: 'point', outOfArea: this.inArea(ward),
    });
  }

  /** By the bundled LSOA lookups; null when the code is unknown or its ward is not in this project's layer. */
  fromLsoa(code: string, month: string | null): Placement | null {
    const key = `${code}|${month !== null && month >= LSOA21_FROM_MONTH ? 21 : 11}`;
    if (this.lsoaCache.has(key)) return this.lsoaCache.get(key)!;
    const hit = lsoaToWard(code, month);
    const p: Placement | null =
      hit && this.wards.hasCode(hit.ward)
        ? { lon: null, lat: null, easting: null, northing: null, ward: hit.ward, placedBy: hit.vintage, outOfArea: 0 }
        : null;
    this.lsoaCache.set(key, p);
    return p;
  }

  /** By a ward code or name written in the record; null when it matches no ward of the layer. */
  fromWardField(codeOrName: string): Placement | null {
    const ward = this.wards.resolve(codeOrName);
    return ward ? { lon: null, lat: null, easting: null, northing: null, ward, placedBy: 'ward-field', outOfArea: 0 } : null;
  }

  static readonly NONE: Placement = {
    lon: null, lat: null, easting: null, northing: null, ward: null, placedBy: 'none', outOfArea: 0,
  };
}
