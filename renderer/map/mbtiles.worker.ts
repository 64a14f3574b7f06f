/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import initSqlJs, { type Database } from 'sql.js';
import sqlWasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { readMbtilesMeta, readMbtilesTile, type MbtilesMeta } from './mbtilesRead';

let db: Database | null = null;

/** Reads vector tiles out of a user's .mbtiles file, off the UI thread. */
const reader = {
  async open(bytes: Uint8Array): Promise<MbtilesMeta> {
    const SQL = await initSqlJs({ locateFile: () => sqlWasmUrl });
    db?.close();
    try {
      db = new SQL.Database(bytes);
      return readMbtilesMeta(db);
    } catch (e) {
      db = null;
      throw new Error(`That file is not an MBTiles tile set (${e instanceof Error ? e.message : String(e)}).`);
    }
  },
  tile(z: number, x: number, y: number): Uint8Array | null {
    return db ? readMbtilesTile(db, z, x, y) : null;
  },
};

export type MbtilesReader = typeof reader;
Comlink.expose(reader);
