import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BASEMAP_ATTRIBUTION, BASEMAP_MAX_ZOOM, type TileSource } from '../shared/basemap/tileSource';
import { fixturePath } from './fixtures';

/** The bundled basemap read from disk; a missing file is a tile outside the basemap's extent. */
export function diskTileSource(dir: string = fixturePath('basemap/tiles')): TileSource {
  return {
    maxZoom: BASEMAP_MAX_ZOOM,
    attribution: BASEMAP_ATTRIBUTION,
    async get(z, x, y) {
      try {
        return new Uint8Array(await fs.readFile(path.join(dir, String(z), String(x), `${y}.pbf`)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new Error(`Cannot read basemap tile ${z}/${x}/${y} in ${dir}: ${(e as Error).message}`);
      }
    },
  };
}
