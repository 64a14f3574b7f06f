import type { SqlValue } from '../repository/db';
import type { CompactCrimeStore, ResolvedRow } from '../repository/records/crimeSink';
import { keyOfHash53 } from '../repository/records/recordKey';
import { canonicalCrimeType } from './crimeTypes';
import { hashParts, hashPartsAscii, type ContentKeys } from './dedupe';
import type { Placement } from './placement';
import { placeParts, type PlaceEntry, type PlaceMemo } from './placeMemo';
import {
  KIND_BLANK, KIND_HEX_ID, KIND_NO_ID, KIND_NO_ID_HASHED, KIND_OTHER_WIDTH, PLACE_STRIDE, PoliceUkSplitter, R_END, R_KIND, R_MONTH,
  R_OCCURRENCE, R_PLACE, R_PLACE_END, R_PLACE_START, R_START, R_TYPE_OUTCOME, SPLIT_STRIDE, splitBuffers, type SplitLayout, type SplitPiece,
} from './policeUkSplit';
import { BufferPool } from './bufferPool';
import { grown } from './grown';
import { nextSplitFile, type RowSplitter } from './rowSplitter';

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
 * everything) and the line the next row starts on. `prepare` starts splitting a piece ahead of
 * its turn where a RowSplitter can (else undefined), and `read` is given what it made.
 */
export interface FastRows {
  prepare(bytes: Uint8Array): Promise<SplitPiece> | undefined;
  read(bytes: Uint8Array, line: number, slow: SlowRow, prepared?: SplitPiece): { offset: number; line: number };
  /** The file is done with (read, failed or cancelled). */
  close(): void;
  readonly tally: FastTally;
}

/** What the handler's last row resolved its place to, read after `slow` imported a row. */
export interface HandlerPlace {
  placement: Placement | null;
  placeText?: string | null;
}

/** What the police.uk handler gives its byte-level reader. */
export interface FastRowsContext {
  layout: SplitLayout;
  /** Splits pieces ahead of their turn (on another thread); without one each piece is split when read. */
  splitter?: RowSplitter;
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

const ascii = new TextDecoder('utf-8');

/**
 * A memo of the police.uk handler and the compact store, at the level of bytes. A bulk police.uk
 * file repeats a few months, fifteen crime types, a dozen outcomes and a few tens of thousands
 * of snap points; the handler and the store turn each into ids the first time. After that a row
 * whose month, type, outcome and place bytes have all been seen is stored from those ids without
 * making a single string: the 1M-row benchmark spent three quarters of the import building,
 * hashing and looking up strings per field. PoliceUkSplitter finds the fields and numbers each
 * distinct run of bytes (on another thread when there is a RowSplitter); this class keeps, per
 * number, what the full path made of those bytes.
 *
 * It gives exactly what the full path gives, because it only replays the full path's results:
 *   - each memo entry is filled from a row the full path imported, keyed by the field's exact
 *     bytes (the splitter's number for them), and every value memoised is a function of those
 *     bytes alone (the month text, the canonical type, the place of a point, the dictionary ids);
 *   - a place found from an LSOA (it depends on the month) or an unknown type is never memoised;
 *   - keys are the same numbers (hash53 of the same text; the same occurrence numbering of
 *     rows without a Crime ID), and any row whose key a stored record already holds goes to the
 *     full path for its identity check;
 *   - rows are stored in file order with the same ids.
 * tests/unit/import/fastRows.test.ts imports the same files both ways and compares every table.
 */
export class PoliceUkFastRows implements FastRows {
  readonly tally: FastTally = { imported: 0, outOfArea: 0 };
  /**
   * By the splitter's number for the bytes: what the full path made of them (undefined until it
   * has), and whether the splitter read the same month text or type from them (then its content
   * hashes are the ones this class would make).
   */
  private readonly months: ({ text: string; code: number; agrees: boolean } | undefined)[] = [];
  /** Crime type and outcome, read as one run of bytes (they are adjacent in police.uk files). */
  private readonly typeOutcomes: ({ type: string; typeId: number | null; outcomeId: number | null; agrees: boolean } | undefined)[] = [];
  /** By place number: the place's id (0 until known) and whether it is out of area. */
  private placeIds = new Int32Array(1024);
  private placeOut = new Uint8Array(1024);
  /** What the splitter read, by number: month texts, crime types, and placements (PLACE_STRIDE each). */
  private readonly splitMonths: string[] = [];
  private readonly splitTypes: string[] = [];
  private splitPlaces = new Float64Array(0);
  private splitPlaceCount = 0;
  private readonly parts = ['', '', '', '', '', ''];
  private readonly row: ResolvedRow = { month: 0, typeId: null, outcomeId: null, placeId: 0 };
  /** Splits pieces here when there is no RowSplitter. */
  private local: PoliceUkSplitter | null = null;
  private readonly localPool = new BufferPool(8);
  /** Whether the RowSplitter has been given a piece of this file. */
  private ahead = false;
  private readonly file = nextSplitFile();

  private readonly layout: SplitLayout;
  private readonly importId: number;
  private readonly contentKeys: ContentKeys;
  private readonly store: CompactCrimeStore;

  constructor(private readonly ctx: FastRowsContext) {
    ({ layout: this.layout, importId: this.importId, contentKeys: this.contentKeys, store: this.store } = ctx);
  }

  prepare(bytes: Uint8Array): Promise<SplitPiece> | undefined {
    // Once a piece has been split here, the splitter's numbering is this thread's: stay here.
    if (!this.ctx.splitter || this.local) return undefined;
    // The layout (with the ward layer) goes with the file's first piece only.
    const layout = this.ahead ? undefined : this.layout;
    this.ahead = true;
    return this.ctx.splitter.split(this.file, layout, bytes);
  }

  close(): void {
    this.ctx.splitter?.end(this.file);
  }

  read(bytes: Uint8Array, line: number, slow: SlowRow, prepared?: SplitPiece): { offset: number; line: number } {
    const piece = prepared ?? this.splitHere(bytes);
    this.learn(piece);
    const rows = piece.rows;
    for (let r = 0; r < piece.count; r++) {
      const o = r * SPLIT_STRIDE, kind = rows[o + R_KIND]!;
      if (kind !== KIND_BLANK && (kind === KIND_OTHER_WIDTH || !this.fast(bytes, piece, r))) {
        const fields = ascii.decode(bytes.subarray(rows[o + R_START], rows[o + R_END])).split(',');
        const v = slow(fields, line);
        if (v && kind !== KIND_OTHER_WIDTH) this.remember(bytes, rows, o, fields, v);
      }
      // A blank line is no row, but it is a line.
      line++;
    }
    // Done with the piece: its arrays go back to be split into again.
    if (prepared) this.ctx.splitter?.recycle?.(piece);
    else this.localPool.give(splitBuffers(piece));
    return { offset: piece.stop, line };
  }

  /** Keeps what the splitter read of the month, type and place numbers first seen in a piece. */
  private learn(piece: SplitPiece): void {
    for (const m of piece.months) this.splitMonths.push(m);
    for (const t of piece.types) this.splitTypes.push(t);
    const n = piece.places.length / PLACE_STRIDE;
    if (n === 0) return;
    if ((this.splitPlaceCount + n) * PLACE_STRIDE > this.splitPlaces.length) this.splitPlaces = grown(this.splitPlaces, (this.splitPlaceCount + n) * PLACE_STRIDE);
    this.splitPlaces.set(piece.places, this.splitPlaceCount * PLACE_STRIDE);
    this.splitPlaceCount += n;
  }

  private splitHere(bytes: Uint8Array): SplitPiece {
    // The splitter numbers bytes in the order it first sees them, so the pieces of a file are
    // split either all by the RowSplitter or (from the first one it did not prepare) all here.
    if (this.ahead) throw new Error('police.uk reader: a piece was not split ahead after others were.');
    this.local ??= new PoliceUkSplitter(this.layout);
    return this.local.split(bytes, this.localPool);
  }

  /** Stores row r from memoised parts; false (nothing done) when any part is new or its key is taken. */
  private fast(bytes: Uint8Array, piece: SplitPiece, r: number): boolean {
    const rows = piece.rows, o = r * SPLIT_STRIDE;
    const month = this.months[rows[o + R_MONTH]!];
    if (month === undefined) return false;
    const to = this.typeOutcomes[rows[o + R_TYPE_OUTCOME]!];
    if (to === undefined) return false;
    const ps = rows[o + R_PLACE_START]!, pe = rows[o + R_PLACE_END]!, pn = rows[o + R_PLACE]!;
    if (pn >= this.placeIds.length || this.placeIds[pn] === 0) {
      const place = this.ctx.placeMemo.places.get(bytes, ps, pe) ?? this.newPlace(bytes, ps, pe, pn);
      if (place === undefined) return false;
      this.knowPlace(pn, place);
    }
    const kind = rows[o + R_KIND]!;
    let key: number, h = 0, occurrence = 1, ref: Uint8Array | null = null;
    if (kind === KIND_NO_ID_HASHED && month.agrees && to.agrees) {
      // Hashed by the splitter exactly as below (same texts, same place parts: placeParts).
      h = piece.contentHash[r]!;
      occurrence = this.contentKeys.next(h);
      key = keyOfHash53(occurrence === rows[o + R_OCCURRENCE] ? piece.keyHash[r]! : this.contentKeys.textHash53(h, occurrence));
    } else if (kind === KIND_HEX_ID) {
      key = keyOfHash53(piece.idHash[r]!);
      ref = piece.refs;
    } else if (kind === KIND_NO_ID || kind === KIND_NO_ID_HASHED) {
      // The handler's content key: hash of month, type, numPart(lon), numPart(lat), location, LSOA.
      const place = placeParts(ascii.decode(bytes.subarray(ps, pe)).split(','));
      if (place.raw) {
        h = hashPartsAscii(month.text, to.type, bytes, ps, pe);
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
    const row = this.row;
    row.month = month.code; row.typeId = to.typeId; row.outcomeId = to.outcomeId; row.placeId = this.placeIds[pn]!;
    if (!this.store.addResolved(this.importId, key, row, ref, r * 32, occurrence)) return false;
    if (ref === null) this.contentKeys.commit(h, occurrence);
    const t = this.tally;
    t.imported++;
    t.outOfArea += this.placeOut[pn]!;
    return true;
  }

  /**
   * A place not seen before, when its coordinates are valid: placed as the handler places
   * coordinates (by the splitter, which runs the same Placer on the same ward layer, or here)
   * and stored by the store's own dictionary, in the order the full path would (the row's month,
   * type and outcome are known, so the place's texts are the first new ones).
   */
  private newPlace(bytes: Uint8Array, start: number, end: number, n: number): PlaceEntry | undefined {
    const f = ascii.decode(bytes.subarray(start, end)).split(',');
    let p: Placement | null;
    if (n < this.splitPlaceCount) {
      const sp = this.splitPlaces, o = n * PLACE_STRIDE;
      const wards = this.layout.handler!.wards!;
      p = sp[o] === 0 ? null : {
        lon: sp[o + 1]!, lat: sp[o + 2]!, easting: sp[o + 3]!, northing: sp[o + 4]!,
        ward: sp[o + 5]! < 0 ? null : wards[sp[o + 5]!]!.code, placedBy: 'point', outOfArea: sp[o + 6]! as 0 | 1,
      };
    } else {
      p = this.ctx.pointAt(f[0]!, f[1]!);
    }
    if (!p || p.placedBy !== 'point') return undefined;
    // The handler stores location and LSOA trimmed, and empty as null.
    const location = f[2]!.trim(), lsoa = f[3]!.trim();
    const entry = { placeId: this.store.placeId(p, location || null, lsoa || null), outOfArea: p.outOfArea };
    this.ctx.placeMemo.places.set(bytes, start, end, entry);
    return entry;
  }

  private knowPlace(n: number, place: PlaceEntry): void {
    if (n >= this.placeIds.length) {
      this.placeIds = grown(this.placeIds, n + 1);
      this.placeOut = grown(this.placeOut, n + 1);
    }
    this.placeIds[n] = place.placeId;
    this.placeOut[n] = place.outOfArea;
  }


  /** Memoises what the full path made of an imported row (values v, in the crimes view's order; its split at rows[o]). */
  private remember(bytes: Uint8Array, rows: Int32Array, o: number, f: string[], v: SqlValue[]): void {
    const c = this.layout.cols, last = this.store.last;
    // The first row to fill an entry fills it (any later one would give the same: see above).
    const m = rows[o + R_MONTH]!, t = rows[o + R_TYPE_OUTCOME]!;
    this.months[m] ??= { text: v[3] as string, code: last.month, agrees: this.splitMonths[m] === v[3] };
    // Unknown types are tallied for a warning by the handler, so they always take the full path.
    const type = canonicalCrimeType(f[c.type]!.trim());
    if (type !== null && type === v[6]) {
      this.typeOutcomes[t] ??= { type, typeId: last.typeId, outcomeId: last.outcomeId, agrees: this.splitTypes[t] === type };
    }
    const p = this.ctx.handler.placement;
    if (p && this.ctx.handler.placeText != null && p.placedBy === 'point') {
      const n = rows[o + R_PLACE]!;
      if (n >= this.placeIds.length || this.placeIds[n] === 0) {
        const entry = { placeId: last.placeId, outOfArea: p.outOfArea };
        this.knowPlace(n, entry);
        this.ctx.placeMemo.places.set(bytes, rows[o + R_PLACE_START]!, rows[o + R_PLACE_END]!, entry);
      }
    }
  }
}
