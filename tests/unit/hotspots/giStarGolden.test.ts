import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bhAdjust } from '../../../shared/hotspots/fdr';
import { giStar } from '../../../shared/hotspots/giStar';
import type { CellShape } from '../../../shared/hotspots/lattice';
import { twoSidedP } from '../../../shared/hotspots/normal';
import { assembleGrid } from '../../../shared/hotspots/studyArea';

/**
 * Expected values from R spdep::localG on include.self(dnearneigh(coords, 0, 150*sqrt(2)*(1+1e-9)))
 * with binary ("B") weights, p = 2*pnorm(-|z|), and p.adjust(p, "BH"): see tests/golden/gistar_spdep.R.
 */
function load(file: string) {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  return lines.slice(1).map((l) => {
    const [col, row, x, z, p, pBh, nNeigh] = l.split(',').map(Number);
    return { col: col!, row: row!, x: x!, z: z!, p: p!, pBh: pBh!, nNeigh: nNeigh! };
  });
}

for (const [shape, file, distance] of [
  ['square', 'fixtures/golden/gistar_spdep.csv', 150 * Math.SQRT2],
  ['square', 'fixtures/golden/gistar_spdep_d450.csv', 450],
  ['hex', 'fixtures/golden/gistar_spdep_hex.csv', 150 * Math.SQRT2],
] as [CellShape, string, number][]) {
  describe(`Gi* golden vs R spdep (${shape}, d = ${distance.toFixed(2)} m)`, () => {
    const rows = load(file);
    const grid = assembleGrid(shape, 150, rows.map((r) => r.col), rows.map((r) => r.row), rows.map(() => 0), ['W']);
    const x = Float64Array.from(rows, (r) => r.x);
    const gi = giStar(grid, x, distance);
    const p = Float64Array.from(gi.z, twoSidedP);
    const q = bhAdjust(p);

    it('has the fixture grid (20 x 15 minus a cut corner and a hole)', () => {
      expect(rows.length).toBe(281);
      expect(grid.n).toBe(281);
    });

    it('matches neighbour counts, z, p and BH-adjusted p to 1e-9', () => {
      let maxZ = 0, maxP = 0, maxQ = 0;
      rows.forEach((r, k) => {
        expect(gi.neighbours[k]).toBe(r.nNeigh);
        maxZ = Math.max(maxZ, Math.abs(gi.z[k]! - r.z));
        maxP = Math.max(maxP, Math.abs(p[k]! - r.p));
        maxQ = Math.max(maxQ, Math.abs(q[k]! - r.pBh));
      });
      expect(maxZ).toBeLessThan(1e-9);
      expect(maxP).toBeLessThan(1e-9);
      expect(maxQ).toBeLessThan(1e-9);
    });
  });
}
