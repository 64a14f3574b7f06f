import type { DesktopApi, ProjectFileInfo, Result } from '../../shared/desktopApi';
import { baseName, type OpenedProject, type SaveResult } from './platform';

/**
 * A project crosses the preload in pieces of this size: large enough that IPC overhead is
 * noise, small enough that the one extra copy each piece needs (below) is a rounding error.
 */
export const CHUNK_BYTES = 8 * 1024 * 1024;

export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/**
 * Reads a project main has opened into one Uint8Array of exactly its size, allocated once, so
 * the caller can transfer its buffer to the engine worker. main's file is closed however it ends.
 */
export async function readProject(api: DesktopApi, f: ProjectFileInfo): Promise<OpenedProject> {
  try {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(f.size);
    } catch {
      throw new Error(`"${f.name}" is ${Math.round(f.size / 1048576)} MB, more than this computer can hold in memory at once.`);
    }
    for (let offset = 0; offset < f.size; offset += CHUNK_BYTES) {
      const length = Math.min(CHUNK_BYTES, f.size - offset);
      const chunk = unwrap(await api.readChunk(f.token, offset, length));
      if (chunk.byteLength !== length) throw new Error(`"${f.name}" could not be read whole (it may have changed while it was being opened).`);
      bytes.set(chunk, offset);
    }
    return { name: f.name, path: f.path, bytes };
  } finally {
    // Never masks the reason the read stopped; main also closes it when the window goes.
    await api.endRead(f.token).catch(() => undefined);
  }
}

/**
 * Saves `bytes` through the preload in order, then commits (main renames its temp file over the
 * target); any failure abandons the save, so the file on disk stays as it was.
 */
export async function writeProject(
  api: DesktopApi,
  req: { path: string | null; bytes: Uint8Array; saveAs: boolean; suggestedName: string },
): Promise<SaveResult | null> {
  const { bytes, ...rest } = req;
  const begun = unwrap(await api.beginSave({ ...rest, size: bytes.byteLength }));
  if (!begun) return null;
  try {
    for (let offset = 0; offset < bytes.byteLength; offset += CHUNK_BYTES) {
      // slice, not subarray: structured cloning a view sends its whole underlying buffer (the
      // entire project, once per chunk); a slice is a chunk-sized buffer of its own.
      unwrap(await api.writeChunk(begun.token, offset, bytes.slice(offset, offset + CHUNK_BYTES)));
    }
    const done = unwrap(await api.commitSave(begun.token));
    return { path: done.path, name: baseName(done.path) };
  } catch (e) {
    // Best effort: main has usually abandoned the save already (that is why it failed).
    await api.abortSave(begun.token).catch(() => undefined);
    throw e;
  }
}
