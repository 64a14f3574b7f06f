import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readMbtilesMeta, readMbtilesTile } from '../../../renderer/map/mbtilesRead';
import { DEFAULT_BASEMAP, loadBasemapSettings, remoteTileProblem, saveBasemapSettings, assetBaseFrom } from '../../../renderer/map/basemapSettings';
import { basemapMiddleware } from '../../../scripts/web.mjs';

const LEEDS_TILE = readFileSync('fixtures/basemap/tiles/14/8121/5276.pbf');
// One gzip of it: gzip stamps the time, so two calls a second apart give different bytes.
const LEEDS_GZ = gzipSync(LEEDS_TILE);

async function mbtiles(format = 'pbf') {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)');
  db.run("INSERT INTO metadata VALUES ('format', ?), ('bounds', '-1.6,53.7,-1.5,53.8'), ('name', 'Leeds test')", [format]);
  // XYZ 14/8121/5276 is TMS row 2^14 - 1 - 5276 = 11107.
  db.run('INSERT INTO tiles VALUES (14, 8121, 11107, ?)', [LEEDS_GZ]);
  db.run('INSERT INTO tiles VALUES (13, 4060, 5553, ?)', [new Uint8Array([1, 2, 3])]);
  return db;
}

describe('MBTiles reading', () => {
  it('reads zoom range, bounds and tile count from the file', async () => {
    expect(readMbtilesMeta(await mbtiles())).toEqual({ tiles: 2, minzoom: 13, maxzoom: 14, bounds: [-1.6, 53.7, -1.5, 53.8], format: 'pbf' });
  });

  it('turns the XYZ row maplibre asks for into the TMS row MBTiles stores', async () => {
    const db = await mbtiles();
    expect(readMbtilesTile(db, 14, 8121, 5276)).toEqual(LEEDS_GZ);
    expect(readMbtilesTile(db, 14, 8121, 11107)).toBeNull();
    expect(readMbtilesTile(db, 13, 4060, 2638)).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('refuses raster tile sets and empty files with a reason', async () => {
    const png = await mbtiles('png');
    expect(() => readMbtilesMeta(png)).toThrow('it holds png images, and the map needs vector tiles (format pbf)');
    const SQL = await initSqlJs();
    const empty = new SQL.Database();
    empty.run('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)');
    expect(() => readMbtilesMeta(empty)).toThrow('it holds no tiles');
  });
});

describe('basemap settings', () => {
  const store = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };

  it('defaults to the bundled tiles, shown, with no remote URL', () => {
    expect(loadBasemapSettings(store())).toEqual({ visible: true, choice: 'bundled', remoteUrl: '' });
    expect(loadBasemapSettings(null)).toEqual(DEFAULT_BASEMAP);
    const bad = { getItem: () => '{not json' };
    expect(loadBasemapSettings(bad)).toEqual(DEFAULT_BASEMAP);
  });

  it('remembers on/off and a remote URL, but not a file picked in an earlier session', () => {
    const s = store();
    saveBasemapSettings(s, { visible: false, choice: 'remote', remoteUrl: 'https://tiles.example.org/{z}/{x}/{y}.pbf' });
    expect(loadBasemapSettings(s)).toEqual({ visible: false, choice: 'remote', remoteUrl: 'https://tiles.example.org/{z}/{x}/{y}.pbf' });
    saveBasemapSettings(s, { visible: true, choice: 'user', remoteUrl: '' });
    expect(loadBasemapSettings(s).choice).toBe('bundled');
  });

  it('checks a remote tile URL and says what is wrong', () => {
    expect(remoteTileProblem('https://tiles.example.org/{z}/{x}/{y}.pbf')).toBeNull();
    expect(remoteTileProblem('')).toBe('Enter a tile URL.');
    expect(remoteTileProblem('tiles')).toBe('That is not a web address.');
    expect(remoteTileProblem('file:///tmp/{z}/{x}/{y}.pbf')).toBe('The tile URL must be a web address (https, or http for a server on this computer).');
    expect(remoteTileProblem('https://tiles.example.org/{z}/{x}.pbf')).toContain('must contain {y}');
  });

  it('puts the basemap folder beside the page, on the page origin', () => {
    expect(assetBaseFrom('app://hotspot/index.html')).toBe('app://hotspot/basemap/');
    expect(assetBaseFrom('http://127.0.0.1:5178/')).toBe('http://127.0.0.1:5178/basemap/');
  });
});

describe('browser-mode server: basemap middleware', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-web-'));
  mkdirSync(path.join(dir, 'basemap', 'tiles', '14', '8121'), { recursive: true });
  writeFileSync(path.join(dir, 'basemap', 'tiles', '14', '8121', '5276.pbf'), LEEDS_TILE);
  const mw = basemapMiddleware(dir);

  function call(url: string) {
    const headers: Record<string, string> = {};
    const res = { statusCode: 200, ended: false, setHeader: (k: string, v: string) => void (headers[k.toLowerCase()] = v), end: () => void (res.ended = true) };
    let passed = false;
    mw({ url } as never, res as never, () => void (passed = true));
    return { headers, status: res.statusCode, ended: res.ended, passed };
  }

  it('types tiles and glyphs as application/x-protobuf and passes them on to the static server', () => {
    expect(call('/basemap/tiles/14/8121/5276.pbf')).toMatchObject({ passed: true, headers: { 'content-type': 'application/x-protobuf' } });
    expect(call('/basemap/fonts/Open%20Sans%20Regular/0-255.pbf')).toMatchObject({ passed: true, headers: { 'content-type': 'application/x-protobuf' } });
  });

  it('answers a tile missing from the set with an empty 204', () => {
    expect(call('/basemap/tiles/14/8000/5200.pbf')).toMatchObject({ passed: false, ended: true, status: 204 });
  });

  it('leaves everything else, traversal attempts included, to the static server', () => {
    for (const url of ['/index.html', '/basemap/sprites/osm-bright.png', '/basemap/tiles/../../secret.pbf', '/basemap/tiles/%2e%2e/%2e%2e/x.pbf', '/%E0%A4%A']) {
      const r = call(url);
      expect(r.ended, url).toBe(false);
      expect(r.status, url).toBe(200);
    }
  });
});
