import { gunzipSync } from 'fflate';

/**
 * Reads tiles out of a PMTiles v3 archive (the protomaps PMTiles specification, v3): a
 * 127-byte header, a root directory, optional leaf directories and the tile data, tiles
 * addressed by one id per z/x/y along a Hilbert curve. Reads only the byte ranges it needs,
 * so a large archive on disk is never loaded whole. Pure: the caller supplies `read`.
 */
export type ReadRange = (offset: number, length: number) => Promise<Uint8Array>;

export interface PmtilesHeader {
  rootOffset: number;
  rootLength: number;
  leafOffset: number;
  tileDataOffset: number;
  internalCompression: number;
  tileCompression: number;
  tileType: number;
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number];
  addressedTiles: number;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const COMPRESSION_NAMES: Record<number, string> = { 0: 'unknown', 1: 'none', 2: 'gzip', 3: 'brotli', 4: 'zstd' };

function u64(b: Uint8Array, at: number): number {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return v.getUint32(at, true) + v.getUint32(at + 4, true) * 2 ** 32;
}

function i32(b: Uint8Array, at: number): number {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getInt32(at, true);
}

export function parseHeader(b: Uint8Array): PmtilesHeader {
  if (b.length < 127 || String.fromCharCode(...b.subarray(0, 7)) !== 'PMTiles') throw new Error('it is not a PMTiles archive');
  if (b[7] !== 3) throw new Error(`it is PMTiles version ${b[7]}, and only version 3 can be read`);
  return {
    rootOffset: u64(b, 8),
    rootLength: u64(b, 16),
    leafOffset: u64(b, 40),
    tileDataOffset: u64(b, 56),
    addressedTiles: u64(b, 72),
    internalCompression: b[97]!,
    tileCompression: b[98]!,
    tileType: b[99]!,
    minzoom: b[100]!,
    maxzoom: b[101]!,
    bounds: [i32(b, 102) / 1e7, i32(b, 106) / 1e7, i32(b, 110) / 1e7, i32(b, 114) / 1e7],
  };
}

/** The tile id of z/x/y: all tiles of lower zooms, plus the position on this zoom's Hilbert curve. */
export function zxyToTileId(z: number, x: number, y: number): number {
  const n = 2 ** z;
  let d = 0;
  let tx = x;
  let ty = y;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = Math.floor(tx / s) % 2;
    const ry = Math.floor(ty / s) % 2;
    d += s * s * ((3 * rx) ^ ry);
    tx %= s;
    ty %= s;
    if (ry === 0) {
      if (rx === 1) {
        tx = s - 1 - tx;
        ty = s - 1 - ty;
      }
      [tx, ty] = [ty, tx];
    }
  }
  return (4 ** z - 1) / 3 + d;
}

function decompress(b: Uint8Array, kind: number): Uint8Array {
  if (kind === 1 || kind === 0) return b;
  if (kind === 2) return gunzipSync(b);
  throw new Error(`it is compressed with ${COMPRESSION_NAMES[kind] ?? kind}, and only gzip or uncompressed archives can be read`);
}

function parseDirectory(b: Uint8Array): Entry[] {
  let p = 0;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const byte = b[p++];
      if (byte === undefined) throw new Error('a directory of the archive is cut short');
      v += (byte & 0x7f) * mul;
      if (byte < 0x80) return v;
      mul *= 128;
    }
  };
  const n = varint();
  const entries: Entry[] = [];
  let id = 0;
  for (let i = 0; i < n; i++) {
    id += varint();
    entries.push({ tileId: id, offset: 0, length: 0, runLength: 0 });
  }
  for (const e of entries) e.runLength = varint();
  for (const e of entries) e.length = varint();
  entries.forEach((e, i) => {
    const v = varint();
    // 0 means "right after the previous entry's bytes".
    e.offset = v === 0 && i > 0 ? entries[i - 1]!.offset + entries[i - 1]!.length : v - 1;
  });
  return entries;
}

/** The entry whose id range holds `id` (greatest tileId <= id), or null. */
function lookup(entries: Entry[], id: number): Entry | null {
  let lo = 0;
  let hi = entries.length - 1;
  let best: Entry | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.tileId <= id) {
      best = entries[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

export interface PmtilesReader {
  header: PmtilesHeader;
  /** The tile's bytes as stored (possibly gzip), or null when the archive has no such tile. */
  tile(z: number, x: number, y: number): Promise<Uint8Array | null>;
}

export async function openPmtiles(read: ReadRange): Promise<PmtilesReader> {
  const header = parseHeader(await read(0, 127));
  if (header.tileType !== 1) throw new Error('it holds images, and the map needs vector tiles (MVT)');
  const root = parseDirectory(decompress(await read(header.rootOffset, header.rootLength), header.internalCompression));
  const leaves = new Map<number, Entry[]>();
  return {
    header,
    async tile(z, x, y) {
      if (z < header.minzoom || z > header.maxzoom) return null;
      const id = zxyToTileId(z, x, y);
      let dir = root;
      for (let depth = 0; depth < 4; depth++) {
        const e = lookup(dir, id);
        if (!e) return null;
        if (e.runLength > 0) {
          return id < e.tileId + e.runLength ? read(header.tileDataOffset + e.offset, e.length) : null;
        }
        let leaf = leaves.get(e.offset);
        if (!leaf) {
          leaf = parseDirectory(decompress(await read(header.leafOffset + e.offset, e.length), header.internalCompression));
          leaves.set(e.offset, leaf);
        }
        dir = leaf;
      }
      return null;
    },
  };
}
