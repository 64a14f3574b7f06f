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
  /**
   * The queued rows, a column each. Typed arrays, not an array of values: a 47-bit key stored
   * into a plain array is a new heap number every row (16 MB a million rows for the garbage
   * collector). 0 stands for NULL in the id columns (dictionary ids start at 1), -1 for no
   * Crime ID bytes.
   */
  private readonly keys = new Float64Array(ROWS);
  private readonly months = new Int32Array(ROWS);
  private readonly typeIds = new Int32Array(ROWS);
  private readonly outcomeIds = new Int32Array(ROWS);
  private readonly placeIds = new Int32Array(ROWS);
  private readonly refAts = new Int32Array(ROWS);
  private readonly occurrences = new Int32Array(ROWS);
  /** Text references by row (the rows without stay null). */
  private readonly textRefs: (string | null)[] = new Array<string | null>(ROWS).fill(null);
  private firstId = 0;
  private importId = 0;
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
    if (this.rows > 0 && (id !== this.firstId + this.rows || importId !== this.importId)) this.flush();
    if (this.rows === 0) {
      this.firstId = id;
      this.importId = importId;
    }
    const r = this.rows;
    let at = -1;
    if (typeof ref === 'string') {
      this.text = true;
      this.textRefs[r] = ref;
    } else if (ref) {
      const refs = this.refs;
      for (let i = 0, o = this.refBytes; i < 32; i++) refs[o + i] = ref[refAt + i]!;
      at = this.refBytes;
      this.refBytes += 32;
    }
    this.keys[r] = key;
    this.months[r] = month;
    this.typeIds[r] = typeId ?? 0;
    this.outcomeIds[r] = outcomeId ?? 0;
    this.placeIds[r] = placeId;
    this.refAts[r] = at;
    this.occurrences[r] = occurrence ?? 0;
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
    const blob = this.refBytes > 0 ? this.refs.subarray(0, this.refBytes) : null;
    const d = s.direct;
    if (d && !this.text) {
      // sql.js binds the three shared values (and clears the rest to NULL); the numbers go
      // straight to SQLite, and NULLs need nothing.
      s.stmt.bind([this.firstId, this.importId, blob]);
      for (let r = 0, i = SHARED + 1; r < n; r++, i += PER_ROW) {
        d.number(i, this.keys[r]!);
        d.number(i + 1, this.months[r]!);
        if (this.typeIds[r] !== 0) d.number(i + 2, this.typeIds[r]!);
        if (this.outcomeIds[r] !== 0) d.number(i + 3, this.outcomeIds[r]!);
        d.number(i + 4, this.placeIds[r]!);
        if (this.refAts[r] !== -1) d.number(i + 5, this.refAts[r]!);
        if (this.occurrences[r] !== 0) d.number(i + 6, this.occurrences[r]!);
      }
      s.stmt.step();
      s.stmt.reset();
    } else {
      const p = new Array<SqlValue>(SHARED + n * PER_ROW);
      p[0] = this.firstId; p[1] = this.importId; p[2] = blob;
      for (let r = 0, o = SHARED; r < n; r++, o += PER_ROW) {
        const nul = (v: number) => (v === 0 ? null : v);
        p[o] = this.keys[r]!; p[o + 1] = this.months[r]!; p[o + 2] = nul(this.typeIds[r]!); p[o + 3] = nul(this.outcomeIds[r]!);
        p[o + 4] = this.placeIds[r]!; p[o + 5] = this.textRefs[r] ?? (this.refAts[r] === -1 ? null : this.refAts[r]!); p[o + 6] = nul(this.occurrences[r]!);
      }
      s.stmt.run(p);
    }
    if (this.text) this.textRefs.fill(null, 0, n);
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
