import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OpenedFile, Result } from '../../shared/desktopApi';
import { formatBytes } from '../ipc/limits';
import { describeFileError } from './fileErrors';

/**
 * Reads a file the user chose, refusing folders and files over `limit` before reading them
 * into memory. Never throws: failures come back as a message.
 */
export async function readUserFile(file: string, limit: number): Promise<Result<OpenedFile>> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return { ok: false, error: `"${path.basename(file)}" is not a regular file.` };
    if (st.size > limit) {
      return { ok: false, error: `"${path.basename(file)}" is ${formatBytes(st.size)}, more than the ${formatBytes(limit)} this app can open.` };
    }
    const buf = await fs.readFile(file);
    // A plain Uint8Array view (not a Buffer) is what the renderer expects after IPC cloning.
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    return { ok: true, value: { path: file, name: path.basename(file), bytes } };
  } catch (e) {
    return { ok: false, error: describeFileError(e, file, 'open') };
  }
}
