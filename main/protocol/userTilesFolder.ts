import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Result, UserTilesInfo } from '../../shared/desktopApi';

/**
 * The folder of vector tiles the user picked in the desktop app (another force's area). The
 * main process keeps its path; the renderer only learns its name and zoom range, and fetches
 * tiles from app://hotspot/basemap/user/{z}/{x}/{y}.pbf (appProtocolHandler).
 */
export class UserTilesFolder {
  private folder: string | null = null;

  current(): string | null {
    return this.folder;
  }

  /**
   * Checks `folder` is a tile folder ({z}/{x}/{y}.pbf or .mvt below it) and, if so, serves it
   * from now on. Counts tiles so the settings can say what was picked.
   */
  async adopt(folder: string): Promise<Result<UserTilesInfo>> {
    let zooms: number[];
    try {
      zooms = (await fs.readdir(folder, { withFileTypes: true }))
        .filter((d) => d.isDirectory() && /^\d{1,2}$/.test(d.name))
        .map((d) => Number(d.name))
        .sort((a, b) => a - b);
    } catch {
      return { ok: false, error: `Could not read the folder ${path.basename(folder)}.` };
    }
    let tiles = 0;
    const withTiles: number[] = [];
    for (const z of zooms) {
      let n = 0;
      for (const x of await fs.readdir(path.join(folder, String(z)), { withFileTypes: true })) {
        if (!x.isDirectory() || !/^\d+$/.test(x.name)) continue;
        n += (await fs.readdir(path.join(folder, String(z), x.name))).filter((f) => /^\d+\.(pbf|mvt)$/.test(f)).length;
      }
      if (n > 0) withTiles.push(z);
      tiles += n;
    }
    if (tiles === 0) {
      return {
        ok: false,
        error: `The folder ${path.basename(folder)} holds no vector tiles. Choose the folder that contains the zoom-level folders (0, 1, 2, ... each holding x/y.pbf files).`,
      };
    }
    this.folder = folder;
    return { ok: true, value: { name: path.basename(folder), tiles, minzoom: withTiles[0]!, maxzoom: withTiles[withTiles.length - 1]! } };
  }
}
