import { promises as fs } from 'node:fs';
import type { Database } from 'sql.js';
import { atomicWrite } from '../main/files/atomicWrite';
import { openProjectDb } from '../shared/project/projectDb';
import { loadSqlJs } from './sqlNode';

/** Opens a .hotspot file from disk in Node. */
export async function openProjectFile(file: string): Promise<Database> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw new Error(`Cannot read project ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return openProjectDb(await loadSqlJs(), new Uint8Array(bytes), file);
}

/** Saves atomically: the old file survives any crash before the rename. */
export async function saveProjectFile(db: Database, file: string): Promise<void> {
  await atomicWrite(file, db.export());
}
