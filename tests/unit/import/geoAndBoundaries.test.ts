import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../cli/sqlNode';
import { bngToLonLat, lonLatToBng } from '../../../shared/geo/bng';
import { importBoundaries } from '../../../shared/areas/importBoundaries';
import { areaFeatures, listAreas } from '../../../shared/areas/areaLayer';
import { createProjectDb } from '../../../shared/project/projectDb';
import { runImport } from '../../../shared/import/runImport';
import { normaliseWardName, WardIndex } from '../../../shared/import/wardIndex';
import { lsoaToWard } from '../../../shared/import/lsoaLookup';
import { reassignWards } from '../../../shared/import/reassignWards';
import { replaceBoundaries } from '../../../shared/import/replaceBoundaries';
import { getMeta } from '../../../shared/project/projectDb';
import { booleanPointInPolygon } from '@turf/turf';
import { fileSource, fixturePath } from '../../../cli/fixtures';
import { expectAccounted, fileBytesSource, fixture, projectWithWards, rows, wardsGeoJson } from './helpers';

describe('coordinates, wards and boundaries', () => {
  it('round-trips the Baildon ward centroid between BNG and WGS84', () => {
    const [lon, lat] = bngToLonLat(415123, 439667);
    expect(lon).toBeCloseTo(-1.771591, 4);
    expect(lat).toBeCloseTo(53.85303, 4);
    const [e, n] = lonLatToBng(lon, lat);
    expect(e).toBeCloseTo(415123, 2);
    expect(n).toBeCloseTo(439667, 2);
  });

  it('finds the ward of a point, and wards by name ignoring case, punctuation and "&"', async () => {
    const db = await projectWithWards();
    const idx = WardIndex.fromDb(db);
    expect(idx.size).toBe(124);
    expect(idx.wardAt(-1.771591, 53.85303)).toBe('E05001341');
    expect(idx.wardAt(-0.1276, 51.5072)).toBeNull();
    expect(idx.resolve('crofton ryhill & walton')).toBe('E05001448');
    expect(idx.resolve("ARDSLEY AND ROBIN-HOOD")).toBe('E05011384');
    expect(idx.resolve('e05001341')).toBe('E05001341');
    expect(idx.resolve('Nowhere')).toBeNull();
    expect(normaliseWardName("St. John's & Ossett")).toBe('st johns and ossett');
  });

  it('uses the bundled LSOA lookups, choosing the vintage by month', () => {
    expect(lsoaToWard('E01010568', '2018-05')).toEqual({ ward: 'E05001341', vintage: 'lsoa11' });
    expect(lsoaToWard('E01010568', '2024-05')).toEqual({ ward: 'E05001341', vintage: 'lsoa21' });
    expect(lsoaToWard('E01033898', '2018-05')).toEqual({ ward: 'E05001352', vintage: 'lsoa21' });
    expect(lsoaToWard('E01010677', '2024-05')).toEqual({ ward: 'E05001352', vintage: 'lsoa11' });
    expect(lsoaToWard('E01999999', null)).toBeNull();
  });

  it('loads a BNG boundary layer (crs member), reporting invalid features by index and reason', async () => {
    const db = createProjectDb(await loadSqlJs(), 'other force');
    const r = importBoundaries(db, readFileSync(fixture('import/boundaries-bng.geojson'), 'utf8'), { fileName: 'boundaries-bng.geojson' });
    expect(r).toMatchObject({ layer: 'wards', crs: 'bng', crsReason: 'crs member "urn:ogc:def:crs:EPSG::27700"', features: 5, imported: 2 });
    expect(r.fields).toEqual({ code: 'code', name: 'name', districtCode: undefined, districtName: 'district' });
    expect(r.invalid).toEqual([
      { index: 2, code: 'T3', reason: 'self-intersects near 420500,440500' },
      { index: 3, code: 'T4', reason: 'outer ring is not closed (first position 421000,440000 differs from last 421000,441000)' },
      { index: 4, code: 'T5', reason: 'is a LineString, not a Polygon or MultiPolygon' },
    ]);
    expect(listAreas(db).map((a) => a.code)).toEqual(['T1', 'T2']);
    const ring = (areaFeatures(db).features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring[0]![0]).toBeCloseTo(-1.7792, 3);
    // Crimes are then assigned against the new layer; everything outside the two squares is out of area.
    const imp = await runImport(db, fileBytesSource('import/utf8-bom.csv'), { format: 'police-uk' });
    expectAccounted(imp);
    expect(imp).toMatchObject({ imported: 3, outOfArea: 1 });
    expect(rows(db, 'SELECT ward_code FROM crimes ORDER BY id')).toEqual([['T1'], ['T1'], [null]]);
  });

  it('detects WGS84 from coordinate ranges and keeps the ward layer when nothing is valid', async () => {
    const db = createProjectDb(await loadSqlJs(), 'wy');
    const r = importBoundaries(db, wardsGeoJson());
    expect(r).toMatchObject({ crs: 'wgs84', features: 124, imported: 124, invalid: [] });
    expect(r.crsReason).toBe('crs member "urn:ogc:def:crs:OGC:1.3:CRS84"');
    const noCrs = importBoundaries(db, wardsGeoJson().replace(/"crs": \{[^\n]*\},?\n/, ''));
    expect(noCrs).toMatchObject({ crs: 'wgs84', imported: 124, crsReason: 'coordinates are within longitude/latitude ranges (RFC 7946 default)' });
    const bad = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { WD25CD: 'X', WD25NM: 'X' }, geometry: { type: 'Point', coordinates: [0, 0] } }] });
    expect(() => importBoundaries(db, bad, { fileName: 'points.geojson' })).toThrow(
      'points.geojson: none of its 1 features is a valid area; the wards layer was not changed.',
    );
    expect(listAreas(db)).toHaveLength(124);
    expect(() => importBoundaries(db, '{"type":"Feature"}', { fileName: 'f.geojson' })).toThrow('f.geojson is not a GeoJSON FeatureCollection (type is "Feature").');
  });

  it('re-places stored crimes after the ward layer is replaced, matching an independent check', async () => {
    const db = await projectWithWards();
    await runImport(db, await fileSource(fixturePath('west-yorkshire-street_2018-05_sample_saf98_normalised.csv')), { format: 'police-uk' });
    await runImport(db, fileBytesSource('import/missing-coords.csv'), { format: 'police-uk' });
    await runImport(db, fileBytesSource('import/utf8-bom.csv'), { format: 'police-uk' });
    importBoundaries(db, readFileSync(fixture('import/boundaries-bng.geojson'), 'utf8'));
    const r = reassignWards(db);
    const squares = areaFeatures(db).features;
    const points = rows(db, 'SELECT lon, lat FROM crimes WHERE lon IS NOT NULL') as [number, number][];
    const inside = points.filter(([lon, lat]) => squares.some((f) => booleanPointInPolygon([lon, lat], f))).length;
    expect(r.records).toBe(1611 + 6 + 3);
    // Every located crime outside the two squares is now out of area; LSOA-placed ones lose their ward.
    expect(r.outOfArea).toBe(points.length - inside);
    expect(rows(db, "SELECT placed_by, COUNT(*) FROM crimes GROUP BY placed_by ORDER BY placed_by")).toEqual([['none', 5], ['point', 1615]]);
    expect(rows(db, 'SELECT COUNT(*) FROM crimes WHERE ward_code IS NOT NULL')).toEqual([[inside]]);
    expect(inside).toBe(2); // the two rows at the Baildon centroid, inside square T1
    expect(rows(db, "SELECT COUNT(*) FROM crimes WHERE ward_code = 'T1'")).toEqual([[2]]);
  });

  it('replaces boundaries and re-places records as one transaction: a failure leaves both as they were', async () => {
    const db = await projectWithWards();
    await runImport(db, await fileSource(fixturePath('west-yorkshire-street_2018-05_sample_saf98_normalised.csv')), { format: 'police-uk' });
    const before = rows(db, 'SELECT ward_code, COUNT(*) FROM crimes GROUP BY ward_code ORDER BY ward_code');
    const squares = readFileSync(fixture('import/boundaries-bng.geojson'), 'utf8');
    // Make the re-placement step fail after the layer was replaced (no stop_search_rows table).
    db.exec('ALTER TABLE stop_search_rows RENAME TO stop_search_rows_away');
    expect(() => replaceBoundaries(db, squares, { fileName: 'squares.geojson' })).toThrow(/stop_search_rows/);
    expect(listAreas(db)).toHaveLength(124);
    expect(rows(db, 'SELECT ward_code, COUNT(*) FROM crimes GROUP BY ward_code ORDER BY ward_code')).toEqual(before);
    db.exec('ALTER TABLE stop_search_rows_away RENAME TO stop_search_rows');
    const ok = replaceBoundaries(db, squares, { fileName: 'squares.geojson' });
    expect(ok.imported).toBe(2);
    expect(ok.reassigned.records).toBe(1611);
    const sq = areaFeatures(db).features;
    const pts = rows(db, 'SELECT lon, lat FROM crimes WHERE lon IS NOT NULL') as [number, number][];
    const inside = pts.filter(([lon, lat]) => sq.some((f) => booleanPointInPolygon([lon, lat], f))).length;
    expect(rows(db, 'SELECT COUNT(*) FROM crimes WHERE ward_code IS NOT NULL')).toEqual([[inside]]);
    expect(getMeta(db, 'boundaries_source')).toBe('squares.geojson (2 areas, British National Grid)');
  });
});
