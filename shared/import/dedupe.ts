/**
 * Dedupe keys, as text: a police.uk Crime ID (a 64-hex SHA-256) is shortened to its first 16
 * hex digits; other references are kept. The project stores a 47-bit hash of this text
 * (shared/repository/records/recordKey.ts) and checks the stored record on a match.
 *
 * Rows without an id (police.uk anti-social behaviour, stop-and-search) get a content key:
 * a hash of the fields that identify the event plus its occurrence number among identical
 * rows in the file. Two ASB reports at the same snap point in the same month are two real
 * incidents and both are kept; re-importing the file (or an overlapping one) yields the same
 * keys, so nothing is imported twice.
 */

/** 53-bit string hash (cyrb53, public domain): fast, well-mixed, not cryptographic. */
export function hash53(text: string, seed = 0): number {
  return hashParts([text], seed);
}

/**
 * hash53 of parts.join('\u001f'), without building the joined string (a content key hashes
 * ~80 characters of six fields for every ASB row).
 */
export function hashParts(parts: readonly string[], seed = 0): number {
  let h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      h1 = Math.imul(h1 ^ 0x1f, 2654435761);
      h2 = Math.imul(h2 ^ 0x1f, 1597334677);
    }
    const text = parts[p]!;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  return finish53(h1, h2);
}

/** cyrb53's two multipliers. */
const K1 = 2654435761, K2 = 1597334677;

/**
 * hashParts([a, b, ...the comma-separated ASCII fields of bytes[start..end)]) without making a
 * string: the byte-level reader keys a row without a Crime ID by its month, type and place text.
 */
export function hashPartsAscii(a: string, b: string, bytes: Uint8Array, start: number, end: number): number {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let p = 0; p < 2; p++) {
    const text = p === 0 ? a : b;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, K1);
      h2 = Math.imul(h2 ^ ch, K2);
    }
    h1 = Math.imul(h1 ^ 0x1f, K1);
    h2 = Math.imul(h2 ^ 0x1f, K2);
  }
  for (let i = start; i < end; i++) {
    const ch = bytes[i] === 44 ? 0x1f : bytes[i]!;
    h1 = Math.imul(h1 ^ ch, K1);
    h2 = Math.imul(h2 ^ ch, K2);
  }
  return finish53(h1, h2);
}

/**
 * hash53 of one character followed by the ASCII bytes[start..end), without making the string:
 * the byte-level police.uk reader keys a Crime ID as hash53('p' + its first 16 hex digits).
 */
export function hash53Ascii(first: number, bytes: Uint8Array, start: number, end: number): number {
  let h1 = Math.imul(0xdeadbeef ^ first, 2654435761), h2 = Math.imul(0x41c6ce57 ^ first, 1597334677);
  for (let i = start; i < end; i++) {
    const ch = bytes[i]!;
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish53(h1, h2);
}

function finish53(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** 1 for a lower-case hex digit, 2 for an upper-case one, 0 otherwise (by char code). */
const HEX_DIGIT = new Uint8Array(128);
for (let c = 48; c < 58; c++) HEX_DIGIT[c] = 1;
for (let c = 97; c < 103; c++) HEX_DIGIT[c] = 1;
for (let c = 65; c < 71; c++) HEX_DIGIT[c] = 2;

/** Key for a record with its own reference: a police.uk Crime ID is shortened, other refs kept. */
export function idKey(prefix: string, id: string): string {
  const t = id.length === 64 ? id : id.trim();
  if (t.length !== 64) return `${prefix}${t}`;
  let upper = false;
  for (let i = 0; i < 64; i++) {
    const d = HEX_DIGIT[t.charCodeAt(i)] ?? 0;
    if (d === 0) return `${prefix}${t}`;
    if (d === 2) upper = true;
  }
  const head = t.slice(0, 16);
  return prefix + (upper ? head.toLowerCase() : head);
}

/** Numbers as values, so -1.5 and -1.50000 give the same key. */
export function numPart(text: string): string {
  const t = text.trim();
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? String(n) : t.toLowerCase();
}

/**
 * Content keys with occurrence numbers, for one import. A file can hold millions of rows without
 * an id (3M police.uk rows carry ~900k ASB rows), so the hashes seen are kept in an open-addressing
 * table of doubles (8 bytes a slot, at most half full) with each hash's count beside it (4 bytes):
 * ~24 MB for 900k rows, where a Map<number, number> takes ~46 bytes an entry (~42 MB) and makes a
 * heap number of every 47-bit key it is given.
 */
export class ContentKeys {
  private slots = new Float64Array(1 << 12);
  private counts = new Int32Array(1 << 12);
  private used = 0;
  /** hash53 never exceeds 2^53 - 1, so -1 marks an empty slot. */
  private static readonly EMPTY = -1;
  private readonly digits = new Uint8Array(32);
  /** The hash next() last looked up, and its slot (where it is, or the empty slot it would take). */
  private lastH = -1;
  private lastSlot = 0;

  /** `prefix` is one character ('a', 's', 'c'): textHash53 hashes it as one. */
  constructor(readonly prefix: string) {
    if (prefix.length !== 1) throw new Error(`a content-key prefix is one character, not "${prefix}"`);
    this.slots.fill(ContentKeys.EMPTY);
  }

  key(parts: readonly string[]): string {
    const h = hashParts(parts);
    const n = this.next(h);
    this.commit(h, n);
    return this.text(h, n);
  }

  /** The occurrence number a row hashing to h would get now (nothing is recorded). */
  next(h: number): number {
    const i = this.find(h);
    this.lastH = h;
    this.lastSlot = i;
    return this.slots[i] === h ? this.counts[i]! + 1 : 1;
  }

  /** Records that a row hashing to h took occurrence n (from next(h), with nothing recorded since). */
  commit(h: number, n: number): void {
    // next(h) has just found h's slot: no second probe.
    let i = h === this.lastH ? this.lastSlot : this.find(h);
    if (this.slots[i] !== h) {
      if ((this.used + 1) * 2 > this.slots.length) {
        this.grow();
        i = this.find(h);
      }
      this.slots[i] = h;
      this.used++;
    }
    this.counts[i] = n;
    this.lastH = -1;
  }

  /** hash53 of text(h, n), without making the text (the byte-level reader keys rows by it). */
  textHash53(h: number, n: number): number {
    const d = this.digits;
    let i = d.length;
    // h.toString(36), '#' and String(n), written from the end of d: exact for integers below 2^53.
    for (let x = n; n > 1 && x > 0; x = Math.floor(x / 10)) d[--i] = 48 + (x % 10);
    if (n > 1) d[--i] = 35; // '#'
    let x = h;
    do {
      const r = x % 36;
      d[--i] = r < 10 ? 48 + r : 87 + r;
      x = Math.floor(x / 36);
    } while (x > 0);
    return hash53Ascii(this.prefix.charCodeAt(0), d, i, d.length);
  }

  /** The key text of occurrence n of hash h. */
  text(h: number, n: number): string {
    return `${this.prefix}${h.toString(36)}${n > 1 ? `#${n}` : ''}`;
  }

  /** The slot holding h, or the empty slot where it would go. */
  private find(h: number): number {
    const slots = this.slots, mask = slots.length - 1;
    // The low 32 bits of a cyrb53 hash are well mixed; fold in the high 21 as well.
    for (let i = ((h >>> 0) ^ Math.floor(h / 4294967296)) & mask; ; i = (i + 1) & mask) {
      const s = slots[i]!;
      if (s === h || s === ContentKeys.EMPTY) return i;
    }
  }

  private grow(): void {
    const oldSlots = this.slots, oldCounts = this.counts;
    this.slots = new Float64Array(oldSlots.length * 2).fill(ContentKeys.EMPTY);
    this.counts = new Int32Array(oldSlots.length * 2);
    for (let j = 0; j < oldSlots.length; j++) {
      const h = oldSlots[j]!;
      if (h === ContentKeys.EMPTY) continue;
      const i = this.find(h);
      this.slots[i] = h;
      this.counts[i] = oldCounts[j]!;
    }
  }
}
