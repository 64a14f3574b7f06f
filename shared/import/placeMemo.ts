import { ByteTable } from './byteTable';

/**
 * Places the byte-level reader has resolved, kept for the files of one batch (a folder of monthly
 * files repeats most of its snap points): each entry is a place already in the project, with the
 * ward layer the batch was imported against. A file that is rolled back may have added some of
 * them, so the import then forgets them all (as it forgets the loaded keys).
 */
export class PlaceMemo {
  private table = new ByteTable<PlaceEntry>();

  get places(): ByteTable<PlaceEntry> {
    return this.table;
  }

  forget(): void {
    this.table = new ByteTable<PlaceEntry>();
  }
}

/** A resolved place: its id, and the parts the handler makes of it for a content key. */
export interface PlaceEntry {
  placeId: number;
  outOfArea: number;
  /** The content-key parts of the place: numPart(lon), numPart(lat), location, LSOA as the handler keys them. */
  lon: string;
  lat: string;
  location: string;
  lsoa: string;
  /** True when those parts are the field bytes as written, so the key can hash the bytes. */
  raw: boolean;
}
