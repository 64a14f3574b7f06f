import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../shared/csv/csvWrite';
import { hotspotCellsCsv, hotspotCellsGeoJson } from '../../../shared/export/hotspotCells';
import type { HotspotResult } from '../../../shared/hotspots/runHotspotAnalysis';
import { bngToLonLat } from '../../../shared/geo/bng';

/** Two 150 m cells by hand: one hot at 99% with a tiny p, one not significant, FDR off for the second p. */
function result(): HotspotResult {
  return {
    cells: {
      shape: 'square', size: 150, n: 2,
      ids: ['SQ150_E415200_N439650', 'SQ150_E415350_N439650'],
      ci: Int32Array.from([2768, 2769]), cj: Int32Array.from([2931, 2931]),
      cx: Float64Array.from([415275, 415425]), cy: Float64Array.from([439725, 439725]),
      areaCode: ['E05001341', 'E05001341'],
      count: Float64Array.from([12, 0]), harm: Float64Array.from([2103.48, 0]),
      z: Float64Array.from([7.123456789, -0.2]), p: Float64Array.from([1.05e-12, 0.84]), pFdr: Float64Array.from([2.1e-12, NaN]),
      cls: Int8Array.from([3, 0]), kde: null,
    },
    summary: {} as HotspotResult['summary'],
    method: {} as HotspotResult['method'],
    methodLines: ['scheme: CCHI, derived category averages', 'correction: Benjamini-Hochberg false discovery rate'],
    warnings: [],
    studyArea: { label: 'the whole force area', districts: [], districtsWithData: [] },
  };
}

describe('hotspot cell export', () => {
  it('writes one row per cell after the method lines, keeping tiny p-values and leaving undefined ones blank', () => {
    const lines = hotspotCellsCsv(result()).split('\r\n');
    expect(lines).toEqual([
      '# scheme: CCHI, derived category averages',
      '# correction: Benjamini-Hochberg false discovery rate',
      'cell_id,easting,northing,ward_code,count,harm,gi_z,p,p_fdr,class,kde_density',
      'SQ150_E415200_N439650,415275,439725,E05001341,12,2103.48,7.123457,1.05e-12,2.1e-12,hot 99%,',
      'SQ150_E415350_N439650,415425,439725,E05001341,0,0,-0.2,0.84,,not significant,',
      '',
    ]);
  });

  it('writes WGS84 cell squares with the method in a metadata member', () => {
    const fc = JSON.parse(hotspotCellsGeoJson(result()));
    expect(fc.metadata.methodLines).toEqual(result().methodLines);
    expect(fc.features).toHaveLength(2);
    const ring = fc.features[0].geometry.coordinates[0] as number[][];
    expect(ring).toHaveLength(5);
    const [lon, lat] = bngToLonLat(415200, 439650);
    expect(ring[0]![0]).toBeCloseTo(lon, 6);
    expect(ring[0]![1]).toBeCloseTo(lat, 6);
    expect(fc.features[0].properties).toMatchObject({ cell_id: 'SQ150_E415200_N439650', class: 'hot 99%', p: 1.05e-12 });
  });
});

describe('CSV writing', () => {
  it('quotes commas, quotes and newlines, and defuses spreadsheet formulas', () => {
    expect(csvCell('Leeds, City')).toBe('"Leeds, City"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x']], ['note'])).toBe('# note\r\na,b\r\n1,x\r\n');
  });
});
