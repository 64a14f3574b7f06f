import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openPmtiles, parseHeader, zxyToTileId } from '../../../renderer/map/pmtilesRead';

function varints(values: number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  }
  return out;
}

interface E { tileId: number; offset: number; length: number; runLength: number }

/** A directory as the spec lays it out: count, delta ids, run lengths, lengths, offsets (0 = contiguous, else offset + 1). */
function directory(entries: E[]): Uint8Array {
  const v: number[] = [entries.length];
  let last = 0;
  for (const e of entries) {
    v.push(e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) v.push(e.runLength);
  for (const e of entries) v.push(e.length);
  entries.forEach((e, i) => v.push(i > 0 && e.offset === entries[i - 1]!.offset + entries[i - 1]!.length ? 0 : e.offset + 1));
  return new Uint8Array(varints(v));
}

function u64(b: Uint8Array, at: number, v: number): void {
  const d = new DataView(b.buffer);
  d.setUint32(at, v % 2 ** 32, true);
  d.setUint32(at + 4, Math.floor(v / 2 ** 32), true);
}

/**
 * An archive of real tiles: 14/8121/5276 (Leeds centre) and 13/4060/2638 as their own entries,
 * and one gzip blob shared by a run of 3 tiles at zoom 2 (how archives store repeated ocean
 * tiles). Internal and tile compression gzip; one leaf directory holds the zoom 13-14 tiles.
 */
function archive(): Uint8Array {
  const leeds = gzipSync(readFileSync('fixtures/basemap/tiles/14/8121/5276.pbf'));
  const parent = gzipSync(readFileSync('fixtures/basemap/tiles/13/4060/2638.pbf'));
  const shared = gzipSync(new Uint8Array([0x1a, 0x00]));
  const data = new Uint8Array(shared.length + parent.length + leeds.length);
  data.set(shared, 0);
  data.set(parent, shared.length);
  data.set(leeds, shared.length + parent.length);
  const z2 = zxyToTileId(2, 0, 0);
  const leafEntries = [
    { tileId: zxyToTileId(13, 4060, 2638), offset: shared.length, length: parent.length, runLength: 1 },
    { tileId: zxyToTileId(14, 8121, 5276), offset: shared.length + parent.length, length: leeds.length, runLength: 1 },
  ].sort((a, b) => a.tileId - b.tileId);
  const leaf = gzipSync(directory(leafEntries));
  const root = gzipSync(
    directory([
      { tileId: z2, offset: 0, length: shared.length, runLength: 3 },
      { tileId: leafEntries[0]!.tileId, offset: 0, length: leaf.length, runLength: 0 },
    ]),
  );
  const header = new Uint8Array(127);
  header.set([...'PMTiles'].map((c) => c.charCodeAt(0)), 0);
  header[7] = 3;
  const rootOffset = 127;
  const leafOffset = rootOffset + root.length;
  const dataOffset = leafOffset + leaf.length;
  u64(header, 8, rootOffset);
  u64(header, 16, root.length);
  u64(header, 40, leafOffset);
  u64(header, 48, leaf.length);
  u64(header, 56, dataOffset);
  u64(header, 64, data.length);
  u64(header, 72, 5);
  header[97] = 2;
  header[98] = 2;
  header[99] = 1;
  header[100] = 2;
  header[101] = 14;
  const d = new DataView(header.buffer);
  d.setInt32(102, -2.1755e7, true);
  d.setInt32(106, 53.5182e7, true);
  d.setInt32(110, -1.196e7, true);
  d.setInt32(114, 53.9649e7, true);
  const out = new Uint8Array(dataOffset + data.length);
  out.set(header, 0);
  out.set(root, rootOffset);
  out.set(leaf, leafOffset);
  out.set(data, dataOffset);
  return out;
}

describe('PMTiles v3 reading', () => {
  it('numbers tiles along the Hilbert curve as the spec does', () => {
    // Spec examples: zoom 0 is id 0; zoom 1 runs (0,0), (0,1), (1,1), (1,0) = 1..4; zoom 2 starts at 5.
    expect([zxyToTileId(0, 0, 0), zxyToTileId(1, 0, 0), zxyToTileId(1, 0, 1), zxyToTileId(1, 1, 1), zxyToTileId(1, 1, 0), zxyToTileId(2, 0, 0)]).toEqual([0, 1, 2, 3, 4, 5]);
    // Every tile of a zoom gets a distinct id within that zoom's range.
    const ids = new Set<number>();
    for (let x = 0; x < 8; x++) for (let y = 0; y < 8; y++) ids.add(zxyToTileId(3, x, y));
    expect(ids.size).toBe(64);
    expect(Math.min(...ids)).toBe(21);
    expect(Math.max(...ids)).toBe(84);
  });

  it('reads the header', () => {
    const h = parseHeader(archive().subarray(0, 127));
    expect(h).toMatchObject({ minzoom: 2, maxzoom: 14, tileType: 1, internalCompression: 2, tileCompression: 2, addressedTiles: 5 });
    expect(h.bounds[0]).toBeCloseTo(-2.1755, 6);
    expect(h.bounds[3]).toBeCloseTo(53.9649, 6);
  });

  it('finds tiles through the root and a leaf directory, and runs of repeated tiles', async () => {
    const bytes = archive();
    const reads: number[] = [];
    const r = await openPmtiles(async (o, l) => {
      reads.push(l);
      return bytes.slice(o, o + l);
    });
    const leeds = await r.tile(14, 8121, 5276);
    expect(leeds).not.toBeNull();
    expect(Buffer.from(await import('fflate').then((f) => f.gunzipSync(leeds!)))).toEqual(readFileSync('fixtures/basemap/tiles/14/8121/5276.pbf'));
    expect(await r.tile(13, 4060, 2638)).not.toBeNull();
    // The run of three at zoom 2: ids 5, 6, 7 share one blob; id 8 is outside the run.
    const z2 = new Map<number, [number, number]>();
    for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) z2.set(zxyToTileId(2, x, y), [x, y]);
    const first = await r.tile(2, ...z2.get(5)!);
    expect(first).not.toBeNull();
    expect(await r.tile(2, ...z2.get(6)!)).toEqual(first);
    expect(await r.tile(2, ...z2.get(7)!)).toEqual(first);
    expect(await r.tile(2, ...z2.get(8)!)).toBeNull();
    expect(await r.tile(14, 8121, 5277)).toBeNull();
    expect(await r.tile(1, 0, 0)).toBeNull();
    // Header, directories and tiles, each read on its own: never the whole file at once.
    expect(Math.max(...reads)).toBeLessThan(bytes.length - 127);
  });

  it('refuses what it cannot read, saying why', async () => {
    const bytes = archive();
    const bad = (patch: (b: Uint8Array) => void) => {
      const b = bytes.slice();
      patch(b);
      return openPmtiles(async (o, l) => b.slice(o, o + l));
    };
    await expect(bad((b) => (b[0] = 0x50 + 1))).rejects.toThrow('it is not a PMTiles archive');
    await expect(bad((b) => (b[7] = 2))).rejects.toThrow('only version 3 can be read');
    await expect(bad((b) => (b[99] = 2))).rejects.toThrow('it holds images');
    await expect(bad((b) => (b[97] = 3))).rejects.toThrow('compressed with brotli');
  });
});
