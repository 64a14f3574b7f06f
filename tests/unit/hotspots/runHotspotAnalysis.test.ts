import { describe, expect, it } from 'vitest';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { runHotspotAnalysis, studyGridFor } from '../../../shared/hotspots/runHotspotAnalysis';
import { makeDb, type TestCrime } from './testDb';

// Two wards side by side: A = E 420000-421500, B = E 421500-423000, both N 435000-436500
// (10 x 10 cells each at 150 m -> 200 cells). A hot cluster of robberies in cell
// SQ150_E420600_N435600 and its neighbours, scattered burglaries elsewhere.
const wards = [
  { code: 'A', name: 'Alpha', district: 'North', e0: 420000, n0: 435000, e1: 421500, n1: 436500 },
  { code: 'B', name: 'Beta', district: 'North', e0: 421500, n0: 435000, e1: 423000, n1: 436500 },
];

function crimes(): TestCrime[] {
  const out: TestCrime[] = [];
  for (let k = 0; k < 30; k++) out.push({ month: '2024-01', type: 'Robbery', e: 420675 + (k % 3) * 150 - 150, n: 435675 + ((k >> 2) % 3) * 150 - 150, ward: 'A' });
  for (let k = 0; k < 40; k++) out.push({ month: '2024-02', type: 'Burglary', e: 420010 + ((k * 397) % 2980), n: 435010 + ((k * 211) % 1480), ward: 'A' });
  out.push({ month: '2024-02', type: 'Burglary', e: 500000, n: 500000, ward: null, outOfArea: true });
  out.push({ month: '2024-02', type: 'Burglary', ward: 'A' }); // no location
  out.push({ month: '2024-02', type: 'Alien abduction', e: 422000, n: 436000, ward: 'B' });
  return out;
}

describe('runHotspotAnalysis', () => {
  it('counts, weights, finds the cluster and states its method', async () => {
    const db = await makeDb(wards, crimes());
    installDefaults(db);
    const r = runHotspotAnalysis(db, { schemeId: 'cchi-category' });
    expect(r.cells.n).toBe(200);
    expect(r.summary.records).toBe(73);
    expect(r.method.excluded.outOfArea).toBe(1);
    expect(r.method.excluded.unplaced).toBe(1);
    expect(r.method.excluded.unweighted).toEqual({ count: 1, keys: [{ key: 'Alien abduction', count: 1 }] });
    const counted = r.cells.count.reduce((s, v) => s + v, 0);
    expect(counted).toBe(71);
    expect(r.summary.totalHarm).toBeCloseTo(30 * 365 + 40 * 246.39, 6);
    const k = r.cells.ids.indexOf('SQ150_E420600_N435600');
    expect(k).toBeGreaterThanOrEqual(0);
    expect(r.cells.cls[k]).toBe(3);
    expect(r.cells.pFdr[k]).toBeGreaterThanOrEqual(r.cells.p[k]!);
    expect(r.method.correction.fdr).toBe(true);
    expect(r.methodLines.some((l) => l.startsWith('neighbourhood: binary weights, cells with centres within 212.13 m'))).toBe(true);
    expect(r.methodLines[0]).toBe('scheme: CCHI, derived category averages (weights by police.uk category; table #ee0195f0)');
    expect(r.warnings.join('\n')).toMatch(/no weight/);
    expect(r.summary.pai).toBeGreaterThan(1);
    expect(r.summary.concentration.cellsFor50).toBeLessThan(20);
  });

  it('filters by period and category set, and can switch FDR off', async () => {
    const db = await makeDb(wards, crimes());
    installDefaults(db);
    const r = runHotspotAnalysis(db, { from: '2024-02', to: '2024-02', fdr: false, kde: false });
    expect(r.summary.records).toBe(43);
    expect(Number.isNaN(r.cells.pFdr[0]!)).toBe(true);
    expect(r.method.correction.text).toMatch(/^none/);
    const sv = runHotspotAnalysis(db, { categorySetId: 'serious-violence', kde: false });
    expect(sv.summary.records).toBe(30);
    expect(sv.method.categorySet).toBe('Serious violence');
    expect(() => runHotspotAnalysis(db, { from: '2024-13' })).toThrow(/YYYY-MM/);
  });

  it('reuses the study grid until the boundary layer changes', async () => {
    const db = await makeDb(wards, crimes());
    const g1 = studyGridFor(db, 'square', 150);
    expect(studyGridFor(db, 'square', 150)).toBe(g1);
    const r = runHotspotAnalysis(db, { kde: false });
    expect(r.cells.cx).not.toBe(g1.cx); // results get copies, so transferring them cannot detach the cache
    db.run("DELETE FROM areas WHERE code = 'B'");
    expect(studyGridFor(db, 'square', 150).n).toBe(100);
  });

  it('degrades clearly with no records and refuses absurd cell sizes', async () => {
    const db = await makeDb(wards);
    const r = runHotspotAnalysis(db, { from: '2030-01', to: '2030-12' });
    expect(r.summary.records).toBe(0);
    expect(r.cells.n).toBe(200);
    expect(r.method.kde).toBeNull();
    expect(Array.from(r.cells.cls).every((c) => c === 0)).toBe(true);
    expect(r.summary.pai).toBeNull();
    expect(r.warnings.join('\n')).toMatch(/same value, so Gi\* is undefined/);
    expect(r.methodLines).toContain('period: 2030-01 to 2030-12 (months inclusive)');
    expect(() => runHotspotAnalysis(db, { cellSize: 0.5 })).toThrow(/cells/);
    expect(() => runHotspotAnalysis(db, { distance: -1 })).toThrow(/positive/);
  });
});
