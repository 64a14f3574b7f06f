import { readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, MultiPolygon } from 'geojson';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../../cli/fixtures';
import { loadSqlJs } from '../../../cli/sqlNode';
import { DEFAULT_LAYER, detectAreaFields, replaceAreaLayer } from '../../../shared/areas/areaLayer';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { runImport } from '../../../shared/import/runImport';
import { createProjectDb } from '../../../shared/project/projectDb';
import { parsePeriod } from '../../../shared/wards/periodChange';
import { wardHarmTable } from '../../../shared/wards/wardHarmTable';
import { wardHarmByType } from '../../../shared/wards/wardProfile';

const WARDS = 'fixtures/wy_wards_2025_bgc.geojson';
const CRIMES = 'fixtures/west-yorkshire-street_2018-05_sample_saf98_normalised.csv';

/**
 * "Done when": the demo project (importer + ONS wards + the police.uk May 2018 sample) gives,
 * for Newsome (Kirklees, E05001410), the count and harm worked out here by an independent
 * route (turf point-in-polygon on the fixture rows, then CCHI weights multiplied by hand).
 */
describe('ward table on the demo project', async () => {
  const SQL = await loadSqlJs();
  const db = createProjectDb(SQL, 'demo');
  const fc = JSON.parse(readFileSync(WARDS, 'utf8')) as FeatureCollection;
  replaceAreaLayer(db, DEFAULT_LAYER, fc, detectAreaFields(fc.features[0]!.properties!)!);
  installDefaults(db);
  await runImport(db, await fileSource(path.resolve(CRIMES)), { format: 'police-uk' });

  it('reproduces Newsome by hand', () => {
    const newsome = fc.features.find((f) => f.properties!['WD25CD'] === 'E05001410') as Feature<Polygon | MultiPolygon>;
    const rows = Papa.parse<Record<string, string>>(readFileSync(CRIMES, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const byType: Record<string, number> = {};
    for (const r of rows) {
      if (booleanPointInPolygon([Number(r['Longitude']), Number(r['Latitude'])], newsome)) {
        byType[r['Crime type']!] = (byType[r['Crime type']!] ?? 0) + 1;
      }
    }
    // The independent count, written out (checked against the turf count above):
    const expected = {
      Burglary: 14, 'Criminal damage and arson': 15, Drugs: 6, 'Other theft': 15, 'Public order': 15, Robbery: 2,
      'Vehicle crime': 31, 'Violence and sexual offences': 57, 'Other crime': 2, 'Possession of weapons': 2,
    };
    expect(byType).toEqual(expected);
    // CCHI, derived category averages (West Yorkshire), by hand:
    //  14 x 246.39 = 3449.46   15 x 12.27 = 184.05   6 x 3.46 = 20.76   15 x 2 = 30   15 x 7.5 = 112.5
    //   2 x 365    =  730      31 x 5     = 155     57 x 175.29 = 9991.53   2 x 10 = 20   2 x 273.75 = 547.5
    //  total 159 records, harm 15240.80
    const t = wardHarmTable(db, { schemeId: 'cchi-category', from: '2018-05', to: '2018-05', baseline: parsePeriod('2018-05:2018-05') });
    const row = t.rows.find((r) => r.code === 'E05001410')!;
    expect(row.name).toBe('Newsome');
    expect(row.districtName).toBe('Kirklees');
    expect(row.count).toBe(159);
    expect(row.harm).toBeCloseTo(15240.8, 9);
    // Previous period (Apr 2018) has no data: % change must say so, not print Infinity.
    expect(row.previous.base).toEqual({ count: 0, harm: 0 });
    expect(row.previous.harmPct.text).toBe('n/a: base is 0');
    // Against itself as baseline: change 0, +0.0%.
    expect(row.baseline!.harmChange).toBe(0);
    expect(row.baseline!.harmPct.text).toBe('+0.0%');
    // Serious violence: 57 V&SO + 2 robbery + 2 weapons = 61; 9991.53 + 730 + 547.5 = 11269.03.
    const sv = wardHarmTable(db, { schemeId: 'cchi-category', categorySetId: 'serious-violence', from: '2018-05', to: '2018-05' });
    const svRow = sv.rows.find((r) => r.code === 'E05001410')!;
    expect(svRow.count).toBe(61);
    expect(svRow.harm).toBeCloseTo(11269.03, 9);
    // The ward profile splits the same figures by type and adds up to the row.
    const prof = wardHarmByType(db, 'E05001410', { schemeId: 'cchi-category', from: '2018-05', to: '2018-05' });
    expect(Object.fromEntries(prof.byType.map((t) => [t.type, t.count]))).toEqual(expected);
    expect(prof.byType[0]).toEqual({ type: 'Violence and sexual offences', count: 57, harm: expect.closeTo(9991.53, 9) });
    expect(prof.byType.reduce((s, t) => s + t.harm, 0)).toBeCloseTo(15240.8, 9);
    // Force total: every in-area record (the sample's 6 Barnsley rows are out of area).
    const force = t.rows.at(-1)!;
    expect(force.count).toBe(1605);
    expect(t.method.excluded.current.outOfArea + t.method.excluded.current.unplaced).toBe(6);
  });
});
