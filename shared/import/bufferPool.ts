/**
 * ArrayBuffers kept for reuse. A 1M-row import moves ~1,500 buffers between two threads (each
 * piece's bytes one way, its rows the other); allocated afresh, their ~450 MB of memory outside
 * the JS heap made V8 collect garbage every few MB ("external memory pressure": 30 collections,
 * ~0.2 s of the import). Buffers sent across come back and are used again.
 */
export class BufferPool {
  private readonly free: ArrayBuffer[] = [];

  constructor(private readonly limit = 32) {}

  /** A buffer of at least `bytes` bytes (a kept one when one is big enough). */
  take(bytes: number): ArrayBuffer {
    const free = this.free;
    for (let i = free.length - 1; i >= 0; i--) {
      if (free[i]!.byteLength >= bytes) {
        const b = free[i]!;
        free[i] = free[free.length - 1]!;
        free.pop();
        return b;
      }
    }
    return new ArrayBuffer(bytes);
  }

  /** Keeps buffers for reuse (beyond the limit, the garbage collector has them). */
  give(buffers: readonly ArrayBuffer[]): void {
    for (const b of buffers) if (this.free.length < this.limit && b.byteLength > 0) this.free.push(b);
  }

  /** Takes every kept buffer out (to send them where they are needed). */
  drain(): ArrayBuffer[] {
    return this.free.splice(0);
  }
}
