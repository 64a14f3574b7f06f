// What the offline basemap needs at run time, and where it is served from. The renderer
// fetches these at URL paths relative to the page (basemap/tiles/{z}/{x}/{y}.pbf,
// basemap/fonts/{fontstack}/{range}.pbf, basemap/sprites/osm-bright(@2x).{json,png}); the
// PDF briefing worker relies on the same tile paths, so they are a contract.
import { cp, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folder under the renderer root that holds tiles, fonts and sprites. */
export const BASEMAP_DIR = 'basemap';

/** Fonts the muted OSM Bright style draws with (renderer/map/basemapStyle.ts); a unit test keeps the two in step. */
export const BASEMAP_FONTS = ['Open Sans Regular', 'Open Sans Semibold', 'Open Sans Italic'];

const STYLES = path.join(root, 'node_modules', 'tileserver-gl-styles');

/** Copies tiles, the fonts in use and the OSM Bright sprites into `<outDir>/basemap`. */
export async function copyBasemap(outDir) {
  const dest = path.join(outDir, BASEMAP_DIR);
  await mkdir(dest, { recursive: true });
  await cp(path.join(root, 'fixtures', 'basemap', 'tiles'), path.join(dest, 'tiles'), { recursive: true });
  for (const font of BASEMAP_FONTS) {
    await cp(path.join(STYLES, 'fonts', font), path.join(dest, 'fonts', font), { recursive: true });
  }
  await mkdir(path.join(dest, 'sprites'), { recursive: true });
  for (const suffix of ['', '@2x']) {
    for (const ext of ['json', 'png']) {
      await cp(path.join(STYLES, 'styles', 'osm-bright', `sprite${suffix}.${ext}`), path.join(dest, 'sprites', `osm-bright${suffix}.${ext}`));
    }
  }
  return dest;
}

/** True when `dir` holds a copied basemap (used by the local server to say what is missing). */
export async function hasBasemap(dir) {
  try {
    return (await readdir(path.join(dir, BASEMAP_DIR, 'tiles'))).length > 0;
  } catch {
    return false;
  }
}
