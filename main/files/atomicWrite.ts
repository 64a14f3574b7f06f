import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Writes `data` to `target` so that a crash at any moment leaves either the old file or the
 * new one, never a mix: write a temp file in the same folder (same filesystem, so rename is
 * atomic), fsync it, rename over the target, then fsync the folder so the rename itself is
 * durable. Plain Node (no Electron): the main process and the CLI both use it.
 */
export async function atomicWrite(target: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
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
