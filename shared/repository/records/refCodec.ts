/**
 * Record references. A police.uk Crime ID is 64 lowercase hex digits (a SHA-256): stored as its
 * 32 bytes, half the text. Any other reference (a force's own crime number) is stored as written.
 */

/** SQL for the readable reference (views, migration): blobs back to lowercase hex. */
export const refTextSql = (c: string): string => `CASE WHEN typeof(${c}) = 'blob' THEN lower(hex(${c})) ELSE ${c} END`;
/** SQL that stores a text reference as the writer does. */
export const refStoreSql = (c: string): string =>
  // unhex() is NULL for anything but hex digits; lower() keeps an upper-case reference as text, as written.
  `CASE WHEN length(${c}) = 64 AND ${c} = lower(${c}) THEN coalesce(unhex(${c}), ${c}) ELSE ${c} END`;

const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) NIBBLE[97 + i] = 10 + i;

/**
 * A lower-case 64-hex reference as five exact numbers (13, 13, 13, 13 and 12 hex digits: 52 bits
 * or fewer each), or null for any other reference. sql.js binds a number in one call but a string
 * through a byte array it builds in JavaScript; at a million rows that was ~2 us a row.
 */
export function hexRefParts(ref: string | null, out: number[]): boolean {
  if (ref === null || ref.length !== 64) return false;
  let i = 0;
  for (let g = 0; g < 5; g++) {
    let n = 0;
    for (const end = g < 4 ? i + 13 : 64; i < end; i++) {
      const d = NIBBLE[ref.charCodeAt(i)] ?? -1;
      if (d < 0) return false;
      n = n * 16 + d;
    }
    out[g] = n;
  }
  return true;
}

/** SQL for the stored reference from hexRefParts' five numbers (p0..p4) or the text (t). */
export const refFromPartsSql = (t: string, p: readonly string[]): string =>
  `CASE WHEN ${p[0]} IS NULL THEN ${t} ELSE unhex(printf('%013x%013x%013x%013x%012x', ${p.join(', ')})) END`;
