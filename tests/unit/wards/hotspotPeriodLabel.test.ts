import { describe, expect, it } from 'vitest';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { runHotspotAnalysis } from '../../../shared/hotspots/runHotspotAnalysis';
import { makeDb, type TestCrime } from '../hotspots/testDb';

const wards = [{ code: 'A', name: 'Alpha', district: 'North', e0: 420000, n0: 435000, e1: 421500, n1: 436500 }];
const crimes: TestCrime[] = [
  ...Array.from({ length: 6 }, (_, k) => ({ month: '2014-08', type: 'Robbery', e: 420675 + (k % 3) * 150, n: 435675, ward: 'A' })),
  ...Array.from({ length: 4 }, (_, k) => ({ month: '2014-11', type: 'Burglary', e: 420100 + k * 300, n: 436000, ward: 'A' })),
];

describe('hotspot runs and data coverage', () => {
  it('state the months that have data in the period', async () => {
    const db = await makeDb(wards, crimes);
    installDefaults(db);
    const r = runHotspotAnalysis(db, { from: '2013-12', to: '2014-11' });
    expect(r.methodLines).toContain('period: 2013-12 to 2014-11 (months inclusive)');
    expect(r.methodLines).toContain('months with data: Aug 2014, Nov 2014; 2 of 12 months have data');
  });

  it('warn when the category set cannot apply to police.uk data instead of quietly finding nothing', async () => {
    const db = await makeDb(wards, crimes);
    installDefaults(db);
    const r = runHotspotAnalysis(db, { categorySetId: 'knife-enabled' });
    expect(r.summary.records).toBe(0);
    expect(r.warnings[0]).toMatch(/^The category set "Knife-enabled \(flag\)" cannot be applied to this data/);
  });
});
