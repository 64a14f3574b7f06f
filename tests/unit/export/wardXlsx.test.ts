import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { wardHarmTable } from '../../../shared/wards/wardHarmTable';
import { wardTableXlsx } from '../../../shared/wards/wardTableCsv';
import { XLSX_HEADER_ROW } from '../../../shared/export/xlsxWorkbook';
import { makeDb, type TestCrime } from '../hotspots/testDb';

const wards = [
  { code: 'L1', name: 'Armley', district: 'Leeds', e0: 420000, n0: 435000, e1: 421000, n1: 436000 },
  { code: 'L2', name: 'Beeston', district: 'Leeds', e0: 421000, n0: 435000, e1: 422000, n1: 436000 },
];
const crimes: TestCrime[] = [
  ...Array.from({ length: 3 }, () => ({ month: '2014-11', type: 'Robbery', ward: 'L1', e: 420500, n: 435500 })),
  { month: '2014-10', type: 'Drugs', ward: 'L2', e: 421500, n: 435500 },
];

describe('ward table as XLSX', () => {
  it('reads back with exceljs: a Wards sheet in the on-screen order and a Method sheet', async () => {
    const db = await makeDb(wards, crimes);
    installDefaults(db);
    const t = wardHarmTable(db, { schemeId: 'cchi-category' });
    const bytes = await wardTableXlsx(t, { sort: { key: 'harm', desc: false } }, { generatedAt: '2026-01-02T03:04:05.000Z' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Wards', 'Method']);
    const ws = wb.getWorksheet('Wards')!;
    const header = (ws.getRow(XLSX_HEADER_ROW).values as unknown[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    // Ascending harm: Beeston (1 drugs, 3.46) before Armley (3 robbery, 1095).
    const first = ws.getRow(XLSX_HEADER_ROW + 1), second = ws.getRow(XLSX_HEADER_ROW + 2);
    expect(first.getCell(col('Ward')).value).toBe('Beeston');
    expect(second.getCell(col('Ward')).value).toBe('Armley');
    expect(second.getCell(col('Harm')).value).toBe(1095);
    expect(second.getCell(col('Count')).value).toBe(3);
    // Before Aug 2014 there is nothing: blank number, the reason beside it.
    expect(second.getCell(col('Previous harm')).value).toBeNull();
    expect(String(second.getCell(col('Previous note')).value)).toMatch(/^no data for Leeds in the previous period/);
    const method = wb.getWorksheet('Method')!;
    const lines: string[] = [];
    method.eachRow((r) => lines.push(`${String(r.getCell(1).value ?? '')}: ${String(r.getCell(2).value ?? '')}`));
    expect(lines).toContain('period: Oct 2014 to Nov 2014; 2 of 12 months have data (window Dec 2013 to Nov 2014 (12 months))');
    expect(lines).toContain('scheme: CCHI, derived category averages (weights by police.uk category; table #ee0195f0)');
    expect(lines.some((l) => l.startsWith('rows: sorted by harm, ascending'))).toBe(true);
    // Same input, same bytes.
    const again = await wardTableXlsx(t, { sort: { key: 'harm', desc: false } }, { generatedAt: '2026-01-02T03:04:05.000Z' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
