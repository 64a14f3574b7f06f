import { hash53 } from '../../import/dedupe';

/**
 * The stored dedupe key: a 47-bit hash of the record's identity text (idKey / ContentKeys in
 * shared/import/dedupe.ts). 47 bits so SQLite stores it in 6 bytes and sql.js returns it as an
 * exact JavaScript number. It only finds candidates: a key match is a duplicate only when the
 * stored record's identity matches too (see identity checks in crimeSink / stopSearchSink), so a
 * collision can never drop a real row; it costs one lookup.
 */
export const KEY_BITS = 47;
const KEY_MOD = 2 ** KEY_BITS;

export function recordKey(identityText: string): number {
  return hash53(identityText) % KEY_MOD;
}

/** recordKey of a text whose hash53 is already known (the byte-level reader hashes bytes). */
export function keyOfHash53(h: number): number {
  return h % KEY_MOD;
}

/**
 * The occurrence number a content key carries ("a1x9#3" is the third identical row of its file);
 * 1 when it has none. Only for content keys: a reference key may contain '#' itself.
 */
export function occurrenceOf(contentKey: string): number {
  const i = contentKey.lastIndexOf('#');
  return i < 0 ? 1 : Number(contentKey.slice(i + 1));
}
