/**
 * A hash table keyed by byte ranges, so a reader working on the file's bytes can look up a field
 * it has seen before without making a string of it. Keys are copied in once, when added; values
 * are whatever the caller memoises for that exact byte sequence.
 */
export class ByteTable<V> {
  /** Pairs of (hash, entry + 1), so a probe reads the hash from the slot it is in; 0 is empty. */
  private slots = new Int32Array(2 << 10);
  /** Each entry's hash, for growing the table. */
  private readonly hashes: number[] = [];
  private readonly starts: number[] = [];
  private readonly values: V[] = [];
  private keys = new Uint8Array(1 << 12);
  private keyBytes = 0;

  get size(): number {
    return this.values.length;
  }

  /** The value stored for bytes[start..end), or undefined. */
  get(bytes: Uint8Array, start: number, end: number): V | undefined {
    const h = hashBytes(bytes, start, end);
    const slots = this.slots, mask = (slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = slots[2 * i + 1]!;
      if (e === 0) return undefined;
      if (slots[2 * i] === h && this.equals(e - 1, bytes, start, end)) return this.values[e - 1];
    }
  }

  /** Stores `value` for bytes[start..end) unless that key is already there. */
  set(bytes: Uint8Array, start: number, end: number, value: V): void {
    if (this.get(bytes, start, end) !== undefined) return;
    if ((this.values.length + 1) * 4 > this.slots.length) this.grow();
    const len = end - start;
    if (this.keyBytes + len > this.keys.length) {
      const keys = new Uint8Array(Math.max(this.keys.length * 2, this.keyBytes + len));
      keys.set(this.keys.subarray(0, this.keyBytes));
      this.keys = keys;
    }
    this.keys.set(bytes.subarray(start, end), this.keyBytes);
    const e = this.values.length;
    const h = hashBytes(bytes, start, end);
    this.hashes.push(h);
    this.starts.push(this.keyBytes);
    this.keyBytes += len;
    this.values.push(value);
    this.place(e, h);
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

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let e = 0; e < this.values.length; e++) this.place(e, this.hashes[e]!);
  }
}

/** FNV-1a over the bytes, finished with a multiply so the low bits (the slot) mix well. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 1;
}
