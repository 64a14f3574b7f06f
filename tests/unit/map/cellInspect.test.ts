import { describe, expect, it } from 'vitest';
import { bngToLonLat } from '../../../shared/geo/bng';
import { formatP } from '../../../renderer/map/CellPopup';
import { cellRingFromId, ringTop } from '../../../renderer/map/cellRing';

describe('cell outline from its id', () => {
  it('outlines a BNG square from its south-west corner id, and points a popup at its north edge', () => {
    const ring = cellRingFromId('SQ150_E430050_N433500')!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(bngToLonLat(430050, 433500));
    expect(ring[2]).toEqual(bngToLonLat(430200, 433650));
    const [lon, lat] = ringTop(ring);
    expect(lat).toBe(Math.max(bngToLonLat(430050, 433650)[1], bngToLonLat(430200, 433650)[1]));
    expect(lon).toBeGreaterThan(bngToLonLat(430050, 433500)[0]);
    expect(lon).toBeLessThan(bngToLonLat(430200, 433500)[0]);
  });

  it('outlines hexagons, and nothing for other ids', () => {
    expect(cellRingFromId('HX150_Q2513_R3384')).toHaveLength(7);
    expect(cellRingFromId('E05001411')).toBeNull();
  });
});

describe('p-values as shown', () => {
  it('never rounds a 99% p up to 0.010', () => {
    expect(formatP(0.00974)).toBe('0.00974');
    expect(formatP(0.0499)).toBe('0.0499');
    expect(formatP(0.25)).toBe('0.250');
    expect(formatP(1e-12)).toBe('< 0.001');
    expect(formatP(null)).toBe('undefined');
  });
});
