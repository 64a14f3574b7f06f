import type { Database } from 'sql.js';
import { atomicWrite } from '../node/atomicWrite';
import { readWholeFile } from '../node/chunkedRead';
import { openProjectDb } from '../shared/project/projectDb';
import { loadSqlJs } from './sqlNode';

/** Opens a .hotspot file from disk in Node (read in chunks into one buffer: no size ceiling, no second copy). */
export async function openProjectFile(file: string): Promise<Database> {
  let bytes: Uint8Array;
  try {
    bytes = await readWholeFile(file);
  } catch (e) {
    throw new Error(`Cannot read project ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return openProjectDb(await loadSqlJs(), bytes, file);
}

/** Saves atomically (node/atomicWrite, as the desktop app does): the old file survives any crash before the rename. */
export async function saveProjectFile(db: Database, file: string): Promise<void> {
  await atomicWrite(file, db.export());
}
