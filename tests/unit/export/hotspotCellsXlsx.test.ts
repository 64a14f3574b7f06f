import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hotspotCellsFileName, hotspotCellsXlsx } from '../../../shared/export/hotspotCellsXlsx';
import { XLSX_HEADER_ROW } from '../../../shared/export/xlsxWorkbook';
import type { HotspotResult } from '../../../shared/hotspots/runHotspotAnalysis';

/** Three 150 m cells: one hot 99% with a tiny p, one with records but not significant, one empty (left out of the XLSX). */
function result(): HotspotResult {
  return {
    cells: {
      shape: 'square', size: 150, n: 3,
      ids: ['SQ150_E415200_N439650', 'SQ150_E415350_N439650', 'SQ150_E415500_N439650'],
      ci: Int32Array.from([2768, 2769, 2770]), cj: Int32Array.from([2931, 2931, 2931]),
      cx: Float64Array.from([415275, 415425, 415575]), cy: Float64Array.from([439725, 439725, 439725]),
      areaCode: ['E05001341', 'E05001341', 'E05001341'],
      count: Float64Array.from([12, 2, 0]), harm: Float64Array.from([2103.48, 730, 0]),
      z: Float64Array.from([7.123456789, 1.2, -0.2]), p: Float64Array.from([1.05e-12, 0.23, 0.84]), pFdr: Float64Array.from([2.1e-12, 0.46, 0.84]),
      cls: Int8Array.from([3, 0, 0]), kde: null,
    },
    summary: {} as HotspotResult['summary'],
    method: {
      scheme: 'CCHI', schemeId: 'cchi-category', categorySet: 'Serious violence', period: { from: '2014-08', to: '2014-11', dataLabel: 'Aug 2014 to Nov 2014 (4 months, all with data)' },
      cell: { size: 150, shape: 'square' },
    } as HotspotResult['method'],
    methodLines: ['scheme: CCHI, derived category averages', 'correction: Benjamini-Hochberg false discovery rate'],
    warnings: ['a warning'],
    studyArea: { label: 'the whole force area', districts: [], districtsWithData: [] },
  };
}

describe('hotspot cells as XLSX', () => {
  it('reads back: cells with records in the chosen order, tiny p kept, ward names, and a Method sheet', async () => {
    const bytes = await hotspotCellsXlsx(result(), { sort: { key: 'harm', desc: false }, wardNames: { E05001341: 'Little Horton' }, generatedAt: '2026-01-01T00:00:00.000Z' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cells', 'Method']);
    const ws = wb.getWorksheet('Cells')!;
    const rows = [XLSX_HEADER_ROW + 1, XLSX_HEADER_ROW + 2, XLSX_HEADER_ROW + 3].map((i) => (ws.getRow(i).values as unknown[]).slice(1));
    expect(rows[0]!.slice(0, 3)).toEqual(['SQ150_E415350_N439650', 'E05001341', 'Little Horton']);
    expect(rows[1]![0]).toBe('SQ150_E415200_N439650');
    expect(rows[1]![8]).toBe(1.05e-12);
    expect(rows[1]![10]).toBe('hot 99%');
    expect(rows[2]).toEqual([]); // the empty, not significant cell is left out
    const method: string[] = [];
    wb.getWorksheet('Method')!.eachRow((r) => method.push(`${String(r.getCell(1).value)}: ${String(r.getCell(2).value)}`));
    expect(method).toContain('correction: Benjamini-Hochberg false discovery rate');
    expect(method).toContain('warning: a warning');
    expect(method.some((l) => l.startsWith('rows: the 2 cells with records or a significant class (of 3 study-area cells'))).toBe(true);
    expect(hotspotCellsFileName(result(), 'xlsx')).toBe('hotspot-cells_cchi_serious-violence_2014-08-to-2014-11.xlsx');
  });
});
