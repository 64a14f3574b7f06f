import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../cli/command';
import { hotspotsCommand } from '../../../cli/commands/hotspots';
import { trendsCommand } from '../../../cli/commands/trends';
import { giStar } from '../../../shared/hotspots/giStar';
import { runHotspotAnalysis } from '../../../shared/hotspots/runHotspotAnalysis';
import { makeDb } from './testDb';

const io = (): CliIO & { out_: string[]; err_: string[] } => {
  const out_: string[] = [], err_: string[] = [];
  return { out_, err_, out: (t) => out_.push(t), err: (t) => err_.push(t) };
};

describe('study area: districts, polygon, coverage warning, permutation inference', async () => {
  // Two 10 x 10-cell wards side by side in two districts; every record is in the west one.
  const db = await makeDb(
    [
      { code: 'W1', name: 'West ward', district: 'Westshire', e0: 420000, n0: 435000, e1: 421500, n1: 436500 },
      { code: 'E1', name: 'East ward', district: 'Eastshire', e0: 421500, n0: 435000, e1: 423000, n1: 436500 },
    ],
    [
      ...Array.from({ length: 30 }, (_, k) => ({ month: '2024-01', type: 'Robbery', e: 420700 + (k % 3) * 150, n: 435700 + (k % 2) * 150, ward: 'W1' })),
      ...Array.from({ length: 10 }, (_, k) => ({ month: '2024-01', type: 'Robbery', e: 420100 + k * 140, n: 436300, ward: 'W1' })),
    ],
  );

  it('over the force, warns that records fall in 1 of 2 districts and names the one to restrict to', () => {
    const r = runHotspotAnalysis(db, { kde: false });
    expect(r.summary.cells).toBe(200);
    expect(r.studyArea.districts).toEqual(['Eastshire', 'Westshire']);
    expect(r.studyArea.districtsWithData).toEqual(['Westshire']);
    expect(r.warnings.some((w) => w.startsWith('Records fall in 1 of 2 districts (Westshire)'))).toBe(true);
  });

  it('restricted to one district, takes Gi* mean and variance over its cells only', () => {
    const force = runHotspotAnalysis(db, { kde: false });
    const west = runHotspotAnalysis(db, { kde: false, studyArea: { kind: 'districts', districts: ['westshire'] } });
    expect(west.summary.cells).toBe(100);
    expect(west.method.studyArea).toMatch(/^district Westshire: 100 cells/);
    expect(west.methodLines.some((l) => l.startsWith('study area: district Westshire'))).toBe(true);
    // Same values as Gi* computed by hand on the 100 west cells alone.
    const grid = { ...west.cells, shape: 'square' as const };
    const own = giStar({ ...grid, area: new Int32Array(100), areaCodes: ['W1'], iMin: Math.min(...grid.ci), jMin: Math.min(...grid.cj), iSpan: 10, jSpan: 10, lookup: lookupOf(grid.ci, grid.cj) }, west.cells.harm, 150 * Math.SQRT2);
    for (let k = 0; k < 100; k++) expect(west.cells.z[k]).toBeCloseTo(own.z[k]!, 12);
    // Fewer hot cells once the empty district no longer drags the mean down.
    const hot = (r: typeof force) => r.summary.hot.c95 + r.summary.hot.c99;
    expect(hot(west)).toBeLessThan(hot(force));
    expect(west.warnings.some((w) => w.startsWith('Records fall in'))).toBe(false);
  });

  it('refuses an unknown district, naming the ones there are', () => {
    expect(() => runHotspotAnalysis(db, { studyArea: { kind: 'districts', districts: ['Leeds'] } })).toThrow(/No district "Leeds".*Eastshire, Westshire/);
  });

  it('runs permutation inference seeded, and states it', () => {
    // 9,999 permutations: with 200 cells, FDR needs pseudo p below what 999 permutations can reach.
    const a = runHotspotAnalysis(db, { kde: false, inference: { kind: 'permutation', permutations: 9999, seed: 5 } });
    const b = runHotspotAnalysis(db, { kde: false, inference: { kind: 'permutation', permutations: 9999, seed: 5 } });
    expect(Array.from(a.cells.p)).toEqual(Array.from(b.cells.p));
    expect(a.method.statistic).toMatch(/conditional permutation .*9999 permutations, seed 5/);
    expect(a.summary.hot.c95 + a.summary.hot.c99).toBeGreaterThan(0);
    for (const p of a.cells.p) if (Number.isFinite(p)) expect(p).toBeGreaterThanOrEqual(1 / 10000);
  });

  it('CLI: --districts, --area and --inference permutation', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hp-area-'));
    const project = path.join(dir, 'p.hotspot');
    writeFileSync(project, db.export());
    const out = path.join(dir, 'west.csv');
    expect(await hotspotsCommand.run(['--project', project, '--districts', 'Westshire', '--inference', 'permutation', '--permutations', '499', '--out', out], io())).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/# study area: district Westshire: 100 cells/);
    expect(text).toMatch(/499 permutations/);
    // A polygon over the east half of the west ward (lon/lat of BNG 420750..421500 x 435000..436500).
    const { bngToLonLat } = await import('../../../shared/geo/bng');
    const ring = [[420750, 435000], [421500, 435000], [421500, 436500], [420750, 436500], [420750, 435000]].map(([e, n]) => bngToLonLat(e!, n!));
    const area = path.join(dir, 'area.geojson');
    writeFileSync(area, JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }));
    const out2 = path.join(dir, 'poly.csv');
    const io2 = io();
    expect(await hotspotsCommand.run(['--project', project, '--area', area, '--out', out2], io2)).toBe(0);
    expect(readFileSync(out2, 'utf8')).toMatch(/# study area: the polygon "area.geojson" \(cells of the force's wards whose centre lies inside it\): 50 cells/);
    // Trends over the same study area: a project with records in two months.
    const two = await makeDb(
      [
        { code: 'W1', name: 'West ward', district: 'Westshire', e0: 420000, n0: 435000, e1: 421500, n1: 436500 },
        { code: 'E1', name: 'East ward', district: 'Eastshire', e0: 421500, n0: 435000, e1: 423000, n1: 436500 },
      ],
      Array.from({ length: 40 }, (_, k) => ({ month: k % 2 ? '2024-01' : '2024-02', type: 'Robbery', e: 420700 + (k % 3) * 150, n: 435700, ward: 'W1' })),
    );
    const twoProject = path.join(dir, 'two.hotspot');
    writeFileSync(twoProject, two.export());
    const trends = path.join(dir, 'trends.csv');
    expect(await trendsCommand.run(['--project', twoProject, '--districts', 'Westshire', '--months', '1', '--out', trends], io())).toBe(0);
    const tlines = readFileSync(trends, 'utf8').split('\r\n');
    expect(tlines).toContain('# study area: district Westshire');
    expect(tlines.filter((l) => l.startsWith('SQ150_')).length).toBe(100);
    const bad = io();
    await expect(hotspotsCommand.run(['--project', project, '--inference', 'bootstrap', '--out', out2], bad)).rejects.toThrow(/--inference must be normal or permutation/);
  });
});

function lookupOf(ci: Int32Array, cj: Int32Array): Int32Array {
  const i0 = Math.min(...ci), j0 = Math.min(...cj);
  const l = new Int32Array(100).fill(-1);
  for (let k = 0; k < ci.length; k++) l[(cj[k]! - j0) * 10 + (ci[k]! - i0)] = k;
  return l;
}
