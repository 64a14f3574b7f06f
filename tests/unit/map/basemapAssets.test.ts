import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBasemap, hasBasemap } from '../../../scripts/basemapAssets.mjs';

const out = mkdtempSync(path.join(tmpdir(), 'hp-basemap-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('basemap assets in the build', () => {
  it('copies tiles, the fonts in use and the sprites to the contract paths', async () => {
    expect(await hasBasemap(out)).toBe(false);
    const dest = await copyBasemap(out);
    expect(dest).toBe(path.join(out, 'basemap'));
    expect(await hasBasemap(out)).toBe(true);
    for (const rel of [
      'tiles/14/8121/5276.pbf',
      'tiles/metadata.json',
      'fonts/Open Sans Regular/0-255.pbf',
      'fonts/Open Sans Semibold/8192-8447.pbf',
      'fonts/Open Sans Italic/0-255.pbf',
      'sprites/osm-bright.json',
      'sprites/osm-bright.png',
      'sprites/osm-bright@2x.json',
      'sprites/osm-bright@2x.png',
    ]) {
      expect(existsSync(path.join(dest, rel)), rel).toBe(true);
    }
    expect(readFileSync(path.join(dest, 'tiles/14/8121/5276.pbf'))).toEqual(readFileSync('fixtures/basemap/tiles/14/8121/5276.pbf'));
    // Only the fonts the style draws with.
    expect(readdirSync(path.join(dest, 'fonts')).sort()).toEqual(['Open Sans Italic', 'Open Sans Regular', 'Open Sans Semibold']);
  });

  it('ships the basemap once in the installer: in dist/, not again from fixtures/', () => {
    const yml = readFileSync('electron-builder.yml', 'utf8');
    expect(yml).toMatch(/^\s+- dist\/\*\*$/m);
    expect(yml).toMatch(/^\s+- "!fixtures\/basemap\/\*\*"$/m);
  });
});
