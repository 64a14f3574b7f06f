/**
 * Record references. A police.uk Crime ID is 64 lowercase hex digits (a SHA-256): stored as its
 * 32 bytes, half the text. Any other reference (a force's own crime number) is stored as written.
 */
const HEX = /^[0-9a-f]{64}$/;
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) NIBBLE[97 + i] = 10 + i;

export function encodeRef(ref: string | null): string | Uint8Array | null {
  if (ref === null || ref.length !== 64 || !HEX.test(ref)) return ref;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = (NIBBLE[ref.charCodeAt(2 * i)]! << 4) | NIBBLE[ref.charCodeAt(2 * i + 1)]!;
  return out;
}

export function sameRef(a: string | Uint8Array | null, b: unknown): boolean {
  if (a === null || b === null || b === undefined) return a === null && (b === null || b === undefined);
  if (typeof a === 'string') return typeof b === 'string' && a === b;
  if (!(b instanceof Uint8Array) || b.length !== a.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** SQL for the readable reference (views, migration): blobs back to lowercase hex. */
export const refTextSql = (c: string): string => `CASE WHEN typeof(${c}) = 'blob' THEN lower(hex(${c})) ELSE ${c} END`;
/** SQL that stores a text reference as the writer does. */
export const refStoreSql = (c: string): string =>
  `CASE WHEN length(${c}) = 64 AND ${c} NOT GLOB '*[^0-9a-f]*' THEN unhex(${c}) ELSE ${c} END`;
