import { describe, expect, it } from 'vitest';
import { parseSquareCellId, squareCellId } from '../../../shared/hotspots/bngGrid';
import { hexCellId, hexCellOf, hexCentre, parseHexCellId } from '../../../shared/hotspots/hexGrid';
import { cellIdAt, cellIndexOfPoint } from '../../../shared/hotspots/lattice';
import { buildStudyGrid, type BngAreas } from '../../../shared/hotspots/studyArea';

const rect = (e0: number, n0: number, e1: number, n1: number) =>
  Float64Array.from([e0, n0, e1, n0, e1, n1, e0, n1, e0, n0]);

describe('square BNG grid ids', () => {
  it('derives ids from the south-west corner and size', () => {
    expect(squareCellId(150, 415100 / 150 + 0, 439650 / 150)).toBe('SQ150_E415100_N439650');
    expect(parseSquareCellId('SQ150_E415100_N439650')).toEqual({ size: 150, col: 2767, row: 2931 });
  });
});

describe('study area = cells whose centre is inside the union of areas', () => {
  // Two wards sharing the edge E = 300: A = [0,300] x [0,450], B = [300,600] x [0,450], plus
  // a hole in B covering [450,600] x [300,450] (a ring inside B's outer ring).
  const areas: BngAreas = {
    codes: ['A', 'B'],
    rings: [[rect(0, 0, 300, 450)], [rect(300, 0, 600, 450), rect(440, 290, 600.5, 451)]],
  };
  const grid = buildStudyGrid(areas, 'square', 150);

  it('includes each centre once, honours holes and assigns the ward', () => {
    // 4 x 3 = 12 cells, minus the one whose centre (525, 375) is in the hole.
    expect(grid.n).toBe(11);
    const ids = Array.from({ length: grid.n }, (_, k) => cellIdAt(grid, k));
    expect(new Set(ids).size).toBe(11);
    expect(ids[0]).toBe('SQ150_E0_N0');
    expect(ids).not.toContain('SQ150_E450_N300');
    const k = cellIndexOfPoint(grid, 320, 10);
    expect(grid.areaCodes[grid.area[k]!]).toBe('B');
    expect(grid.areaCodes[grid.area[cellIndexOfPoint(grid, 299, 10)]!]).toBe('A');
    expect(cellIndexOfPoint(grid, 500, 400)).toBe(-1);
    expect(cellIndexOfPoint(grid, -1, 10)).toBe(-1);
  });

  it('gives the same ids for the same place whatever else is in the area', () => {
    const bigger = buildStudyGrid({ codes: ['X'], rings: [[rect(-1000, -1000, 2000, 2000)]] }, 'square', 150);
    const id = cellIdAt(bigger, cellIndexOfPoint(bigger, 320, 10));
    expect(id).toBe(cellIdAt(grid, cellIndexOfPoint(grid, 320, 10)));
    expect(id).toBe('SQ150_E300_N0');
  });

  it('refuses absurd grids', () => {
    expect(() => buildStudyGrid({ codes: ['X'], rings: [[rect(0, 0, 700000, 1200000)]] }, 'square', 150)).toThrow(/cells/);
  });
});

describe('hexagons', () => {
  it('maps every point to the nearest hexagon centre and round-trips ids', () => {
    for (let k = 0; k < 2000; k++) {
      const e = 400000 + ((k * 7919) % 3000) + (k % 7) * 0.37;
      const n = 430000 + ((k * 104729) % 2500) + (k % 11) * 0.53;
      const [q, r] = hexCellOf(150, e, n);
      const [cx, cy] = hexCentre(150, q, r);
      const d0 = Math.hypot(e - cx, n - cy);
      for (const [dq, dr] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, -1], [-1, 1]]) {
        const [x, y] = hexCentre(150, q + dq!, r + dr!);
        expect(d0).toBeLessThanOrEqual(Math.hypot(e - x, n - y) + 1e-9);
      }
    }
    expect(hexCellId(150, 2513, 3384)).toBe('HX150_Q2513_R3384');
    expect(parseHexCellId('HX150_Q2513_R-4')).toEqual({ size: 150, q: 2513, r: -4 });
  });

  it('builds a hex study area with centres inside', () => {
    const grid = buildStudyGrid({ codes: ['X'], rings: [[rect(0, 0, 1500, 1300)]] }, 'hex', 150);
    for (let k = 0; k < grid.n; k++) {
      expect(grid.cx[k]).toBeGreaterThanOrEqual(0);
      expect(grid.cx[k]).toBeLessThan(1500);
      expect(grid.cy[k]).toBeGreaterThanOrEqual(0);
      expect(grid.cy[k]).toBeLessThan(1300);
    }
    // Rows r = 0..10 (N = 0 .. 1299); 10 hexes per row.
    expect(grid.n).toBe(110);
  });
});
