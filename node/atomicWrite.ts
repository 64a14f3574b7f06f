import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * A file being written beside its target: bytes are appended to a hidden temp file in the same
 * folder (same filesystem, so the final rename is atomic), and nothing touches the target until
 * commit(). A crash or an abort at any moment leaves the old target as it was.
 */
export interface AtomicWriter {
  /** The hidden temp file (`.NAME.tmp-PID-RANDOM`) the bytes go to until commit. */
  readonly tempPath: string;
  /** Bytes appended so far. */
  readonly written: number;
  /** Appends `bytes`; rejects (and leaves the writer to be aborted) on any write error. */
  write(bytes: Uint8Array): Promise<void>;
  /** fsync, close, rename over the target, fsync the folder. On failure the temp file is removed. */
  commit(): Promise<void>;
  /** Closes and removes the temp file. Safe to call more than once, and after a failed commit. */
  abort(): Promise<void>;
}

/**
 * Starts an atomic write of `target`: the temp file is created now (so a folder that does not
 * exist or cannot be written fails here, before any bytes are sent). Plain Node (no Electron):
 * the main process and the CLI both use it.
 */
export async function beginAtomicWrite(target: string): Promise<AtomicWriter> {
  const dir = path.dirname(path.resolve(target));
  const tempPath = path.join(dir, `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await fs.open(tempPath, 'wx', 0o600);
  let written = 0;
  let state: 'open' | 'done' = 'open';

  async function discard(): Promise<void> {
    state = 'done';
    await handle.close().catch(() => undefined);
    await fs.rm(tempPath, { force: true });
  }

  return {
    tempPath,
    get written() {
      return written;
    },
    async write(bytes) {
      if (state !== 'open') throw new Error('This save has already finished.');
      let off = 0;
      // handle.write may write less than asked (large buffers, some filesystems): loop until done.
      while (off < bytes.byteLength) {
        const { bytesWritten } = await handle.write(bytes, off, bytes.byteLength - off, written + off);
        off += bytesWritten;
      }
      written += bytes.byteLength;
    },
    async commit() {
      if (state !== 'open') throw new Error('This save has already finished.');
      try {
        await handle.sync();
        state = 'done';
        await handle.close();
        await fs.rename(tempPath, target);
      } catch (e) {
        await discard();
        throw e;
      }
      await fsyncDir(dir);
    },
    async abort() {
      if (state === 'open') await discard();
    },
  };
}

/**
 * Writes `data` to `target` so that a crash at any moment leaves either the old file or the
 * new one, never a mix: write a temp file in the same folder, fsync it, rename over the
 * target, then fsync the folder so the rename itself is durable.
 */
export async function atomicWrite(target: string, data: Uint8Array): Promise<void> {
  const w = await beginAtomicWrite(target);
  try {
    await w.write(data);
  } catch (e) {
    await w.abort();
    throw e;
  }
  await w.commit();
}

async function fsyncDir(dir: string): Promise<void> {
  // Directory fsync is not supported on Windows; there rename is already journalled by NTFS.
  if (process.platform === 'win32') return;
  const h = await fs.open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}
