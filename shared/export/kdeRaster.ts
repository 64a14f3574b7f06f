import { bngToLonLat } from '../geo/bng';
import type { HotspotCells } from '../hotspots/runHotspotAnalysis';

export interface KdeRaster {
  width: number;
  height: number;
  /** RGBA, north row first; colour by kdeShade of the share of the maximum; transparent below 1% of it. */
  rgba: Uint8ClampedArray;
  /** lon/lat of the outer corners: top-left, top-right, bottom-right, bottom-left (maplibre order). */
  corners: [[number, number], [number, number], [number, number], [number, number]];
  max: number;
}

/**
 * ColorBrewer Purples (5), share of the maximum density 0 to 1: sequential, and apart from the
 * Gi* reds and blues and the wards' YlOrRd, so a density surface is never read as a hot spot.
 * The map legend draws the same stops.
 */
export const KDE_RAMP: [number, [number, number, number]][] = [
  [0, [242, 240, 247]], [0.25, [203, 201, 226]], [0.5, [158, 154, 200]], [0.75, [117, 107, 177]], [1, [84, 39, 143]],
];
const STOPS = KDE_RAMP;
/** Shares of the maximum below this are left transparent. */
export const KDE_FLOOR = 0.01;
/**
 * Ramp position of a share of the maximum density: its square root. Crime density is so skewed
 * (one city-centre peak) that a linear ramp leaves every other cluster in the palest stop.
 */
export const kdeShade = (share: number) => Math.sqrt(share);
/** Pixel opacity at ramp position t: faint tails, solid peaks. */
export const kdeAlpha = (t: number) => Math.round(90 + 140 * t);

function ramp(t: number): [number, number, number] {
  for (let i = 1; i < STOPS.length; i++) {
    const [t1, c1] = STOPS[i]!;
    const [t0, c0] = STOPS[i - 1]!;
    if (t <= t1) {
      const f = (t - t0) / (t1 - t0);
      return [0, 1, 2].map((k) => Math.round(c0[k]! + f * (c1[k]! - c0[k]!))) as [number, number, number];
    }
  }
  return STOPS[STOPS.length - 1]![1];
}

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
      const [r, g, b] = ramp(t);
      rgba[px] = r; rgba[px + 1] = g; rgba[px + 2] = b; rgba[px + 3] = kdeAlpha(t);
    }
  }
  const s = c.size;
  const W = minI * s, E = (maxI + 1) * s, S = minJ * s, N = (maxJ + 1) * s;
  return { width, height, rgba, corners: [bngToLonLat(W, N), bngToLonLat(E, N), bngToLonLat(E, S), bngToLonLat(W, S)], max };
}
