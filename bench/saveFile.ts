import { promises as fs } from 'node:fs';

/** The bench's stand-in for the app's atomic save: write beside, fsync, rename. */
export async function writeProjectAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${target}.tmp-${process.pid}`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, target);
}
