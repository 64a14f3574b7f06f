/**
 * A streaming 64-bit content hash (two FNV-1a-style lanes over little-endian 4-byte words with
 * different primes and seeds, plus the byte length) to recognise a file imported before. Not
 * cryptographic: it only has to tell one export from another, and it runs over every byte of
 * multi-gigabyte files. Bytes are grouped into words by their position in the file, never by
 * chunk, so the same bytes give the same hash however the source cuts them.
 */
export class ContentHash {
  private a = 0x811c9dc5 | 0;
  private b = 0x050c5d1f | 0;
  private length = 0;
  /** Bytes of an incomplete word carried to the next chunk. */
  private pending = 0;
  private pendingBytes = 0;

  private mix(w: number): void {
    let a = Math.imul(this.a ^ w, 0x01000193), b = Math.imul(this.b ^ w, 0x0100019d);
    a ^= a >>> 15; b ^= b >>> 13;
    this.a = a; this.b = b;
  }

  update(bytes: Uint8Array): void {
    const n = bytes.length;
    let i = 0;
    while (i < n && this.pendingBytes > 0) {
      this.pending |= bytes[i++]! << (8 * this.pendingBytes);
      if (++this.pendingBytes === 4) { this.mix(this.pending); this.pending = this.pendingBytes = 0; }
    }
    let a = this.a, b = this.b;
    for (; i + 4 <= n; i += 4) {
      const w = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
      a = Math.imul(a ^ w, 0x01000193);
      b = Math.imul(b ^ w, 0x0100019d);
      a ^= a >>> 15;
      b ^= b >>> 13;
    }
    this.a = a; this.b = b;
    for (; i < n; i++) this.pending |= bytes[i]! << (8 * this.pendingBytes++);
    this.length += n;
  }

  digest(): string {
    if (this.pendingBytes > 0) this.mix(this.pending ^ (this.pendingBytes << 24));
    this.pending = this.pendingBytes = 0;
    const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
    return `fnv1a64w:${hex(this.a)}${hex(this.b)}:${this.length}`;
  }
}
