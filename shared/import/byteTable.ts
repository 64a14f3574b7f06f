import { grown } from './grown';

/**
 * A hash table keyed by byte ranges, so a reader working on the file's bytes can look up a field
 * it has seen before without making a string of it. Keys are copied in once, when added; values
 * are whatever the caller memoises for that exact byte sequence.
 */
export class ByteTable<V> {
  /** Pairs of (hash, entry + 1), so a probe reads the hash from the slot it is in; 0 is empty. */
  private slots = new Int32Array(2 << 10);
  /** Where each entry's key starts in `keys`; it ends where the next one starts. */
  private readonly starts: number[] = [];
  private readonly values: V[] = [];
  private keys = new Uint8Array(1 << 12);
  private keyBytes = 0;

  get size(): number {
    return this.values.length;
  }

  /** The value stored for bytes[start..end), or undefined. */
  get(bytes: Uint8Array, start: number, end: number): V | undefined {
    const e = this.find(hashBytes(bytes, start, end), bytes, start, end);
    return e < 0 ? undefined : this.values[e];
  }

  /** Stores `value` for bytes[start..end) unless that key is already there. */
  set(bytes: Uint8Array, start: number, end: number, value: V): void {
    const h = hashBytes(bytes, start, end);
    if (this.find(h, bytes, start, end) >= 0) return;
    if ((this.values.length + 1) * 4 > this.slots.length) this.grow();
    const len = end - start;
    if (this.keyBytes + len > this.keys.length) this.keys = grown(this.keys, this.keyBytes + len);
    this.keys.set(bytes.subarray(start, end), this.keyBytes);
    this.starts.push(this.keyBytes);
    this.keyBytes += len;
    this.values.push(value);
    this.place(this.values.length - 1, h);
  }

  /** The entry holding bytes[start..end) (whose hash is h), or -1. */
  private find(h: number, bytes: Uint8Array, start: number, end: number): number {
    const slots = this.slots, mask = (slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = slots[2 * i + 1]!;
      if (e === 0) return -1;
      if (slots[2 * i] === h && this.equals(e - 1, bytes, start, end)) return e - 1;
    }
  }

  private equals(e: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[e]!;
    const to = e + 1 < this.starts.length ? this.starts[e + 1]! : this.keyBytes;
    if (to - from !== end - start) return false;
    const keys = this.keys;
    for (let i = 0; i < to - from; i++) if (keys[from + i] !== bytes[start + i]) return false;
    return true;
  }

  private place(e: number, h: number): void {
    const slots = this.slots, mask = (slots.length >> 1) - 1;
    let i = h & mask;
    while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
    slots[2 * i] = h;
    slots[2 * i + 1] = e + 1;
  }

  /** Twice the slots; the old slots hold each entry's hash, so nothing is hashed again. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(old[i + 1]! - 1, old[i]!);
  }
}

/** FNV-1a over the bytes, finished with a multiply so the low bits (the slot) mix well. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 1;
}
