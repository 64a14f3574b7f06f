import { hexRefBytesAscii } from '../repository/records/crimeRowWriter';
import { ContentKeys, hash53Ascii, hashParts, hashPartsAscii } from './dedupe';
import { ByteTable } from './byteTable';
import type { BufferPool } from './bufferPool';
import { grown } from './grown';
import { canonicalCrimeType } from './crimeTypes';
import { parseMonth } from './monthParse';
import { Placer, readLonLat } from './placement';
import { placeParts, type PlaceParts } from './placeMemo';
import { WardIndex, type WardArea } from './wardIndex';

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

/** All a splitter needs to know of a file: its columns and how its rows end. */
export interface SplitLayout {
  cols: FastColumns;
  /** Rows end in CR LF (else LF). */
  crlf: boolean;
  /**
   * What the police.uk handler places points in and keys rows by: with it the splitter also
   * places each new snap point and hashes each row without a Crime ID, as the handler would.
   */
  handler?: SplitHandler;
}

/** The police.uk handler's ward layer (by its WardIndex id; the areas themselves may be left out once a splitter has them) and content-key prefix. */
export interface SplitHandler {
  wardsId: number;
  wards?: readonly WardArea[];
  keyPrefix: string;
}

/**
 * Placing points as the handler does, kept by a splitter from file to file while the ward layer
 * stays the same: a folder of monthly files repeats most snap points, and the Placer's cache
 * then places each once.
 */
export class SplitPlacing {
  readonly placer: Placer;
  /** Ward codes by their index in the layer as sent. */
  readonly wardIndex: Map<string, number>;

  constructor(readonly wardsId: number, wards: readonly WardArea[]) {
    this.placer = new Placer(new WardIndex(wards));
    this.wardIndex = new Map(wards.map((w, i) => [w.code, i]));
  }
}

/** Ints per row in SplitPiece.rows. */
export const SPLIT_STRIDE = 9;
/**
 * Offsets in a row's ints: its bytes [start, end), its kind, the file-local ids of its month,
 * type + outcome and place bytes, where its place bytes start and end, and (KIND_NO_ID_HASHED)
 * the occurrence number its content hash takes among the file's rows the splitter read.
 */
export const R_START = 0, R_END = 1, R_KIND = 2, R_MONTH = 3, R_TYPE_OUTCOME = 4, R_PLACE = 5, R_PLACE_START = 6, R_PLACE_END = 7, R_OCCURRENCE = 8;
/** A blank line: no row, but a line. */
export const KIND_BLANK = 0;
/** A row with more or fewer fields than the header: only the full path can say what is wrong. */
export const KIND_OTHER_WIDTH = 1;
/** A full row with no Crime ID (anti-social behaviour): keyed by its content. */
export const KIND_NO_ID = 2;
/** A full row whose Crime ID is 64 lower-case hex digits: its bytes are in `refs`, its key hash in `idHash`. */
export const KIND_HEX_ID = 3;
/** A full row with any other reference: the full path. */
export const KIND_OTHER_ID = 4;
/**
 * A KIND_NO_ID row whose content hash is in `contentHash`, and in `keyHash` the hash of its key
 * at occurrence R_OCCURRENCE (right unless rows the splitter stopped at, read as text, had the
 * same content: the import checks it against its own count).
 */
export const KIND_NO_ID_HASHED = 5;

/** Numbers per new place in SplitPiece.places: placed (1) or not (0), lon, lat, easting, northing, ward (index in the layout's wards, -1 none), out of area. */
export const PLACE_STRIDE = 7;

/** A piece of a file split into rows, as plain arrays that move between threads without copying. */
export interface SplitPiece {
  /** Rows (blank lines included) in file order, SPLIT_STRIDE ints each. */
  count: number;
  rows: Int32Array;
  /** For KIND_HEX_ID rows, at the row's index: hash53 of 'p' and the ID's first 16 digits (idKey). */
  idHash: Float64Array;
  /** For KIND_HEX_ID rows, at 32 x the row's index: the Crime ID's 32 bytes. */
  refs: Uint8Array;
  /** Where splitting stopped, at a row it cannot split (quotes, non-ASCII text, a stray CR): the text reader parses from there. The piece's length when it split all of it. */
  stop: number;
  /** With a layout's handler, for KIND_NO_ID_HASHED rows at the row's index: the content hash, and hash53 of its key at occurrence R_OCCURRENCE (ContentKeys). */
  contentHash: Float64Array;
  keyHash: Float64Array;
  /** The handler's month text ('' for none) of each month number first seen in this piece, in number order. */
  months: string[];
  /** The canonical crime type ('' for an unknown one) of each type + outcome number first seen in this piece. */
  types: string[];
  /** The placement of each place number first seen in this piece, PLACE_STRIDE numbers each (empty without a handler). */
  places: Float64Array;
  /** Buffers that came with the piece for its receiver to reuse (the bytes it was split from). */
  spare?: ArrayBuffer[];
}

/** The buffers of a piece, to transfer rather than copy across threads. */
export function splitBuffers(p: SplitPiece): ArrayBuffer[] {
  return [p.rows, p.idHash, p.refs, p.contentHash, p.keyHash, p.places].map((a) => a.buffer as ArrayBuffer);
}

const COMMA = 44, QUOTE = 34, CR = 13, LF = 10;

/**
 * The first half of the byte-level police.uk reader: finds each row's fields and numbers the
 * distinct bytes of its month, crime type + outcome and place (lon, lat, location, LSOA) in the
 * order they first appear in the file, and decodes and hashes Crime IDs. It needs nothing from
 * the project, so it can run on another thread while the project stores the piece before
 * (PoliceUkFastRows is the second half). One splitter reads one file, piece after piece.
 */
export class PoliceUkSplitter {
  private readonly months = new ByteTable<number>();
  private readonly typeOutcomes = new ByteTable<number>();
  private readonly places = new ByteTable<number>();
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** By number: the month text and type ('' when not one the reader stores) and place parts the handler would key a row by. */
  private readonly monthTexts: string[] = [];
  private readonly typeTexts: string[] = [];
  private readonly placeKeys: PlaceParts[] = [];
  private readonly handler: { placer: Placer; wardIndex: Map<string, number>; keys: ContentKeys } | null = null;
  private readonly parts = ['', '', '', '', '', ''];

  /** @param placing how the layout's handler places points (needed when the layout has one) */
  constructor(private readonly layout: SplitLayout, placing?: SplitPlacing) {
    this.starts = new Int32Array(layout.cols.width);
    this.ends = new Int32Array(layout.cols.width);
    const h = layout.handler;
    if (h) {
      if (!placing || placing.wardsId !== h.wardsId) throw new Error('police.uk splitter: no placing for the ward layer of this file.');
      this.handler = { placer: placing.placer, wardIndex: placing.wardIndex, keys: new ContentKeys(h.keyPrefix) };
    }
  }

  /** The rows of the next piece of the file; its arrays from `pool` where given (their old contents are never read). */
  split(bytes: Uint8Array, pool?: BufferPool): SplitPiece {
    const { cols, crlf } = this.layout;
    const n = bytes.length, width = cols.width, starts = this.starts, ends = this.ends;
    const skipId = cols.id === 0;
    // Room for a row in every 128 bytes (a police.uk row is ~200), grown if a file is denser.
    let cap = Math.max(16, n >> 7);
    const buffer = (size: number) => (pool && size > 0 ? pool.take(size) : new ArrayBuffer(size));
    let rows = new Int32Array(buffer(cap * SPLIT_STRIDE * 4), 0, cap * SPLIT_STRIDE);
    let idHash = new Float64Array(buffer(cap * 8), 0, cap), refs = new Uint8Array(buffer(cap * 32), 0, cap * 32);
    const hashes = this.handler ? cap : 0;
    let contentHash = new Float64Array(buffer(hashes * 8), 0, hashes), keyHash = new Float64Array(buffer(hashes * 8), 0, hashes);
    let count = 0, s = 0, rescan = false;
    const m0 = this.months.size, t0 = this.typeOutcomes.size, p0 = this.places.size;
    const done = (stop: number): SplitPiece => ({
      count, rows, idHash, refs, stop, contentHash, keyHash,
      months: this.monthTexts.slice(m0), types: this.typeTexts.slice(t0), places: this.newPlaces(p0),
    });
    for (;;) {
      // One pass finds the row's commas and its end. Most bytes are letters, digits and - . /
      // (above the comma and below 128), so they cost one test.
      let k = 0, i = s;
      starts[0] = s;
      // A 64-byte first field is a Crime ID, checked digit by digit below; a row whose skipped
      // bytes hold anything the scan stops at is scanned again in full.
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
        else if (b !== LF || crlf) return done(s);
      }
      if (count === cap) {
        cap *= 2;
        rows = grown(rows, cap * SPLIT_STRIDE);
        idHash = grown(idHash, cap);
        refs = grown(refs, cap * 32);
        if (this.handler) {
          contentHash = grown(contentHash, cap);
          keyHash = grown(keyHash, cap);
        }
      }
      const o = count * SPLIT_STRIDE;
      let kind = KIND_BLANK;
      if (end > s) {
        kind = KIND_OTHER_WIDTH;
        if (k === width - 1) {
          ends[k] = end;
          const is = starts[cols.id]!, ie = ends[cols.id]!;
          if (ie === is) kind = KIND_NO_ID;
          else if (ie - is === 64 && hexRefBytesAscii(bytes, is, refs, count * 32)) {
            kind = KIND_HEX_ID;
            // idKey('p', id): a lower-case Crime ID is keyed by 'p' and its first 16 hex digits.
            idHash[count] = hash53Ascii(0x70, bytes, is, is + 16);
          } else kind = KIND_OTHER_ID;
        }
        if (skipped && kind !== KIND_HEX_ID && !plainField(bytes, s, s + 64)) {
          rescan = true;
          continue;
        }
        if (kind !== KIND_OTHER_WIDTH) {
          const ps = starts[cols.lon]!, pe = ends[cols.lon + 3]!;
          const m = intern(this.months, bytes, starts[cols.month]!, ends[cols.month]!);
          const t = intern(this.typeOutcomes, bytes, starts[cols.type]!, ends[cols.type + 1]!);
          const p = intern(this.places, bytes, ps, pe);
          rows[o + R_MONTH] = m;
          rows[o + R_TYPE_OUTCOME] = t;
          rows[o + R_PLACE] = p;
          rows[o + R_PLACE_START] = ps;
          rows[o + R_PLACE_END] = pe;
          if (this.handler) {
            if (m === this.monthTexts.length) this.monthTexts.push(parseMonth(text(bytes, starts[cols.month]!, ends[cols.month]!)) ?? '');
            if (t === this.typeTexts.length) this.typeTexts.push(canonicalCrimeType(text(bytes, starts[cols.type]!, ends[cols.type]!).trim()) ?? '');
            if (p === this.placeKeys.length) this.placeKeys.push(placeParts(text(bytes, ps, pe).split(',')));
            if (kind === KIND_NO_ID) {
              const h = this.contentHash(bytes, ps, pe, this.monthTexts[m]!, this.typeTexts[t]!, this.placeKeys[p]!);
              if (h >= 0) {
                kind = KIND_NO_ID_HASHED;
                contentHash[count] = h;
                const keys = this.handler.keys, n = keys.next(h);
                keys.commit(h, n);
                rows[o + R_OCCURRENCE] = n;
                keyHash[count] = keys.textHash53(h, n);
              }
            }
          }
        }
      }
      rows[o + R_START] = s;
      rows[o + R_END] = end;
      rows[o + R_KIND] = kind;
      count++;
      rescan = false;
      if (nl >= n) return done(n);
      s = nl + 1;
    }
  }

  /**
   * The handler's content hash of a row without a Crime ID (ContentKeys.key of month, type,
   * numPart(lon), numPart(lat), location, LSOA), hashed as PoliceUkFastRows does; -1 when the
   * month or type is not one the byte-level reader stores.
   */
  private contentHash(bytes: Uint8Array, ps: number, pe: number, month: string, type: string, place: PlaceParts): number {
    if (month === '' || type === '') return -1;
    if (place.raw) return hashPartsAscii(month, type, bytes, ps, pe);
    const p = this.parts;
    p[0] = month; p[1] = type; p[2] = place.lon; p[3] = place.lat; p[4] = place.location; p[5] = place.lsoa;
    return hashParts(p);
  }

  /** The placements of place numbers from `from` on (see PLACE_STRIDE), as the handler places coordinates. */
  private newPlaces(from: number): Float64Array {
    const h = this.handler;
    if (!h) return new Float64Array(0);
    const out = new Float64Array((this.placeKeys.length - from) * PLACE_STRIDE);
    for (let id = from, o = 0; id < this.placeKeys.length; id++, o += PLACE_STRIDE) {
      const f = this.placeKeys[id]!;
      const c = readLonLat(f.lonText, f.latText, 'Longitude', 'Latitude');
      if (!c.ok) continue;
      const p = h.placer.fromLonLat(c.x, c.y);
      out[o] = 1;
      out[o + 1] = p.lon!; out[o + 2] = p.lat!; out[o + 3] = p.easting!; out[o + 4] = p.northing!;
      out[o + 5] = p.ward === null ? -1 : h.wardIndex.get(p.ward)!;
      out[o + 6] = p.outOfArea;
    }
    return out;
  }
}

/** The text of ASCII bytes (the splitter only reads rows of ASCII). */
function text(bytes: Uint8Array, start: number, end: number): string {
  return ascii.decode(bytes.subarray(start, end));
}

const ascii = new TextDecoder('utf-8');

/** The number of bytes[start..end) in `table`: the order it was first seen in. */
function intern(table: ByteTable<number>, bytes: Uint8Array, start: number, end: number): number {
  const id = table.get(bytes, start, end);
  if (id !== undefined) return id;
  table.set(bytes, start, end, table.size);
  return table.size - 1;
}

/** True when bytes[start..end) hold nothing the row scan stops at or counts: a comma, quote, CR, LF or non-ASCII byte. */
function plainField(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === COMMA || b === QUOTE || b === CR || b === LF || b > 127) return false;
  }
  return true;
}
