import * as maplibregl from 'maplibre-gl';
import * as Comlink from 'comlink';
import { gunzipSync } from 'fflate';
import type { TileSourceOptions } from './basemapStyle';
import type { MbtilesReader } from './mbtiles.worker';
import { openPmtiles } from './pmtilesRead';

/**
 * A user's own vector tiles (another force's area), read from files on this machine and
 * handed to maplibre through a custom protocol, so nothing is served over the network and
 * the CSP needs no new source. Tiles must follow the OpenMapTiles schema (as the bundled ones
 * do) for the OSM Bright layers to find their roads and names.
 */
export const USER_TILES_PROTOCOL = 'usertiles';
export const USER_TILES_URL = `${USER_TILES_PROTOCOL}://tiles/{z}/{x}/{y}`;

export interface UserTiles {
  /** What the analyst picked, for the settings panel ("folder tiles-lancs, 2,310 tiles"). */
  label: string;
  source: TileSourceOptions;
  tile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  close(): void;
}

let current: UserTiles | null = null;
let registered = false;

function isGzip(b: Uint8Array): boolean {
  return b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/** Makes `tiles` the ones the usertiles:// protocol serves (replacing any earlier choice). */
export function serveUserTiles(tiles: UserTiles | null): void {
  current?.close();
  current = tiles;
  if (registered) return;
  registered = true;
  maplibregl.addProtocol(USER_TILES_PROTOCOL, async (params) => {
    const m = /^usertiles:\/\/tiles\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    const bytes = m && current ? await current.tile(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (!bytes) return { data: new ArrayBuffer(0) };
    // MBTiles and most tile folders store gzip-compressed tiles; a web server would undo that
    // with Content-Encoding, here it is done by hand.
    const raw = isGzip(bytes) ? gunzipSync(bytes) : bytes;
    return { data: raw.slice().buffer };
  });
}

/**
 * A folder of {z}/{x}/{y}.pbf (or .mvt) files picked with <input webkitdirectory>. The
 * folder's other files are ignored; a folder with no tiles gives a plain error.
 */
export function folderTiles(files: FileList | File[]): UserTiles {
  const byKey = new Map<string, File>();
  let minzoom = Infinity;
  let maxzoom = -Infinity;
  let folder = '';
  for (const f of Array.from(files)) {
    const rel = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
    const m = /(?:^|\/)(\d{1,2})\/(\d+)\/(\d+)\.(?:pbf|mvt)$/.exec(rel);
    if (!m) continue;
    folder ||= rel.split('/')[0] ?? '';
    const z = Number(m[1]);
    byKey.set(`${z}/${m[2]}/${m[3]}`, f);
    minzoom = Math.min(minzoom, z);
    maxzoom = Math.max(maxzoom, z);
  }
  if (byKey.size === 0) {
    throw new Error('That folder holds no vector tiles. Choose the folder that contains the zoom-level folders (0, 1, 2, ... each holding x/y.pbf files).');
  }
  return {
    label: `folder ${folder || 'of tiles'}, ${byKey.size.toLocaleString('en-GB')} tiles, zoom ${minzoom}-${maxzoom}`,
    source: { tiles: USER_TILES_URL, maxzoom },
    async tile(z, x, y) {
      const f = byKey.get(`${z}/${x}/${y}`);
      return f ? new Uint8Array(await f.arrayBuffer()) : null;
    },
    close() {
      byKey.clear();
    },
  };
}

/**
 * An .mbtiles file (SQLite), opened with sql.js in its own worker so a large file never
 * blocks the map. The whole file is read into memory, as sql.js requires.
 */
export async function mbtilesFile(file: File): Promise<UserTiles> {
  const worker = new Worker(new URL('./mbtiles.worker.ts', import.meta.url), { type: 'module', name: 'mbtiles' });
  const reader = Comlink.wrap<MbtilesReader>(worker);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const meta = await reader.open(Comlink.transfer(bytes, [bytes.buffer]));
    return {
      label: `${file.name}, ${meta.tiles.toLocaleString('en-GB')} tiles, zoom ${meta.minzoom}-${meta.maxzoom}`,
      source: { tiles: USER_TILES_URL, maxzoom: meta.maxzoom, ...(meta.bounds ? { bounds: meta.bounds } : {}) },
      tile: (z, x, y) => reader.tile(z, x, y),
      close: () => worker.terminate(),
    };
  } catch (e) {
    worker.terminate();
    throw e;
  }
}

/**
 * A .pmtiles archive (v3), read range by range straight from the file, so even a
 * country-sized archive costs only the directories and the tiles in view.
 */
export async function pmtilesFile(file: File): Promise<UserTiles> {
  const reader = await openPmtiles(async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()));
  const { minzoom, maxzoom, bounds, addressedTiles } = reader.header;
  const valid = bounds.every(Number.isFinite) && bounds[0] < bounds[2] && bounds[1] < bounds[3];
  return {
    label: `${file.name}, ${addressedTiles.toLocaleString('en-GB')} tiles, zoom ${minzoom}-${maxzoom}`,
    source: { tiles: USER_TILES_URL, maxzoom, ...(valid ? { bounds } : {}) },
    tile: (z, x, y) => reader.tile(z, x, y),
    close: () => undefined,
  };
}
