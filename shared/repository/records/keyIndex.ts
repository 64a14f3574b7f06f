import type { Database } from 'sql.js';

/**
 * Stored keys -> record ids, for an import's duplicate check. The project file holds no index on
 * the key (an index entry costs ~20 bytes a record, a quarter of the record); the import loads the
 * keys once into an open-addressing table of doubles (12 bytes a slot, at most 3/4 full: ~48 MB
 * for 3M records) and asks the database only when a key is already there.
 */
export class KeyIndex {
  private keys: Float64Array;
  private ids: Int32Array;
  private used = 0;
  /** Ids beyond the first for keys held by more than one record (hash collisions). */
  private readonly more = new Map<number, number[]>();
  private static readonly EMPTY = -1;

  constructor(capacity = 1 << 12) {
    let n = 1 << 12;
    while (n * 0.75 < capacity) n *= 2;
    this.keys = new Float64Array(n).fill(KeyIndex.EMPTY);
    this.ids = new Int32Array(n);
  }

  /** Every (key, id) of `table`. */
  static load(db: Database, table: KeyTable): KeyIndex {
    const n = Number(db.exec(`SELECT count(*) FROM ${table}`)[0]!.values[0]![0]);
    const index = new KeyIndex(n + 1024);
    const stmt = db.prepare(`SELECT key, id FROM ${table}`);
    try {
      while (stmt.step()) {
        const r = stmt.get() as [number, number];
        index.add(r[0], r[1]);
      }
    } finally {
      stmt.free();
    }
    return index;
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    // Keys are uniform 47-bit hashes: their low bits index well; fold in the high ones too.
    return ((key >>> 0) ^ Math.floor(key / 4294967296)) & mask;
  }

  /** The ids stored under `key` (usually none). */
  get(key: number): readonly number[] {
    const keys = this.keys, mask = keys.length - 1;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === KeyIndex.EMPTY) return NONE;
      if (k === key) {
        const extra = this.more.get(key);
        return extra ? [this.ids[i]!, ...extra] : [this.ids[i]!];
      }
    }
  }

  /** Adds (key, id) unless the key is there already: then false, and nothing is added. One probe for both. */
  addNew(key: number, id: number): boolean {
    if ((this.used + 1) > this.keys.length * 0.75) this.grow();
    const keys = this.keys, mask = keys.length - 1;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === key) return false;
      if (k === KeyIndex.EMPTY) {
        keys[i] = key;
        this.ids[i] = id;
        this.used++;
        return true;
      }
    }
  }

  add(key: number, id: number): void {
    if ((this.used + 1) > this.keys.length * 0.75) this.grow();
    const keys = this.keys, mask = keys.length - 1;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === KeyIndex.EMPTY) {
        keys[i] = key;
        this.ids[i] = id;
        this.used++;
        return;
      }
      if (k === key) {
        const extra = this.more.get(key);
        if (extra) extra.push(id);
        else this.more.set(key, [id]);
        return;
      }
    }
  }

  /**
   * Room for `more` keys without growing: an import that expects a million rows rehashes the
   * table once here instead of a dozen times as it fills (each a pass over every key so far).
   */
  reserve(more: number): void {
    let n = this.keys.length;
    while (n * 0.75 < this.used + more) n *= 2;
    if (n > this.keys.length) this.grow(n);
  }

  private grow(size = this.keys.length * 2): void {
    const oldKeys = this.keys, oldIds = this.ids;
    this.keys = new Float64Array(size).fill(KeyIndex.EMPTY);
    this.ids = new Int32Array(size);
    const mask = this.keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const key = oldKeys[j]!;
      if (key === KeyIndex.EMPTY) continue;
      let i = this.slot(key);
      while (this.keys[i] !== KeyIndex.EMPTY) i = (i + 1) & mask;
      this.keys[i] = key;
      this.ids[i] = oldIds[j]!;
    }
  }
}

const NONE: readonly number[] = [];

export type KeyTable = 'crime_rows' | 'stop_search_rows';

/**
 * The stored keys of each record table, loaded once for a batch of imports rather than once a
 * file (a 3M-record project takes ~1.5 s a load; a folder of 36 monthly files would pay it 36
 * times). Imports add their keys as they store rows; after a rollback the loaded keys no longer
 * match the tables, so the import forgets them and the next file loads them afresh.
 */
export class StoredKeys {
  private readonly byTable = new Map<KeyTable, KeyIndex>();

  of(db: Database, table: KeyTable): KeyIndex {
    let keys = this.byTable.get(table);
    if (!keys) this.byTable.set(table, (keys = KeyIndex.load(db, table)));
    return keys;
  }

  forget(): void {
    this.byTable.clear();
  }
}
