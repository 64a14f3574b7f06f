import { promises as fs } from 'node:fs';

/** An open file read in pieces, so no caller ever needs the whole file in one Node Buffer. */
export interface ChunkReader {
  /** The file's size when it was opened (from the open handle, not the path). */
  readonly size: number;
  /** Exactly `length` bytes at `offset`; rejects if the file is now shorter (it changed since it was opened). */
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Opens a regular file for reading in chunks; rejects with the fs error (ENOENT, EACCES...) or EISDIR for a folder. */
export async function openChunkReader(file: string): Promise<ChunkReader> {
  const handle = await fs.open(file, 'r');
  let size: number;
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    await handle.close();
    throw e;
  }
  let closed = false;
  return {
    size,
    async read(offset, length) {
      const out = new Uint8Array(length);
      let got = 0;
      while (got < length) {
        const { bytesRead } = await handle.read(out, got, length - got, offset + got);
        if (bytesRead === 0) throw new Error(`${file} changed while it was being read (it is shorter than when it was opened).`);
        got += bytesRead;
      }
      return out;
    },
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}

/** Chunk size for reading whole files: big enough to be fast, small enough to be a rounding error in memory. */
export const READ_CHUNK_BYTES = 16 * 1024 * 1024;

/**
 * Reads a whole file into one Uint8Array of exactly its size, chunk by chunk: no 2 GiB ceiling
 * (fs.readFile has one) and no second copy (a Buffer wrapped again, or concatenated chunks).
 */
export async function readWholeFile(file: string, chunkBytes = READ_CHUNK_BYTES): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: 'EISDIR' });
    const out = new Uint8Array(st.size);
    let got = 0;
    while (got < out.byteLength) {
      const { bytesRead } = await handle.read(out, got, Math.min(chunkBytes, out.byteLength - got), got);
      if (bytesRead === 0) throw new Error(`${file} changed while it was being read (it is shorter than when it was opened).`);
      got += bytesRead;
    }
    return out;
  } finally {
    await handle.close();
  }
}
