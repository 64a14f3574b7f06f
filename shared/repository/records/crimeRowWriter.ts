import type { Database, SqlValue, Statement } from 'sql.js';
import { directBinder, type DirectBinder } from './directBind';

const ROWS = 256;
/** Values bound per row: key, month, type_id, outcome_id, place_id, ref, occurrence. */
const PER_ROW = 7;
/** Values bound once per statement: the first row's id, the import id and the Crime IDs' bytes. */
const SHARED = 3;

/**
 * Writes crime_rows 256 to a statement with as few bound values as possible: in sql.js each bound
 * value is a call into WebAssembly (~75 ns), and the 32-byte Crime ID cost most of all (bound as
 * five numbers and rebuilt with printf/unhex, ~1.1 us a row). Here a statement binds the ids of
 * its rows as one first id (rows are consecutive), the import once, and the Crime IDs as one blob
 * that each row slices: 7 values a row instead of 14 (1M police.uk rows: 0.9 s against 2.0 s).
 */
export class CrimeRowWriter {
  /** The values of a full statement, rewritten in place (a tail statement binds a slice). */
  private readonly params: SqlValue[] = new Array<SqlValue>(SHARED + ROWS * PER_ROW).fill(null);
  private readonly refs = new Uint8Array(ROWS * 32);
  private refBytes = 0;
  private rows = 0;
  /** Whether a queued row has a text reference: the statement then needs the slower CASE form. */
  private text = false;
  private readonly statements = new Map<number, { stmt: Statement; direct: DirectBinder | null }>();

  /** @param direct bind numbers through SQLite's C API where sql.js allows (directBind.ts); false: through sql.js */
  constructor(private readonly db: Database, private readonly direct = true) {}

  get pending(): number {
    return this.rows;
  }

  /**
   * Queues a row. `ref` is a Crime ID as its 32 bytes (at refAt), another reference as text, or null.
   * Rows of one statement must have consecutive ids and one import; a row that breaks the run
   * writes the queued rows first.
   */
  push(id: number, importId: number, key: number, month: number, typeId: number | null, outcomeId: number | null,
    placeId: number, ref: Uint8Array | string | null, occurrence: number | null, refAt = 0): void {
    const p = this.params;
    if (this.rows > 0 && (id !== (p[0] as number) + this.rows || importId !== p[1])) this.flush();
    if (this.rows === 0) {
      p[0] = id;
      p[1] = importId;
    }
    let refParam: SqlValue = null;
    if (typeof ref === 'string') {
      this.text = true;
      refParam = ref;
    } else if (ref) {
      const refs = this.refs;
      for (let i = 0, o = this.refBytes; i < 32; i++) refs[o + i] = ref[refAt + i]!;
      refParam = this.refBytes;
      this.refBytes += 32;
    }
    const o = SHARED + this.rows * PER_ROW;
    p[o] = key; p[o + 1] = month; p[o + 2] = typeId; p[o + 3] = outcomeId; p[o + 4] = placeId; p[o + 5] = refParam; p[o + 6] = occurrence;
    if (++this.rows === ROWS) this.flush();
  }

  flush(): void {
    const n = this.rows;
    if (n === 0) return;
    const shape = this.text ? n + ROWS : n;
    let s = this.statements.get(shape);
    if (!s) {
      const sql = insertSql(n, this.text);
      const stmt = this.db.prepare(sql);
      s = { stmt, direct: this.direct ? directBinder(this.db, stmt, sql) : null };
      this.statements.set(shape, s);
    }
    const p = this.params;
    p[2] = this.refBytes > 0 ? this.refs.subarray(0, this.refBytes) : null;
    const values = SHARED + n * PER_ROW;
    if (s.direct && !this.text) {
      // sql.js binds the three shared values (and clears the rest to NULL); the numbers go
      // straight to SQLite, nulls need nothing.
      s.stmt.bind([p[0]!, p[1]!, p[2]]);
      for (let i = SHARED; i < values; i++) {
        const v = p[i];
        if (v !== null) s.direct.number(i + 1, v as number);
      }
      s.stmt.step();
      s.stmt.reset();
    } else {
      s.stmt.run(n === ROWS ? p : p.slice(0, values));
    }
    p[2] = null;
    this.rows = 0;
    this.refBytes = 0;
    this.text = false;
  }

  free(): void {
    for (const s of this.statements.values()) s.stmt.free();
    this.statements.clear();
    this.rows = 0;
    this.refBytes = 0;
  }
}

/**
 * The INSERT of n rows: parameters ?1 first id, ?2 import, ?3 Crime ID bytes, then PER_ROW a row.
 * A row's ref is an offset into ?3 (an integer) or NULL, and with `text` also a text reference:
 * the CASE that tells them apart doubles the cost of storing a reference, so police.uk rows
 * (Crime IDs or none) go without it.
 */
function insertSql(n: number, text: boolean): string {
  const tuples: string[] = [];
  for (let r = 0; r < n; r++) {
    const q = (i: number) => `?${SHARED + r * PER_ROW + i + 1}`;
    const ref = text ? `CASE WHEN typeof(${q(5)}) = 'integer' THEN substr(?3, ${q(5)} + 1, 32) ELSE ${q(5)} END` : `substr(?3, ${q(5)} + 1, 32)`;
    tuples.push(`(?1 + ${r}, ?2, ${q(0)}, ${q(1)}, ${q(2)}, ${q(3)}, ${q(4)}, ${ref}, ${q(6)})`);
  }
  return `INSERT INTO crime_rows(id, import_id, key, month, type_id, outcome_id, place_id, ref, occurrence) VALUES ${tuples.join(', ')}`;
}

const NIBBLE = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) NIBBLE[97 + i] = 10 + i;

/**
 * A police.uk Crime ID (64 lower-case hex digits, a SHA-256) as its 32 bytes in `out`; false for
 * any other reference, which is stored as written (refStoreSql in refCodec.ts is the same rule).
 */
export function hexRefBytes(ref: string, out: Uint8Array): boolean {
  if (ref.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = ref.charCodeAt(i);
    if (c > 127) return false;
    refText[i] = c;
  }
  return hexRefBytesAscii(refText, 0, out);
}

/** The characters of a 64-character reference as bytes, for hexRefBytesAscii. */
const refText = new Uint8Array(64);

/** hexRefBytes of 64 ASCII bytes at `start` (the byte-level reader's Crime ID field), written to out[at..at + 32). */
export function hexRefBytesAscii(bytes: Uint8Array, start: number, out: Uint8Array, at = 0): boolean {
  for (let i = 0; i < 32; i++) {
    const hi = NIBBLE[bytes[start + 2 * i]!]!, lo = NIBBLE[bytes[start + 2 * i + 1]!]!;
    if (hi < 0 || lo < 0) return false;
    out[at + i] = (hi << 4) | lo;
  }
  return true;
}
