import { describe, expect, it } from 'vitest';
import { createHarmScheme } from '../../../shared/harm/harmSchemes';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { parseWeightTable } from '../../../shared/harm/offenceCodes';
import { insertCrimes } from '../hotspots/testDb';
import { pctChange, parsePeriod } from '../../../shared/wards/periodChange';
import { loadPopulation } from '../../../shared/wards/population';
import { wardHarmTable } from '../../../shared/wards/wardHarmTable';
import { makeDb, type TestCrime } from '../hotspots/testDb';

const wards = [
  { code: 'A1', name: 'Alpha', district: 'North', e0: 420000, n0: 435000, e1: 421000, n1: 436000 },
  { code: 'A2', name: 'Bravo', district: 'North', e0: 421000, n0: 435000, e1: 422000, n1: 436000 },
  { code: 'B1', name: 'Charlie', district: 'South', e0: 420000, n0: 434000, e1: 421000, n1: 435000 },
];
const at = (ward: string, month: string, type: string, k: number): TestCrime[] =>
  Array.from({ length: k }, () => ({ month, type, ward, e: 420500, n: 435500 }));

// Months: current Dec 2023 (a one-month period), previous Nov 2023, baseline Mar 2021.
// North (Alpha, Bravo) has records in all three months; South (Charlie) has none at all.
// Alpha:   Dec 2023: 3 robbery (365) + 2 burglary (246.39) = 1095 + 492.78 = 1587.78; Nov 2023: 1 robbery = 365
// Bravo:   Dec 2023: 4 drugs (3.46) = 13.84;  Nov 2023: none, but North has data (base 0);  Mar 2021: 8 drugs = 27.68
// Charlie: no data for South in any period: "no data", never 0
const crimes: TestCrime[] = [
  ...at('A1', '2023-12', 'Robbery', 3), ...at('A1', '2023-12', 'Burglary', 2), ...at('A1', '2023-11', 'Robbery', 1),
  ...at('A2', '2023-12', 'Drugs', 4), ...at('A2', '2021-03', 'Drugs', 8),
  { month: '2023-12', type: 'Robbery', ward: null, e: 500000, n: 500000, outOfArea: true },
  { month: '2023-12', type: 'Robbery', ward: null },
];

describe('ward harm table', () => {
  it('computes counts, harm, changes, ranks, shares and subtotals by hand', async () => {
    const db = await makeDb(wards, crimes);
    installDefaults(db);
    const t = wardHarmTable(db, { schemeId: 'cchi-category', from: '2023-12', to: '2023-12', baseline: parsePeriod('2021-03:2021-03') });
    expect(t.rows.map((r) => `${r.kind}:${r.name}`)).toEqual([
      'ward:Alpha', 'ward:Bravo', 'district:North total', 'ward:Charlie', 'district:South total', 'force:Force total',
    ]);
    const [alpha, bravo, north, charlie, south, force] = t.rows as [typeof t.rows[0], typeof t.rows[0], typeof t.rows[0], typeof t.rows[0], typeof t.rows[0], typeof t.rows[0]];
    expect(alpha.count).toBe(5);
    expect(alpha.harm).toBeCloseTo(1587.78, 9);
    expect(alpha.previous.base).toEqual({ count: 1, harm: 365 });
    expect(alpha.previous.harmChange).toBeCloseTo(1222.78, 9);
    expect(alpha.previous.harmPct.value).toBeCloseTo((1222.78 / 365) * 100, 9); // +335.0%
    expect(alpha.previous.harmPct.text).toBe('+335.0%');
    expect(alpha.previous.countPct.text).toBe('+400.0%');
    // North had data in Nov 2023, so Bravo's 0 is a real 0.
    expect(bravo.previous.harmPct).toEqual({ value: null, text: 'n/a: base is 0' });
    expect(bravo.baseline!.harmPct.value).toBeCloseTo(-50, 9); // 13.84 vs 27.68
    // South has no records at all: no figures, a reason instead.
    expect(charlie.noData).toBe('no data for South in Dec 2023 to Dec 2023 (1 month)');
    expect(charlie.previous.base).toBeNull();
    expect(charlie.previous.countPct.text).toBe('no data');
    expect(south.noData).not.toBeNull();
    expect([alpha.rank, bravo.rank, charlie.rank]).toEqual([1, 2, null]);
    expect(alpha.shareOfForceHarm).toBeCloseTo(1587.78 / 1601.62, 12);
    expect(charlie.shareOfForceHarm).toBeNull();
    expect(north.harm).toBeCloseTo(1601.62, 9);
    expect(north.previous.base!.harm).toBe(365);
    expect(force.count).toBe(9);
    expect(force.baseline!.base).toEqual({ count: 8, harm: expect.closeTo(27.68, 9) });
    expect(alpha.harmPer1000).toBeNull();
    expect(t.method.periods.previous).toEqual({ from: '2023-11', to: '2023-11' });
    expect(t.method.excluded.current.outOfArea).toBe(1);
    expect(t.method.excluded.current.unplaced).toBe(1);
    expect(t.methodLines[0]).toBe('scheme: CCHI, derived category averages (weights by police.uk category; table #ee0195f0)');
    expect(t.methodLines.at(-1)).toMatch(/^weights: Anti-social behaviour=1; Bicycle theft=/);
    expect(t.methodLines[2]).toBe('period: Dec 2023 (1 month, all with data) (window Dec 2023 to Dec 2023 (1 month))');
    expect(t.warnings.join(' ')).toMatch(/outside the force area/);
    expect(t.warnings.join(' ')).toMatch(/No data for South in the current period/);
  });

  it('adds harm per 1,000 residents once population is loaded', async () => {
    const db = await makeDb(wards, crimes);
    installDefaults(db);
    const load = loadPopulation(db, 'WD25CD,Ward,Population\nA1,Alpha,"10,000"\nA2,Bravo,2000\nZZ9,Nowhere,5\n');
    expect(load.updated).toBe(2);
    expect(load.unknownCodes).toEqual(['ZZ9']);
    expect(load.missingAreas).toEqual(['B1']);
    const t = wardHarmTable(db, { schemeId: 'count', from: '2023-11', to: '2023-12' });
    expect(t.rows[0]!.harmPer1000).toBeCloseTo(0.6, 12); // 6 records / 10,000 x 1,000
    expect(t.rows[2]!.harmPer1000).toBeCloseTo((10 / 12000) * 1000, 12); // North: both wards known
    expect(t.rows[5]!.harmPer1000).toBeNull(); // Charlie has no population
  });

  it('says so instead of printing Infinity or NaN', () => {
    expect(pctChange(5, 0).text).toBe('n/a: base is 0');
    expect(pctChange(0, 4).text).toBe('-100.0%');
    expect(() => parsePeriod('2021-13:2022-01')).toThrow(/YYYY-MM/);
  });

  it('weights force-extract records by Home Office offence code and reports unknown codes', async () => {
    const db = await makeDb(wards);
    // A user's CSS-style table: 8N (assault with injury) 1,000; 34B (robbery of personal property) 1,500.
    const table = parseWeightTable('offence_code,weight\n008N,1000\n34B,1500\n');
    createHarmScheme(db, { id: 'css', label: 'ONS CSS (user table)', keyKind: 'offence_code', description: '', source: 'test', weights: table.weights });
    insertCrimes(db, [
      { month: '2023-06', code: '8N', ward: 'A1', e: 420500, n: 435500 },
      { month: '2023-06', code: '034B', ward: 'A1', e: 420500, n: 435500 },
      { month: '2023-06', code: '99Z', ward: 'A2', e: 421500, n: 435500 },
      { month: '2023-06', code: '99Z', ward: 'A2', e: 421500, n: 435500 },
      { month: '2023-06', ward: 'A2', e: 421500, n: 435500 },
    ]);
    const t = wardHarmTable(db, { schemeId: 'css', from: '2023-01', to: '2023-12' });
    const [alpha, bravo] = t.rows;
    expect([alpha!.count, alpha!.harm]).toEqual([2, 2500]); // 1000 + 1500
    expect([bravo!.count, bravo!.harm]).toEqual([3, 0]); // counted, no harm: not silently weighted
    expect(t.method.excluded.current.unweighted).toEqual({ count: 3, keys: [{ key: '99Z', count: 2 }, { key: '(none)', count: 1 }] });
    expect(t.methodLines).toContain('no weight (current period): 99Z (2), (none) (1)');
    expect(t.warnings.join(' ')).toMatch(/3 records in the current period with no weight/);
  });
});
