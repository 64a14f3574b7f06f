/**
 * A streaming 64-bit content hash (two FNV-1a lanes with different primes and seeds, plus the
 * byte length) to recognise a file imported before. Not cryptographic: it only has to tell
 * one export from another, and it runs over every byte of multi-gigabyte files.
 */
export class ContentHash {
  private a = 0x811c9dc5 | 0;
  private b = 0x050c5d1f | 0;
  private length = 0;

  update(bytes: Uint8Array): void {
    let a = this.a, b = this.b;
    for (let i = 0; i < bytes.length; i++) {
      const x = bytes[i]!;
      a = Math.imul(a ^ x, 0x01000193);
      b = Math.imul(b ^ x, 0x0100019d);
    }
    this.a = a; this.b = b;
    this.length += bytes.length;
  }

  digest(): string {
    const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
    return `fnv1a64:${hex(this.a)}${hex(this.b)}:${this.length}`;
  }
}
