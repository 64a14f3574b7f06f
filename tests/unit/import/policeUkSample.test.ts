import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fileSource, fixturePath } from '../../../cli/fixtures';
import { runImport } from '../../../shared/import/runImport';
import { expectAccounted, projectWithWards, rows, wardsGeoJson } from './helpers';

const SAMPLE = 'west-yorkshire-street_2018-05_sample_saf98_normalised.csv';
const SAMPLE_RAW = 'west-yorkshire-street_2018-05_sample_saf98.csv';

describe('police.uk May 2018 sample (done-when check)', () => {
  it('accounts for all 1,611 rows and matches an independent, unindexed ward assignment', async () => {
    const db = await projectWithWards();
    const r = await runImport(db, await fileSource(fixturePath(SAMPLE)), { format: 'police-uk' });
    expectAccounted(r);
    expect(r).toMatchObject({ rowsRead: 1611, imported: 1611, duplicates: 0, rejected: 0, outOfArea: 6, cancelled: false });
    expect(r.placedBy).toEqual({ point: 1611 });
    expect(r.importId).toBe(1);

    // Independent check: every distinct point against every ward with plain turf, no index.
    const fc = JSON.parse(wardsGeoJson()) as FeatureCollection<Polygon | MultiPolygon>;
    const wards = fc.features.map((f: Feature<Polygon | MultiPolygon>) => ({ code: String(f.properties!.WD25CD), geometry: f.geometry }));
    wards.sort((a, b) => (a.code < b.code ? -1 : 1));
    const expected = new Map<string, number>();
    let outside = 0;
    for (const [lon, lat] of rows(db, 'SELECT lon, lat FROM crimes') as [number, number][]) {
      const w = wards.find((x) => booleanPointInPolygon([lon, lat], x.geometry));
      if (!w) outside++;
      else expected.set(w.code, (expected.get(w.code) ?? 0) + 1);
    }
    const actual = new Map(
      (rows(db, 'SELECT ward_code, COUNT(*) FROM crimes WHERE ward_code IS NOT NULL GROUP BY ward_code') as [string, number][]),
    );
    expect(outside).toBe(6);
    expect(actual).toEqual(expected);
    expect(rows(db, 'SELECT COUNT(*) FROM crimes WHERE out_of_area = 1 AND ward_code IS NULL')).toEqual([[6]]);
    // Every stored record with a location has both lon/lat and BNG.
    expect(rows(db, 'SELECT COUNT(*) FROM crimes WHERE lon IS NULL OR lat IS NULL OR easting IS NULL OR northing IS NULL')).toEqual([[0]]);
  });

  it('reads the underscore-header variant the same way, and re-importing it adds nothing', async () => {
    const db = await projectWithWards();
    const a = await runImport(db, await fileSource(fixturePath(SAMPLE)), { format: 'police-uk' });
    const b = await runImport(db, await fileSource(fixturePath(SAMPLE_RAW)), { format: 'auto' });
    expectAccounted(a);
    expectAccounted(b);
    expect(b.format).toBe('police-uk');
    expect(b).toMatchObject({ rowsRead: 1611, imported: 0, duplicates: 1611, rejected: 0, outOfArea: 0 });
    expect(rows(db, 'SELECT COUNT(*) FROM crimes')).toEqual([[1611]]);
    expect(rows(db, 'SELECT id, rows_read, imported, duplicates FROM imports ORDER BY id')).toEqual([
      [1, 1611, 1611, 0],
      [2, 1611, 0, 1611],
    ]);
  });
});
