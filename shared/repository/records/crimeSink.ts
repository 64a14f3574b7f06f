import type { Database, SqlValue, Statement } from 'sql.js';
import { CrimeRowWriter, hexRefBytes } from './crimeRowWriter';
import { StoredKeys, type KeyIndex } from './keyIndex';
import { monthCode } from './monthCode';
import { PlaceDict, toE6, type PlaceFields } from './placeDict';
import { occurrenceOf, recordKey } from './recordKey';
import { anyStored, sameValues, type RecordSink } from './recordSink';
import { refTextSql } from './refCodec';
import { TextDict } from './textDict';
import { ownString } from '../../import/ownString';

/**
 * The columns of a crime row as the handlers build it (the readable order of the `crimes` view):
 * import_id, dedupe_key, crime_ref, month, committed_from, committed_to, crime_type, offence_code,
 * lon, lat, easting, northing, location, lsoa_code, ward_code, placed_by, out_of_area, outcome, flags.
 */
export const CRIME_COLUMNS = [
  'import_id', 'dedupe_key', 'crime_ref', 'month', 'committed_from', 'committed_to', 'crime_type', 'offence_code',
  'lon', 'lat', 'easting', 'northing', 'location', 'lsoa_code', 'ward_code', 'placed_by', 'out_of_area', 'outcome', 'flags',
] as const;

const IDENTITY_SQL = `SELECT ${refTextSql('c.ref')}, c.month, c.type_id, c.occurrence, p.lon_e6, p.lat_e6, p.location_id, p.lsoa_id, p.ward_id,
  p.placed_by_id, x.committed_from, x.committed_to, x.offence_code
  FROM crime_rows c JOIN places p ON p.id = c.place_id LEFT JOIN crime_extras x ON x.crime_id = c.id WHERE c.id = ?`;

/**
 * The ids and codes the last stored row resolved to, so a reader that has seen a field's exact
 * text before can reuse them (shared/import/policeUkFastRows.ts).
 */
export interface ResolvedRow {
  month: number;
  typeId: number | null;
  outcomeId: number | null;
  placeId: number;
}

/** What a byte-level reader needs to store a row whose every part it has already resolved. */
export interface CompactCrimeStore {
  readonly last: Readonly<ResolvedRow>;
  /** The id of a place (added when new), as add() finds it; the caller keeps its own cache. */
  placeId(placement: PlaceFields, location: string | null, lsoa: string | null): number;
  /**
   * Stores a resolved row (no extras; `ref` holds a Crime ID's 32 bytes at refAt, or is null)
   * unless a stored record has its key: then false, nothing is stored, and the row needs add()'s
   * identity check.
   */
  addResolved(importId: number, key: number, row: ResolvedRow, ref: Uint8Array | null, refAt: number, occurrence: number): boolean;
}

/**
 * Stores crime rows compactly (schema v4): month as an integer, repeated text as dictionary ids,
 * the place shared with every record at the same point, a police.uk Crime ID as 32 bytes, the
 * dedupe key as a 47-bit integer, and extract-only fields in crime_extras only when present.
 *
 * A duplicate is a stored record with the same key AND the same identity: the same reference
 * when the row has one (a police.uk Crime ID, a force crime number), else the same month, type,
 * place, times, offence code and occurrence number among identical rows of its file. So identical
 * rows within a file (two ASB reports at one snap point in a month) stay separate records, a
 * re-imported file adds nothing, and a key collision can never drop a real row.
 */
export class CrimeSink implements RecordSink, CompactCrimeStore {
  private readonly texts: TextDict;
  private readonly places: PlaceDict;
  private readonly keys: KeyIndex;
  private readonly rows: CrimeRowWriter;
  private readonly months = new Map<string, number>();
  /** Place ids by the handler's place text (see FormatHandler.placeText). */
  private readonly placeByText = new Map<string, number>();
  private nextId: number;
  private extras: Statement | null = null;
  private identity: Statement | null = null;
  private readonly refBytes = new Uint8Array(32);
  readonly last: ResolvedRow = { month: 0, typeId: null, outcomeId: null, placeId: 0 };

  constructor(private readonly db: Database, storedKeys: StoredKeys = new StoredKeys()) {
    this.texts = new TextDict(db);
    this.places = new PlaceDict(db, this.texts);
    this.keys = storedKeys.of(db, 'crime_rows');
    this.nextId = Number(db.exec('SELECT COALESCE(MAX(id), 0) + 1 FROM crime_rows')[0]!.values[0]![0]);
    this.rows = new CrimeRowWriter(db);
  }

  add(v: readonly SqlValue[], placement: PlaceFields | null, placeText: string | null = null): boolean {
    const keyText = v[1] as string;
    const key = recordKey(keyText);
    const refText = v[2] as string | null;
    const monthStr = v[3] as string;
    let month = this.months.get(monthStr);
    if (month === undefined) {
      month = monthCode(monthStr);
      this.months.set(ownString(monthStr), month);
    }
    const typeId = this.texts.id(v[6] as string | null);
    const p: PlaceFields = placement ?? {
      lon: v[8] as number | null, lat: v[9] as number | null, easting: v[10] as number | null, northing: v[11] as number | null,
      ward: v[14] as string | null, placedBy: v[15] as string, outOfArea: v[16] as number,
    };
    let placeId = placeText === null ? undefined : this.placeByText.get(placeText);
    if (placeId === undefined) {
      placeId = this.places.id(p, v[12] as string | null, v[13] as string | null);
      if (placeText !== null) {
        if (this.placeByText.size >= 500_000) this.placeByText.clear();
        this.placeByText.set(ownString(placeText), placeId);
      }
    }
    const occurrence = refText === null ? occurrenceOf(keyText) : 1;
    const stored = this.keys.get(key);
    if (stored.length > 0 && this.isStored(stored, refText, [
      month, typeId, occurrence > 1 ? occurrence : null, toE6(p.lon), toE6(p.lat), this.texts.id(v[12] as string | null),
      this.texts.id(v[13] as string | null), this.texts.id(p.ward), this.texts.id(p.placedBy), v[4], v[5], v[7],
    ])) {
      return false;
    }
    const id = this.nextId++;
    this.keys.add(key, id);
    const outcomeId = this.texts.id(v[17] as string | null);
    const last = this.last;
    last.month = month; last.typeId = typeId; last.outcomeId = outcomeId; last.placeId = placeId;
    // A police.uk Crime ID is stored as its 32 bytes; any other reference as written.
    const ref = refText !== null && hexRefBytes(refText, this.refBytes) ? this.refBytes : refText;
    this.rows.push(id, v[0] as number, key, month, typeId, outcomeId, placeId, ref, occurrence > 1 ? occurrence : null);
    if (v[4] !== null || v[5] !== null || v[7] !== null || v[18] !== null) {
      this.extras ??= this.db.prepare('INSERT INTO crime_extras(crime_id, committed_from, committed_to, offence_code, flags) VALUES (?, ?, ?, ?, ?)');
      this.extras.run([id, v[4]!, v[5]!, v[7]!, v[18]!]);
    }
    return true;
  }

  reserve(rows: number): void {
    this.keys.reserve(rows);
  }

  placeId(placement: PlaceFields, location: string | null, lsoa: string | null): number {
    return this.places.lookup(placement, location, lsoa);
  }

  addResolved(importId: number, key: number, row: ResolvedRow, ref: Uint8Array | null, refAt: number, occurrence: number): boolean {
    const id = this.nextId;
    if (!this.keys.addNew(key, id)) return false;
    this.nextId++;
    this.rows.push(id, importId, key, row.month, row.typeId, row.outcomeId, row.placeId, ref, occurrence > 1 ? occurrence : null, refAt);
    return true;
  }

  /** Whether a record with one of these ids has the row's identity (see the class comment). */
  private isStored(ids: readonly number[], ref: string | null, content: readonly unknown[]): boolean {
    this.finish();
    this.identity ??= this.db.prepare(IDENTITY_SQL);
    return anyStored(this.identity, ids, (found) => (ref !== null ? found[0] === ref : found[0] === null && sameValues(content, found.slice(1))));
  }

  finish(): void {
    this.places.flush();
    this.rows.flush();
  }

  free(): void {
    this.rows.free();
    this.extras?.free();
    this.identity?.free();
    this.texts.free();
    this.places.free();
  }
}
