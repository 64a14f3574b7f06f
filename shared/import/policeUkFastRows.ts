import type { SqlValue } from '../repository/db';
import type { CompactCrimeStore, ResolvedRow } from '../repository/records/crimeSink';
import { hexRefBytesAscii } from '../repository/records/crimeRowWriter';
import { keyOfHash53 } from '../repository/records/recordKey';
import { ByteTable } from './byteTable';
import { canonicalCrimeType } from './crimeTypes';
import { hash53Ascii, hashParts, hashPartsAscii, numPart, type ContentKeys } from './dedupe';
import { ownString } from './ownString';
import type { Placement } from './placement';
import type { PlaceEntry, PlaceMemo } from './placeMemo';

/** The full path for one row: the runner's checks, the handler and the store. Null unless imported. */
export type SlowRow = (fields: string[], line: number) => SqlValue[] | null;

/** Rows a byte-level reader stored itself (each one read and imported), for the import's report. */
export interface FastTally {
  imported: number;
  outOfArea: number;
}

/**
 * Reads a piece of a UTF-8 file as bytes. Rows it cannot take go to `slow` one at a time; from
 * a row it cannot even split (quotes, non-ASCII text, a stray carriage return) it stops, and the
 * text reader parses the rest of the piece. Returns that offset (the piece's length when it read
 * everything) and the line the next row starts on.
 */
export interface FastRows {
  read(bytes: Uint8Array, line: number, slow: SlowRow): { offset: number; line: number };
  readonly tally: FastTally;
}

/**
 * Column positions in a police.uk header. Longitude, latitude, location and LSOA code are
 * adjacent (lon .. lon + 3), and so are crime type and outcome (type, type + 1).
 */
export interface FastColumns {
  width: number;
  id: number;
  month: number;
  lon: number;
  type: number;
}

/** What the handler's last row resolved its place to, read after `slow` imported a row. */
export interface HandlerPlace {
  placement: Placement | null;
  placeText?: string | null;
}

/** What the police.uk handler gives its byte-level reader. */
export interface FastRowsContext {
  cols: FastColumns;
  /** Rows end in CR LF (else LF). */
  crlf: boolean;
  importId: number;
  /** The handler's numbering of rows without a Crime ID, shared so both paths number alike. */
  contentKeys: ContentKeys;
  store: CompactCrimeStore;
  handler: HandlerPlace;
  /** The handler's placement of valid coordinates as written, or null for any other coordinates. */
  pointAt(lonText: string, latText: string): Placement | null;
  /** Places resolved by earlier files of the batch (and kept for later ones). */
  placeMemo: PlaceMemo;
}

const COMMA = 44, QUOTE = 34, CR = 13, LF = 10;
const ascii = new TextDecoder('utf-8');

/**
 * A memo of the police.uk handler and the compact store, at the level of bytes. A bulk police.uk
 * file repeats a few months, fifteen crime types, a dozen outcomes and a few tens of thousands
 * of snap points; the handler and the store turn each into ids the first time. After that a row
 * whose month, type, outcome and place bytes have all been seen is stored from those ids without
 * making a single string: the 1M-row benchmark spent three quarters of the import building,
 * hashing and looking up strings per field.
 *
 * It gives exactly what the full path gives, because it only replays the full path's results:
 *   - each memo entry is filled from a row the full path imported, keyed by the field's exact
 *     bytes, and every value memoised is a function of those bytes alone (the month text, the
 *     canonical type, the place of a point, the dictionary ids);
 *   - a place found from an LSOA (it depends on the month) or an unknown type is never memoised;
 *   - keys are the same numbers (hash53 of the same text; the same occurrence numbering of
 *     rows without a Crime ID), and any row whose key a stored record already holds goes to the
 *     full path for its identity check;
 *   - rows are stored in file order with the same ids.
 * tests/unit/import/fastRows.test.ts imports the same files both ways and compares every table.
 */
export class PoliceUkFastRows implements FastRows {
  readonly tally: FastTally = { imported: 0, outOfArea: 0 };
  private readonly months = new ByteTable<{ text: string; code: number }>();
  /** Crime type and outcome, read as one run of bytes (they are adjacent in police.uk files). */
  private readonly typeOutcomes = new ByteTable<{ type: string; typeId: number | null; outcomeId: number | null }>();
  private readonly places: ByteTable<PlaceEntry>;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly ref = new Uint8Array(32);
  private readonly parts = ['', '', '', '', '', ''];
  private readonly row: ResolvedRow = { month: 0, typeId: null, outcomeId: null, placeId: 0 };

  private readonly cols: FastColumns;
  private readonly crlf: boolean;
  private readonly importId: number;
  private readonly contentKeys: ContentKeys;
  private readonly store: CompactCrimeStore;

  constructor(private readonly ctx: FastRowsContext) {
    ({ cols: this.cols, crlf: this.crlf, importId: this.importId, contentKeys: this.contentKeys, store: this.store } = ctx);
    this.places = ctx.placeMemo.places;
    this.starts = new Int32Array(this.cols.width);
    this.ends = new Int32Array(this.cols.width);
  }

  read(bytes: Uint8Array, line: number, slow: SlowRow): { offset: number; line: number } {
    const n = bytes.length, width = this.cols.width, starts = this.starts, ends = this.ends, crlf = this.crlf;
    const skipId = this.cols.id === 0;
    let s = 0, rescan = false;
    for (;;) {
      // One pass finds the row's commas and its end. Most bytes are letters, digits and - . /
      // (above the comma and below 128), so they cost one test.
      let k = 0, i = s;
      starts[0] = s;
      // A 64-byte first field is a Crime ID: fast() checks each of its hex digits, and a row it
      // refuses is scanned again in full when those bytes hold anything the scan stops at.
      const skipped = !rescan && skipId && s + 64 < n && bytes[s + 64] === COMMA;
      if (skipped) i = s + 64;
      for (; i < n; i++) {
        const b = bytes[i]!;
        if (b > COMMA && b < 128) continue;
        if (b === COMMA) {
          if (k < width - 1) {
            ends[k] = i;
            starts[k + 1] = i + 1;
          }
          k++;
        } else if (b === LF || b === CR || b === QUOTE || b > 127) {
          break;
        }
      }
      const end = i;
      let nl = i;
      if (i < n) {
        const b = bytes[i]!;
        if (b === CR && crlf && (i + 1 === n || bytes[i + 1] === LF)) nl = i + 1;
        // A quote, a non-ASCII byte, a stray CR or a bare LF in a CRLF file: the text reader
        // takes the rest of the piece from this row, exactly as it reads any file.
        else if (b !== LF || crlf) return { offset: s, line };
      }
      if (end > s) {
        if (k === width - 1) ends[k] = end;
        if (k !== width - 1 || !this.fast(bytes)) {
          if (skipped && !plainField(bytes, s, s + 64)) {
            rescan = true;
            continue;
          }
          const fields = ascii.decode(bytes.subarray(s, end)).split(',');
          const v = slow(fields, line);
          if (v && k === width - 1) this.remember(bytes, fields, v);
        }
      }
      // A blank line is no row, but it is a line.
      rescan = false;
      line++;
      if (nl >= n) return { offset: n, line };
      s = nl + 1;
    }
  }

  /** Stores the row from memoised parts; false (nothing done) when any part is new or its key is taken. */
  private fast(bytes: Uint8Array): boolean {
    const c = this.cols, starts = this.starts, ends = this.ends;
    const month = this.months.get(bytes, starts[c.month]!, ends[c.month]!);
    if (month === undefined) return false;
    const to = this.typeOutcomes.get(bytes, starts[c.type]!, ends[c.type + 1]!);
    if (to === undefined) return false;
    const ps = starts[c.lon]!, pe = ends[c.lon + 3]!;
    const place = this.places.get(bytes, ps, pe) ?? this.newPlace(bytes, ps, pe);
    if (place === undefined) return false;
    const is = starts[c.id]!, ie = ends[c.id]!;
    let key: number, h = 0, occurrence = 1, ref: Uint8Array | null = null;
    if (ie - is === 64) {
      if (!hexRefBytesAscii(bytes, is, this.ref)) return false;
      // idKey('p', id): a lower-case Crime ID is keyed by 'p' and its first 16 hex digits.
      key = keyOfHash53(hash53Ascii(0x70, bytes, is, is + 16));
      ref = this.ref;
    } else if (ie === is) {
      // The handler's content key: hash of month, type, numPart(lon), numPart(lat), location, LSOA.
      if (place.raw) {
        h = hashPartsAscii(month.text, to.type, bytes, starts[c.lon]!, ends[c.lon + 3]!);
      } else {
        const p = this.parts;
        p[0] = month.text; p[1] = to.type; p[2] = place.lon; p[3] = place.lat; p[4] = place.location; p[5] = place.lsoa;
        h = hashParts(p);
      }
      occurrence = this.contentKeys.next(h);
      key = keyOfHash53(this.contentKeys.textHash53(h, occurrence));
    } else {
      return false;
    }
    const r = this.row;
    r.month = month.code; r.typeId = to.typeId; r.outcomeId = to.outcomeId; r.placeId = place.placeId;
    if (!this.store.addResolved(this.importId, key, r, ref, occurrence)) return false;
    if (ref === null) this.contentKeys.commit(h, occurrence);
    const t = this.tally;
    t.imported++;
    t.outOfArea += place.outOfArea;
    return true;
  }

  /**
   * A place not seen before, when its coordinates are valid: placed by the handler's own
   * function and stored by the store's own dictionary, in the order the full path would (the
   * row's month, type and outcome are known, so the place's texts are the first new ones).
   */
  private newPlace(bytes: Uint8Array, start: number, end: number): PlaceEntry | undefined {
    const f = ascii.decode(bytes.subarray(start, end)).split(',');
    const p = this.ctx.pointAt(f[0]!, f[1]!);
    if (!p || p.placedBy !== 'point') return undefined;
    const location = f[2]!.trim(), lsoa = f[3]!.trim();
    const placeId = this.store.placeId(p, location || null, lsoa || null);
    const entry = this.placeEntry(placeId, p.outOfArea, f, location, lsoa);
    this.places.set(bytes, start, end, entry);
    return entry;
  }

  /** The memo of a place: its id, and the content-key parts the handler makes of its four fields f. */
  private placeEntry(placeId: number, outOfArea: number, f: string[], location: string, lsoa: string): PlaceEntry {
    const lon = numPart(f[0]!), lat = numPart(f[1]!);
    return {
      placeId, outOfArea, lon: ownString(lon), lat: ownString(lat), location: ownString(location), lsoa: ownString(lsoa),
      raw: lon === f[0] && lat === f[1] && location === f[2] && lsoa === f[3],
    };
  }

  /** Memoises what the full path made of an imported row (values v, in the crimes view's order). */
  private remember(bytes: Uint8Array, f: string[], v: SqlValue[]): void {
    const c = this.cols, starts = this.starts, ends = this.ends, last = this.store.last;
    this.months.set(bytes, starts[c.month]!, ends[c.month]!, { text: v[3] as string, code: last.month });
    // Unknown types are tallied for a warning by the handler, so they always take the full path.
    const type = canonicalCrimeType(f[c.type]!.trim());
    if (type !== null && type === v[6]) {
      this.typeOutcomes.set(bytes, starts[c.type]!, ends[c.type + 1]!, { type, typeId: last.typeId, outcomeId: last.outcomeId });
    }
    const p = this.ctx.handler.placement;
    if (p && this.ctx.handler.placeText != null && p.placedBy === 'point') {
      const location = (v[12] as string | null) ?? '', lsoa = (v[13] as string | null) ?? '';
      this.places.set(bytes, starts[c.lon]!, ends[c.lon + 3]!, this.placeEntry(last.placeId, p.outOfArea, f.slice(c.lon, c.lon + 4), location, lsoa));
    }
  }
}

/** True when bytes[start..end) hold nothing the row scan stops at or counts: a comma, quote, CR, LF or non-ASCII byte. */
function plainField(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === COMMA || b === QUOTE || b === CR || b === LF || b > 127) return false;
  }
  return true;
}
