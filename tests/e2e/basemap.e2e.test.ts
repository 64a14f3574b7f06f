import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MUTE_LINE, MUTE_TEXT, colourToRgb, muteColour } from '../../renderer/map/mutedColour';
import { countColour, screenshotPng, useApp, waitForApp, waitForMapIdle } from './browser';

/** Leeds city centre (Park Row / Boar Lane), where every road class and many street names meet. */
const LEEDS = { lon: -1.5465, lat: 53.7965 };

type Probe = { jumpTo(lon: number, lat: number, zoom: number): void; hotCellCentre(): [number, number] | null; basemapLabels(): string[]; wardLabels(): string[] };
const labels = (app: { page: import('playwright-core').Page }) => app.page.evaluate(() => (window as unknown as { hotspotMap: Probe }).hotspotMap.basemapLabels());

/** Muted OSM Bright colours the map must show at street zoom. */
const MAJOR_ROAD = colourToRgb(muteColour('#fea', MUTE_LINE)); // primary / secondary / tertiary
const ROAD_CASING = colourToRgb(muteColour('#cfcdca', MUTE_LINE)); // minor-road casing
const STREET_NAME = colourToRgb(muteColour('#765', MUTE_TEXT));


/**
 * An MBTiles file (gzip tiles, TMS rows, as tippecanoe and tilemaker write them) of the bundled
 * tiles around Leeds city centre: every zoom from 0 to 14, 3 x 3 tiles at the deepest zooms.
 */
async function leedsMbtiles(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)');
  db.run("INSERT INTO metadata VALUES ('name', 'Leeds centre'), ('format', 'pbf'), ('minzoom', '0'), ('maxzoom', '14')");
  for (let z = 0; z <= 14; z++) {
    const n = 2 ** z;
    const cx = Math.floor(((LEEDS.lon + 180) / 360) * n);
    const lat = (LEEDS.lat * Math.PI) / 180;
    const cy = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n);
    for (let x = cx - 1; x <= cx + 1; x++) {
      for (let y = cy - 1; y <= cy + 1; y++) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(`fixtures/basemap/tiles/${z}/${x}/${y}.pbf`);
        } catch {
          continue;
        }
        db.run('INSERT INTO tiles VALUES (?, ?, ?, ?)', [z, x, n - 1 - y, gzipSync(bytes)]);
      }
    }
  }
  return db.export();
}

/** The rows of `png` from `top` to `bottom` (shares of its height). */
function crop(png: PNG, top: number, bottom = 1): PNG {
  const y0 = Math.round(png.height * top);
  const y1 = Math.round(png.height * bottom);
  const out = new PNG({ width: png.width, height: y1 - y0 });
  png.data.copy(out.data, 0, y0 * png.width * 4, y1 * png.width * 4);
  return out;
}

describe('offline street basemap', () => {
  const app = useApp();
  const tileResponses: { url: string; status: number; type: string }[] = [];

  it('draws streets and street names over Leeds city centre at street zoom from the bundled tiles', async () => {
    app.page.on('response', (r) => {
      if (r.url().includes('/basemap/')) tileResponses.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
    });
    await app.page.evaluate(([lon, lat]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.jumpTo(lon!, lat!, 16), [LEEDS.lon, LEEDS.lat]);
    await waitForMapIdle(app.page);
    const png = await screenshotPng(app.page, 'basemap-leeds-street', '.map-canvas');
    const area = png.width * png.height;
    // Roads: the muted major-road fill and the minor-road casing both cover a real share of the view.
    expect(countColour(png, MAJOR_ROAD, 12) / area).toBeGreaterThan(0.01);
    expect(countColour(png, ROAD_CASING, 10) / area).toBeGreaterThan(0.005);
    // Street names: placed by maplibre from name:latin, and drawn in the muted road-label colour.
    const names = await labels(app);
    expect(names).toEqual(expect.arrayContaining(['Park Row', 'Boar Lane', 'Bishopgate Street']));
    expect(countColour(crop(png, 0.3), STREET_NAME, 12)).toBeGreaterThan(250);

    const tiles = tileResponses.filter((r) => /\/basemap\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(r.url));
    expect(tiles.length).toBeGreaterThan(0);
    for (const t of tiles) expect([200, 204, 304]).toContain(t.status);
    expect(tiles.some((t) => t.status === 200 && t.type === 'application/x-protobuf')).toBe(true);
    const fonts = tileResponses.filter((r) => /\/basemap\/fonts\/[^/]+\/\d+-\d+\.pbf$/.test(r.url));
    expect(fonts.length, tileResponses.map((r) => r.url).filter((u) => !u.includes('/tiles/')).join('\n')).toBeGreaterThan(0);
    for (const f of fonts) expect(f.status, f.url).toBe(200);
    // The sprite loaded with the style, before this test listened: ask for it the way maplibre does.
    const sprite = await app.page.evaluate(async () => {
      const r = await fetch('basemap/sprites/osm-bright.json');
      return { status: r.status, icons: Object.keys((await r.json()) as object).length };
    });
    expect(sprite.status).toBe(200);
    expect(sprite.icons).toBeGreaterThan(50);
  });

  it('names the wards with map labels from the bundled glyphs, from zoom 10.5', async () => {
    const wardNames = () => app.page.evaluate(() => (window as unknown as { hotspotMap: Probe }).hotspotMap.wardLabels());
    await app.page.evaluate(([lon, lat]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.jumpTo(lon!, lat!, 12), [LEEDS.lon, LEEDS.lat]);
    await waitForMapIdle(app.page);
    await screenshotPng(app.page, 'basemap-leeds-wards', '.map-canvas');
    const names = await wardNames();
    expect(names.length).toBeGreaterThan(4);
    expect(names).toContain('Little London & Woodhouse');
    expect(await app.page.locator('.ward-label').count()).toBe(0);
    await app.page.evaluate(([lon, lat]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.jumpTo(lon!, lat!, 9), [LEEDS.lon, LEEDS.lat]);
    await waitForMapIdle(app.page);
    await expect(wardNames()).resolves.toEqual([]);
  });

  it('states the OpenStreetMap attribution beside the boundary and crime sources', async () => {
    const attribution = app.page.locator('.maplibregl-ctrl-attrib-inner');
    await expect.poll(() => attribution.textContent()).toContain('© OpenStreetMap contributors, © OpenMapTiles');
    await expect(attribution.textContent()).resolves.toContain('Boundaries: ONS, OGL v3.');
  });

  it('switches the streets off and on from the Basemap settings, and remembers the choice', async () => {
    await app.page.evaluate(([lon, lat]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.jumpTo(lon!, lat!, 16), [LEEDS.lon, LEEDS.lat]);
    await waitForMapIdle(app.page);
    const before = await screenshotPng(app.page, 'basemap-on', '.map-canvas');
    await app.page.getByRole('button', { name: 'Basemap' }).click();
    const panel = app.page.getByRole('form', { name: 'Basemap settings' });
    await expect(panel.getByRole('note').textContent()).resolves.toContain('Uses the network');
    await expect(panel.getByRole('radio', { name: /Online tile server/ }).isChecked()).resolves.toBe(false);
    await panel.getByRole('checkbox', { name: 'Show streets' }).uncheck();
    await app.page.getByRole('button', { name: 'Basemap' }).click();
    await waitForMapIdle(app.page);
    const off = await screenshotPng(app.page, 'basemap-off', '.map-canvas');
    expect(countColour(off, MAJOR_ROAD, 12)).toBeLessThan(countColour(before, MAJOR_ROAD, 12) / 20);
    expect(countColour(off, ROAD_CASING, 10)).toBeLessThan(countColour(before, ROAD_CASING, 10) / 20);
    await expect(labels(app)).resolves.toEqual([]);
    await expect(app.page.evaluate(() => localStorage.getItem('hotspot-planner.basemap.v1'))).resolves.toContain('"visible":false');
    await app.page.reload();
    // Wait for the project (restored from this browser's storage) to be drawn: it fits the map to the wards once loaded.
    await waitForApp(app.page);
    await app.page.getByRole('button', { name: 'Basemap' }).click();
    await expect(panel.getByRole('checkbox', { name: 'Show streets' }).isChecked()).resolves.toBe(false);
    await panel.getByRole('checkbox', { name: 'Show streets' }).check();
    await app.page.getByRole('button', { name: 'Basemap' }).click();
    await app.page.evaluate(([lon, lat]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.jumpTo(lon!, lat!, 16), [LEEDS.lon, LEEDS.lat]);
    await waitForMapIdle(app.page);
    const on = await screenshotPng(app.page, 'basemap-on-again', '.map-canvas');
    expect(countColour(on, MAJOR_ROAD, 12) / (on.width * on.height)).toBeGreaterThan(0.01);
  });

  it("draws a user's own MBTiles file instead of the bundled tiles, read in the browser", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'hp-mbtiles-')), 'leeds-centre.mbtiles');
    writeFileSync(file, await leedsMbtiles());
    await app.page.getByRole('button', { name: 'Basemap' }).click();
    const panel = app.page.getByRole('form', { name: 'Basemap settings' });
    await panel.getByLabel('Choose an MBTiles or PMTiles file of vector tiles').setInputFiles(file);
    const own = panel.getByRole('radio', { name: /My own tiles: leeds-centre\.mbtiles, \d+ tiles, zoom 0-14/ });
    await expect.poll(() => own.isChecked(), { timeout: 30_000 }).toBe(true);
    await app.page.getByRole('button', { name: 'Basemap' }).click();
    const bundledBefore = tileResponses.filter((r) => r.url.includes('/basemap/tiles/')).length;
    await app.page.evaluate(([lon, lat]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.jumpTo(lon!, lat!, 16), [LEEDS.lon + 0.003, LEEDS.lat]);
    await waitForMapIdle(app.page);
    const png = await screenshotPng(app.page, 'basemap-user-mbtiles', '.map-canvas');
    expect(countColour(png, MAJOR_ROAD, 12) / (png.width * png.height)).toBeGreaterThan(0.01);
    await expect(labels(app)).resolves.toEqual(expect.arrayContaining(['Boar Lane']));
    // Every tile came from the file: no new request for a bundled tile.
    expect(tileResponses.filter((r) => r.url.includes('/basemap/tiles/')).length).toBe(bundledBefore);
  });

  it('an online tile server, once chosen, is asked for tiles (a second local server stands in for it)', async () => {
    const tiles = createServer((req, res) => {
      const m = /^\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(req.url ?? '');
      try {
        const body = m ? readFileSync(`fixtures/basemap/tiles/${m[1]}/${m[2]}/${m[3]}.pbf`) : null;
        res.writeHead(200, { 'Content-Type': 'application/x-protobuf', 'Access-Control-Allow-Origin': '*' });
        res.end(body);
      } catch {
        res.writeHead(204, { 'Access-Control-Allow-Origin': '*' });
        res.end();
      }
    });
    await new Promise<void>((r) => tiles.listen(0, '127.0.0.1', r));
    const port = (tiles.address() as AddressInfo).port;
    try {
      const asked: string[] = [];
      app.page.on('request', (r) => r.url().startsWith(`http://127.0.0.1:${port}/`) && asked.push(r.url()));
      await app.page.getByRole('button', { name: 'Basemap' }).click();
      const panel = app.page.getByRole('form', { name: 'Basemap settings' });
      await panel.getByRole('textbox', { name: 'Tile URL' }).fill('ftp://x');
      await expect(panel.getByRole('button', { name: 'Use this server' }).isDisabled()).resolves.toBe(true);
      await panel.getByRole('textbox', { name: 'Tile URL' }).fill(`http://127.0.0.1:${port}/{z}/{x}/{y}.pbf`);
      await panel.getByRole('button', { name: 'Use this server' }).click();
      await expect(panel.getByRole('radio', { name: 'Online tile server' }).isChecked()).resolves.toBe(true);
      await app.page.getByRole('button', { name: 'Basemap' }).click();
      await app.page.evaluate(([lon, lat]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.jumpTo(lon!, lat!, 15), [LEEDS.lon - 0.01, LEEDS.lat]);
      await waitForMapIdle(app.page);
      expect(asked.length).toBeGreaterThan(0);
      const png = await screenshotPng(app.page, 'basemap-remote', '.map-canvas');
      expect(countColour(png, MAJOR_ROAD, 12) / (png.width * png.height)).toBeGreaterThan(0.005);
      // Back to the bundled tiles, so nothing else in this file reaches the stand-in server.
      await app.page.getByRole('button', { name: 'Basemap' }).click();
      await panel.getByRole('radio', { name: /West Yorkshire \(bundled/ }).check();
      await app.page.getByRole('button', { name: 'Basemap' }).click();
      await waitForMapIdle(app.page);
    } finally {
      await new Promise((r) => tiles.close(r));
    }
  });

  // Last of the drawing tests: the hot cells it adds stay on the map for the rest of the file.
  it('keeps Gi* hot cells and ward outlines legible over the streets', async () => {
    await app.page.getByRole('tab', { name: 'Hotspots' }).click();
    const settings = app.page.getByRole('form', { name: 'Hotspot analysis settings' });
    await settings.getByRole('button', { name: 'Find hotspots' }).click();
    await app.page.getByRole('region', { name: 'Hotspot results' }).waitFor({ timeout: 60_000 });
    // The cells reach the map a moment after the results panel (and a reload may re-run the saved analysis first).
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { hotspotMap: Probe }).hotspotMap.hotCellCentre()), { timeout: 60_000 }).not.toBeNull();
    await waitForMapIdle(app.page);
    const hot = await app.page.evaluate(() => (window as unknown as { hotspotMap: Probe }).hotspotMap.hotCellCentre());
    await app.page.evaluate(([lon, lat]) => (window as unknown as { hotspotMap: Probe }).hotspotMap.jumpTo(lon, lat, 15), hot!);
    await waitForMapIdle(app.page);
    const png = await screenshotPng(app.page, 'basemap-hotspots-leeds', 'section[aria-label="Map"]');
    await app.page.screenshot({ path: 'tests/artifacts/basemap-hotspots-panel.png' });
    // Hot cells outlined in their legend colours, streets named on top of them, streets drawn around them.
    const hotPixels = ['#b2182b', '#ef8a62', '#fddbc7'].map(colourToRgb).reduce((s, c) => s + countColour(png, c, 6), 0);
    expect(hotPixels).toBeGreaterThan(200);
    expect((await labels(app)).length).toBeGreaterThan(3);
    expect(countColour(png, ROAD_CASING, 10) + countColour(png, MAJOR_ROAD, 12)).toBeGreaterThan(500);
  });

  it('made no request off this machine and raised no errors', () => {
    expect(app.errors).toEqual([]);
  });
});
