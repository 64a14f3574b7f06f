import { describe, expect, it } from 'vitest';
import { bngToLonLat, lonLatToBng } from '../../../shared/geo/bng';
import { HotspotFence } from '../../../shared/dosage/geofence';
import { squareHotspot } from './helpers';

describe('HotspotFence', () => {
  const a = squareHotspot('A', 430000, 433000);
  const b = squareHotspot('B', 430150, 433000); // shares A's east edge

  it('finds the hotspot a BNG point lies in, and none outside', () => {
    const f = new HotspotFence([a, b]);
    expect(f.setAtBng(430010, 433010)).toBe(0);
    expect(f.setAtBng(430290, 433140)).toBe(1);
    expect(f.setAtBng(430310, 433010)).toBe(-1);
    expect(f.setAtBng(429990, 433010)).toBe(-1);
  });

  it('grows polygons by the buffer, so near a shared edge a fix is in both', () => {
    const f = new HotspotFence([a, b], 10);
    const both = f.setAtBng(430145, 433075);
    expect(f.sets[both]).toEqual([0, 1]);
    expect(f.setAtBng(429991, 433075)).toBe(0); // 9 m west of A
    expect(f.setAtBng(429989, 433075)).toBe(-1); // 11 m west
    // Corners are rounded: 8 m out on both axes is 11.3 m away.
    expect(f.setAtBng(429992, 432992)).toBe(-1);
    expect(f.setAtBng(429994, 432994)).toBe(0);
  });

  it('leaves holes out of a polygon', () => {
    const ring = [[0, 0], [300, 0], [300, 300], [0, 300], [0, 0]].map(([x, y]) => [430000 + x!, 433000 + y!]);
    const hole = [[100, 100], [200, 100], [200, 200], [100, 200], [100, 100]].map(([x, y]) => [430000 + x!, 433000 + y!]);
    const f = new HotspotFence([{ id: 'H', bngGeometry: { type: 'MultiPolygon', coordinates: [[ring, hole]] } }]);
    expect(f.setAtBng(430050, 433050)).toBe(0);
    expect(f.setAtBng(430150, 433150)).toBe(-1);
  });

  it('gives lon/lat fixes the answer of their BNG projection', () => {
    const f = new HotspotFence([a, b]);
    for (const [e, n, want] of [[430002, 433002, 0], [429998, 433002, -1], [430148, 433148, 0], [430152, 433148, 1], [431000, 434000, -1]] as const) {
      const [lon, lat] = bngToLonLat(e, n);
      expect(f.setAtLonLat(lon, lat), `${e},${n}`).toBe(want);
    }
  });

  it.each([0, 5])('gives the projected answer for 20,000 lon/lat points in and around two cells (buffer %i m)', (buffer) => {
    const f = new HotspotFence([a, b, squareHotspot('BIG', 432000, 433000, 2000)], buffer);
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
    let inside = 0;
    for (let i = 0; i < 20000; i++) {
      const [lon, lat] = bngToLonLat(429970 + rand() * 360, 432970 + rand() * 210);
      const [e, n] = lonLatToBng(lon, lat);
      const want = f.setAtBng(e, n);
      expect(f.setAtLonLat(lon, lat)).toBe(want);
      if (want >= 0) inside++;
    }
    expect(inside).toBeGreaterThan(5000);
    for (let i = 0; i < 5000; i++) {
      const [lon, lat] = bngToLonLat(431990 + rand() * 2020, 432990 + rand() * 2020);
      const [e, n] = lonLatToBng(lon, lat);
      expect(f.setAtLonLat(lon, lat)).toBe(f.setAtBng(e, n));
    }
  });
});
