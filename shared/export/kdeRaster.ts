import { bngToLonLat } from '../geo/bng';
import type { HotspotCells } from '../hotspots/runHotspotAnalysis';
import { KDE_FLOOR, KDE_RAMP, kdeAlpha, kdeRampColour, kdeShade } from '../legend/classes';

export interface KdeRaster {
  width: number;
  height: number;
  /** RGBA, north row first; colour by kdeShade of the share of the maximum; transparent below 1% of it. */
  rgba: Uint8ClampedArray;
  /** lon/lat of the outer corners: top-left, top-right, bottom-right, bottom-left (maplibre order). */
  corners: [[number, number], [number, number], [number, number], [number, number]];
  max: number;
}

/** The ramp is defined with the other classed outputs (shared/legend/classes.ts); re-exported for the map. */
export { KDE_FLOOR, KDE_RAMP, kdeAlpha, kdeShade };

/**
 * The KDE surface as an image with one pixel per BNG square cell. Its four corners are placed
 * in WGS84, so the map warps it with the small grid convergence (about 1 degree in Yorkshire).
 * Square cells only: hexagons do not tile an image grid.
 */
export function kdeRaster(c: HotspotCells): KdeRaster | null {
  if (!c.kde || c.shape !== 'square' || c.n === 0) return null;
  let minI = Infinity, maxI = -Infinity, minJ = Infinity, maxJ = -Infinity, max = 0;
  for (let k = 0; k < c.n; k++) {
    minI = Math.min(minI, c.ci[k]!); maxI = Math.max(maxI, c.ci[k]!);
    minJ = Math.min(minJ, c.cj[k]!); maxJ = Math.max(maxJ, c.cj[k]!);
    max = Math.max(max, c.kde[k]!);
  }
  const width = maxI - minI + 1;
  const height = maxJ - minJ + 1;
  const rgba = new Uint8ClampedArray(width * height * 4);
  if (max > 0) {
    for (let k = 0; k < c.n; k++) {
      const share = c.kde[k]! / max;
      if (!(share >= KDE_FLOOR)) continue;
      const t = kdeShade(share);
      const px = ((maxJ - c.cj[k]!) * width + (c.ci[k]! - minI)) * 4;
      const [r, g, b] = kdeRampColour(t);
      rgba[px] = r; rgba[px + 1] = g; rgba[px + 2] = b; rgba[px + 3] = kdeAlpha(t);
    }
  }
  const s = c.size;
  const W = minI * s, E = (maxI + 1) * s, S = minJ * s, N = (maxJ + 1) * s;
  return { width, height, rgba, corners: [bngToLonLat(W, N), bngToLonLat(E, N), bngToLonLat(E, S), bngToLonLat(W, S)], max };
}
