import { ByteTable } from './byteTable';
import { numPart } from './dedupe';
import { WardIndex } from './wardIndex';
import type { ProjectDb } from '../repository/db';

/**
 * The ward layer a batch is imported against, and the places the byte-level reader has resolved
 * in it, kept for the files of the batch (a folder of monthly files repeats most of its snap
 * points): each entry is a place already in the project. A file that is rolled back may have
 * added some of them, so the import then forgets them all (as it forgets the loaded keys); the
 * ward layer stays, as no import changes it.
 */
export class PlaceMemo {
  private table = new ByteTable<PlaceEntry>();
  private wardIndex: WardIndex | null = null;

  /**
   * The project's ward layer, read by the batch's first file: each file read it again (the
   * geometry parsed and indexed anew, and a row-splitting worker sent it again as a new layer).
   */
  wards(db: ProjectDb): WardIndex {
    return (this.wardIndex ??= WardIndex.fromDb(db));
  }

  get places(): ByteTable<PlaceEntry> {
    return this.table;
  }

  forget(): void {
    this.table = new ByteTable<PlaceEntry>();
  }
}

/** The parts the police.uk handler makes of a place's four fields (lon, lat, location, LSOA) for a content key. */
export interface PlaceParts {
  /** The coordinates as written. */
  lonText: string;
  latText: string;
  /** numPart(lon), numPart(lat), location and LSOA trimmed, as the handler keys them. */
  lon: string;
  lat: string;
  location: string;
  lsoa: string;
  /** True when those parts are the field bytes as written, so the key can hash the bytes. */
  raw: boolean;
}

/** The content-key parts of the fields f = [lon, lat, location, LSOA], as policeUkHandler's row() makes them. */
export function placeParts(f: readonly string[]): PlaceParts {
  const lonText = f[0]!, latText = f[1]!, location = f[2]!.trim(), lsoa = f[3]!.trim();
  const lon = numPart(lonText), lat = numPart(latText);
  return { lonText, latText, lon, lat, location, lsoa, raw: lon === lonText && lat === latText && location === f[2] && lsoa === f[3] };
}

/** A resolved place: its id, and whether it is out of area. */
export interface PlaceEntry {
  placeId: number;
  outOfArea: number;
}
