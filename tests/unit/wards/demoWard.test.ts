import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileRandomAccess, fixturePath } from '../../../cli/fixtures';
import { loadSqlJs } from '../../../cli/sqlNode';
import { buildDemoProject, DEMO_ZIP_NAME } from '../../../shared/project/demoProject';
import { parsePeriod } from '../../../shared/wards/periodChange';
import { wardHarmTable } from '../../../shared/wards/wardHarmTable';
import { wardHarmByType } from '../../../shared/wards/wardProfile';

/**
 * "Done when": the demo project (the police.uk zip of Aug-Nov 2014 through the normal import,
 * ONS 2025 wards) gives, for Newsome (Kirklees, E05001410), the counts worked out by an
 * independent route: tests/golden/demo_ward_counts.py reads the zip with Python's zipfile and
 * places rows with its own ray-casting point-in-polygon; CCHI weights multiplied by hand.
 */
describe('ward table on the demo project', async () => {
  const { db } = await buildDemoProject(await loadSqlJs(), {
    wardsGeoJson: readFileSync(fixturePath('wy_wards_2025_bgc.geojson'), 'utf8'),
    policeUkZip: await fileRandomAccess(fixturePath(DEMO_ZIP_NAME)),
  });

  it('reproduces Newsome in Nov 2014 by hand, against Oct 2014', () => {
    // Newsome, Nov 2014 (demo_ward_counts.py):
    const expected = {
      'Anti-social behaviour': 93, 'Bicycle theft': 3, Burglary: 14, 'Criminal damage and arson': 23, Drugs: 16,
      'Other crime': 6, 'Other theft': 42, 'Possession of weapons': 4, 'Public order': 11, Robbery: 1, Shoplifting: 70,
      'Theft from the person': 20, 'Vehicle crime': 10, 'Violence and sexual offences': 68,
    };
    // CCHI, derived category averages (West Yorkshire), by hand:
    //  93 x 1 = 93   3 x 2 = 6   14 x 246.39 = 3449.46   23 x 12.27 = 282.21   16 x 3.46 = 55.36   6 x 10 = 60
    //  42 x 2 = 84   4 x 273.75 = 1095   11 x 7.5 = 82.5   1 x 365 = 365   70 x 1 = 70   20 x 2 = 40   10 x 5 = 50
    //  68 x 175.29 = 11919.72; total 381 records, harm 17652.25
    // Oct 2014 (previous period): 387 records; 109 + 2 + 6159.75 + 441.72 + 55.36 + 50 + 58 + 1095 + 90 + 55 + 44 + 40
    //  + 11393.85 = 19593.68; change -1941.43 = -9.9%
    const t = wardHarmTable(db, { schemeId: 'cchi-category', from: '2014-11', to: '2014-11', baseline: parsePeriod('2014-11:2014-11') });
    const row = t.rows.find((r) => r.code === 'E05001410')!;
    expect(row.name).toBe('Newsome');
    expect(row.districtName).toBe('Kirklees');
    expect(row.count).toBe(381);
    expect(row.harm).toBeCloseTo(17652.25, 9);
    expect(row.previous.base!.count).toBe(387);
    expect(row.previous.base!.harm).toBeCloseTo(19593.68, 9);
    expect(row.previous.harmPct.text).toBe('-9.9%');
    // Against itself as baseline: change 0, +0.0%.
    expect(row.baseline!.harmChange).toBe(0);
    expect(row.baseline!.harmPct.text).toBe('+0.0%');
    // Serious violence: 68 V&SO + 1 robbery + 4 weapons = 73; 11919.72 + 365 + 1095 = 13379.72.
    const sv = wardHarmTable(db, { schemeId: 'cchi-category', categorySetId: 'serious-violence', from: '2014-11', to: '2014-11' });
    const svRow = sv.rows.find((r) => r.code === 'E05001410')!;
    expect(svRow.count).toBe(73);
    expect(svRow.harm).toBeCloseTo(13379.72, 9);
    // The ward profile splits the same figures by type and adds up to the row.
    const prof = wardHarmByType(db, 'E05001410', { schemeId: 'cchi-category', from: '2014-11', to: '2014-11' });
    expect(Object.fromEntries(prof.byType.map((x) => [x.type, x.count]))).toEqual(expected);
    expect(prof.byType[0]).toEqual({ type: 'Violence and sexual offences', count: 68, harm: expect.closeTo(11919.72, 9) });
    expect(prof.byType.reduce((s, x) => s + x.harm, 0)).toBeCloseTo(17652.25, 9);
    expect(t.methodLines).toContain('source (current period): crime records for 2014-11');
  });

  it('populates every ward; the force total is every in-ward record of the four months', () => {
    // Default period: the 12 months to Nov 2014, which holds all four months.
    const t = wardHarmTable(db, { schemeId: 'count' });
    expect(t.method.periods.current).toEqual({ from: '2013-12', to: '2014-11' });
    const wards = t.rows.filter((r) => r.kind === 'ward');
    expect(wards).toHaveLength(124);
    // Fewest: 126 records (E05001366), most: 3,226 (E05011403).
    expect(Math.min(...wards.map((r) => r.count))).toBe(126);
    expect(Math.max(...wards.map((r) => r.count))).toBe(3226);
    const district = (n: string) => t.rows.find((r) => r.kind === 'district' && r.districtName === n)!.count;
    expect(['Bradford', 'Calderdale', 'Kirklees', 'Leeds', 'Wakefield'].map(district)).toEqual([19552, 5913, 12404, 27135, 11200]);
    // 77,500 rows: 76,204 in a ward, 25 outside every ward, 1,271 with no location at all.
    expect(t.rows.at(-1)!.count).toBe(76204);
    expect(t.method.excluded.current.outOfArea).toBe(25);
    expect(t.method.excluded.current.unplaced).toBe(1271);
  });
});
