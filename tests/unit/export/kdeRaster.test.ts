import { describe, expect, it } from 'vitest';
import { kdeRaster } from '../../../shared/export/kdeRaster';
import { bngToLonLat } from '../../../shared/geo/bng';
import type { HotspotCells } from '../../../shared/hotspots/runHotspotAnalysis';

/** Three cells of an L: (10,20) densest, (11,20) half, (10,21) a trace below 1% of the maximum. */
function cells(): HotspotCells {
  const f = (a: number[]) => Float64Array.from(a);
  return {
    shape: 'square', size: 150, n: 3, ids: ['a', 'b', 'c'],
    ci: Int32Array.from([10, 11, 10]), cj: Int32Array.from([20, 20, 21]),
    cx: f([0, 0, 0]), cy: f([0, 0, 0]), areaCode: ['', '', ''],
    count: f([0, 0, 0]), harm: f([0, 0, 0]), z: f([0, 0, 0]), p: f([0, 0, 0]), pFdr: f([0, 0, 0]),
    cls: Int8Array.from([0, 0, 0]), kde: f([8, 4, 0.05]),
  };
}

describe('KDE raster', () => {
  it('puts one pixel per cell, north row first, and leaves traces transparent', () => {
    const r = kdeRaster(cells())!;
    expect([r.width, r.height, r.max]).toEqual([2, 2, 8]);
    const px = (x: number, y: number) => Array.from(r.rgba.slice((y * 2 + x) * 4, (y * 2 + x) * 4 + 4));
    expect(px(0, 1)).toEqual([84, 39, 143, 230]); // (10,20): the maximum, south-west pixel, darkest purple
    // (11,20): half the maximum sits at sqrt(0.5) = 0.7071 of the ramp, 0.8284 of the way from the
    // 0.5 stop (158,154,200) to the 0.75 stop (117,107,177); opacity 90 + 140 x 0.7071 = 189.
    expect(px(1, 1)).toEqual([124, 115, 181, 189]);
    expect(px(0, 0)[3]).toBe(0); // (10,21): 0.6% of the maximum, transparent
    expect(px(1, 0)[3]).toBe(0); // (11,21): not in the study area
  });

  it('places the image by the BNG corners of the cell block', () => {
    const r = kdeRaster(cells())!;
    expect(r.corners[0]).toEqual(bngToLonLat(1500, 3300)); // north-west: E 10x150, N 22x150
    expect(r.corners[2]).toEqual(bngToLonLat(1800, 3000)); // south-east
  });

  it('draws nothing for hexagons or without a KDE', () => {
    expect(kdeRaster({ ...cells(), shape: 'hex' })).toBeNull();
    expect(kdeRaster({ ...cells(), kde: null })).toBeNull();
  });
});
