import { describe, expect, it } from 'vitest';
import { giStar } from '../../../shared/hotspots/giStar';
import { neighbourOffsets } from '../../../shared/hotspots/lattice';
import { assembleGrid } from '../../../shared/hotspots/studyArea';

/** A full w x h block of square cells, row-major. */
function block(w: number, h: number, size = 150) {
  const ci: number[] = [], cj: number[] = [], ca: number[] = [];
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) { ci.push(i); cj.push(j); ca.push(0); }
  return assembleGrid('square', size, ci, cj, ca, ['W']);
}

describe('Gi* on a hand-worked 5 x 5 grid', () => {
  // One cell (2,2) holds 25, the other 24 hold 0. n = 25, mean X = 1,
  // S = sqrt(sum x^2 / n - X^2) = sqrt(625/25 - 1) = sqrt(24).
  // Denominator: S * sqrt((n W - W^2) / (n - 1)) = sqrt(24) * sqrt((25 W - W^2) / 24) = sqrt(25 W - W^2).
  //  - any cell whose 3x3 block holds (2,2) (W = 9 inside the grid): (25 - 1*9) / sqrt(225 - 81) = 16/12 = 4/3
  //  - corner (0,0): W = 4, lag 0: (0 - 4) / sqrt(100 - 16) = -4/sqrt(84)
  //  - edge (2,0) or (1,0): W = 6, lag 0: -6 / sqrt(150 - 36) = -6/sqrt(114)
  const grid = block(5, 5);
  const x = new Float64Array(25);
  x[2 * 5 + 2] = 25;
  const r = giStar(grid, x, 150 * Math.SQRT2);
  const at = (i: number, j: number) => r.z[j * 5 + i]!;

  it('gives the hand values', () => {
    expect(r.mean).toBe(1);
    expect(r.sd).toBeCloseTo(Math.sqrt(24), 14);
    for (const [i, j] of [[2, 2], [1, 1], [3, 3], [2, 1], [1, 3]] as const) expect(at(i, j)).toBeCloseTo(4 / 3, 14);
    expect(at(0, 0)).toBeCloseTo(-4 / Math.sqrt(84), 14);
    expect(at(4, 4)).toBeCloseTo(-4 / Math.sqrt(84), 14);
    expect(at(2, 0)).toBeCloseTo(-6 / Math.sqrt(114), 14);
    expect(at(1, 0)).toBeCloseTo(-6 / Math.sqrt(114), 14);
    expect(r.neighbours[0]).toBe(4);
    expect(r.neighbours[12]).toBe(9);
  });

  it('default distance includes the diagonals exactly at cell x sqrt 2; rook distance does not', () => {
    expect(neighbourOffsets('square', 150, 150 * Math.SQRT2).length / 2).toBe(9);
    expect(neighbourOffsets('square', 150, 150).length / 2).toBe(5);
    expect(neighbourOffsets('square', 150, 300).length / 2).toBe(13);
    expect(neighbourOffsets('hex', 150, 150 * Math.SQRT2).length / 2).toBe(7);
    // With rook neighbours (d = 150), (1,1) no longer sees (2,2): W = 5, lag 0 -> -5/sqrt(125 - 25) = -0.5.
    const rook = giStar(grid, x, 150);
    expect(rook.z[1 * 5 + 1]).toBeCloseTo(-0.5, 14);
  });

  it('is undefined (NaN) when every value is equal', () => {
    const flat = giStar(grid, new Float64Array(25).fill(3), 212.2);
    expect(Number.isNaN(flat.z[0]!)).toBe(true);
  });
});
