/**
 * Dedupe keys. Keys live in a UNIQUE index inside sql.js's in-memory database, so they are
 * kept short: a police.uk Crime ID is a 64-hex SHA-256, and its first 16 hex digits (64 bits)
 * already make a collision among even 10M records a ~3e-6 chance.
 *
 * Rows without an id (police.uk anti-social behaviour, stop-and-search) get a content key:
 * a hash of the fields that identify the event plus its occurrence number among identical
 * rows in the file. Two ASB reports at the same snap point in the same month are two real
 * incidents and both are kept; re-importing the file (or an overlapping one) yields the same
 * keys, so nothing is imported twice.
 */

/** 53-bit string hash (cyrb53, public domain): fast, well-mixed, not cryptographic. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const HEX64 = /^[0-9a-fA-F]{64}$/;

/** Key for a record with its own reference: a police.uk Crime ID is shortened, other refs kept. */
export function idKey(prefix: string, id: string): string {
  const t = id.length === 64 ? id : id.trim();
  return t.length === 64 && HEX64.test(t) ? `${prefix}${t.slice(0, 16).toLowerCase()}` : `${prefix}${t}`;
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
 * table of doubles (8 bytes a slot, at most half full: ~16 MB for 900k rows) rather than a
 * Map<number, number> (~46 bytes an entry: ~42 MB); only hashes seen twice or more get a count.
 */
export class ContentKeys {
  private slots = new Float64Array(1 << 12);
  private used = 0;
  /** hash53 never exceeds 2^53 - 1, so -1 marks an empty slot. */
  private static readonly EMPTY = -1;
  private readonly repeats = new Map<number, number>();

  constructor(private readonly prefix: string) {
    this.slots.fill(ContentKeys.EMPTY);
  }

  key(parts: readonly string[]): string {
    const h = hash53(parts.join('\u001f'));
    let n = 1;
    if (!this.insert(h)) {
      n = (this.repeats.get(h) ?? 1) + 1;
      this.repeats.set(h, n);
    }
    return `${this.prefix}${h.toString(36)}${n > 1 ? `#${n}` : ''}`;
  }

  /** Adds h to the seen set; false when it was already there. */
  private insert(h: number): boolean {
    if ((this.used + 1) * 2 > this.slots.length) this.grow();
    const slots = this.slots, mask = slots.length - 1;
    // The low 32 bits of a cyrb53 hash are well mixed; fold in the high 21 as well.
    for (let i = ((h >>> 0) ^ Math.floor(h / 4294967296)) & mask; ; i = (i + 1) & mask) {
      const s = slots[i]!;
      if (s === h) return false;
      if (s === ContentKeys.EMPTY) {
        slots[i] = h;
        this.used++;
        return true;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Float64Array(old.length * 2).fill(ContentKeys.EMPTY);
    const mask = slots.length - 1;
    for (const h of old) {
      if (h === ContentKeys.EMPTY) continue;
      let i = ((h >>> 0) ^ Math.floor(h / 4294967296)) & mask;
      while (slots[i] !== ContentKeys.EMPTY) i = (i + 1) & mask;
      slots[i] = h;
    }
    this.slots = slots;
  }
}
