import type { Database, SqlValue, Statement } from 'sql.js';
import { BatchInsert } from './batchInsert';
import { StoredKeys, type KeyIndex } from './keyIndex';
import { monthCode } from './monthCode';
import { PlaceDict, toE6, type PlaceFields } from './placeDict';
import { occurrenceOf, recordKey } from './recordKey';
import { anyStored, sameValues, type RecordSink } from './recordSink';
import { TextDict } from './textDict';

/**
 * The columns of a stop-and-search row as the handler builds it (the readable order of the
 * `stop_searches` view): import_id, dedupe_key, occurred_at, month, search_type, lon, lat,
 * easting, northing, ward_code, placed_by, out_of_area, legislation, object_of_search, outcome, record.
 */
const IDENTITY_SQL = `SELECT s.occurred_at, s.month, s.type_id, s.occurrence, p.lon_e6, p.lat_e6, s.legislation_id, s.object_id,
  s.outcome_id, s.record_id FROM stop_search_rows s JOIN places p ON p.id = s.place_id WHERE s.id = ?`;

/**
 * Stores stop-and-search rows compactly, as CrimeSink does crimes. The record's other columns
 * (gender, age range, ethnicity, ...) are kept as their JSON text in the dictionary: a force's
 * searches repeat a few hundred combinations. Searches have no reference, so identity is every
 * stored field plus the occurrence number among identical rows of the file.
 */
export class StopSearchSink implements RecordSink {
  private readonly texts: TextDict;
  private readonly places: PlaceDict;
  private readonly keys: KeyIndex;
  private readonly rows: BatchInsert;
  private nextId: number;
  private identity: Statement | null = null;

  constructor(private readonly db: Database, storedKeys: StoredKeys = new StoredKeys()) {
    this.texts = new TextDict(db);
    this.places = new PlaceDict(db, this.texts);
    this.keys = storedKeys.of(db, 'stop_search_rows');
    this.nextId = Number(db.exec('SELECT COALESCE(MAX(id), 0) + 1 FROM stop_search_rows')[0]!.values[0]![0]);
    this.rows = new BatchInsert(db, 'stop_search_rows', [
      'id', 'import_id', 'key', 'occurred_at', 'month', 'type_id', 'place_id', 'legislation_id', 'object_id', 'outcome_id', 'record_id', 'occurrence',
    ]);
  }

  add(v: readonly SqlValue[], placement: PlaceFields | null): boolean {
    const keyText = v[1] as string;
    const key = recordKey(keyText);
    const occurrence = occurrenceOf(keyText);
    const p: PlaceFields = placement ?? {
      lon: v[5] as number | null, lat: v[6] as number | null, easting: v[7] as number | null, northing: v[8] as number | null,
      ward: v[9] as string | null, placedBy: v[10] as string, outOfArea: v[11] as number,
    };
    const t = (i: number) => this.texts.id(v[i] as string | null);
    const identity = [v[2], monthCode(v[3] as string), t(4), occurrence > 1 ? occurrence : null, toE6(p.lon), toE6(p.lat), t(12), t(13), t(14), t(15)];
    const stored = this.keys.get(key);
    if (stored.length > 0 && this.isStored(stored, identity)) return false;
    const id = this.nextId++;
    this.keys.add(key, id);
    const placeId = this.places.id(p, null, null);
    this.rows.push([id, v[0]!, key, identity[0] as string, identity[1] as number, identity[2] as number | null, placeId, ...(identity.slice(6) as (number | null)[]), identity[3] as number | null]);
    return true;
  }

  private isStored(ids: readonly number[], identity: readonly unknown[]): boolean {
    this.finish();
    this.identity ??= this.db.prepare(IDENTITY_SQL);
    return anyStored(this.identity, ids, (found) => sameValues(identity, found));
  }

  finish(): void {
    this.places.flush();
    this.rows.flush();
  }

  free(): void {
    this.rows.free();
    this.identity?.free();
    this.texts.free();
    this.places.free();
  }
}
