import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../cli/args';
import type { CliIO } from '../../../cli/command';
import { wardsCommand } from '../../../cli/commands/wards';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { makeDb } from '../hotspots/testDb';

function capture(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [], errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
}

describe('wards CLI: XLSX, sort, filter, no data', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-wards-cli-'));
  const wards = [
    { code: 'A', name: 'Alpha', district: 'North', e0: 420000, n0: 435000, e1: 421000, n1: 436000 },
    { code: 'B', name: 'Bravo', district: 'North', e0: 421000, n0: 435000, e1: 422000, n1: 436000 },
  ];
  // Alpha 1 record, Bravo 3, all in Nov 2014.
  const db = await makeDb(wards, [
    { month: '2014-11', type: 'Robbery', ward: 'A', e: 420500, n: 435500 },
    ...Array.from({ length: 3 }, () => ({ month: '2014-11', type: 'Drugs', ward: 'B', e: 421500, n: 435500 })),
  ]);
  installDefaults(db);
  const project = path.join(dir, 'p.hotspot');
  writeFileSync(project, db.export());

  it('writes the table sorted as asked, with blank numbers and a note where there is no data', async () => {
    const out = path.join(dir, 'w.csv');
    const io = capture();
    expect(await wardsCommand.run(['--project', project, '--sort', 'name:desc', '--out', out], io)).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n').filter((l) => !l.startsWith('# '));
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['Bravo', 'Alpha', 'North total', 'Force total']);
    expect(lines[1]).toBe('ward,B,Bravo,North,3,3,,,1,75,,,,,,,,"no data for North in the previous period, Dec 2012 to Nov 2013 (12 months)"');
    expect(io.outText.join('\n')).toContain('period: Nov 2014; 1 of 12 months has data (window Dec 2013 to Nov 2014 (12 months))');
    expect(io.errText.join('\n')).toContain('warning: No data for the previous period, Dec 2012 to Nov 2013 (12 months): no change is shown.');
  });

  it('writes XLSX with a Method sheet, following --filter', async () => {
    const out = path.join(dir, 'w.xlsx');
    expect(await wardsCommand.run(['--project', project, '--scheme', 'cchi', '--filter', 'alp', '--out', out], capture())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Wards', 'Method']);
    const ws = wb.getWorksheet('Wards')!;
    expect(ws.getRow(4).getCell(3).value).toBe('Alpha');
    expect(ws.getRow(4).getCell(6).value).toBe(365); // one robbery, CCHI 365 days
    expect(ws.getRow(5).getCell(3).value).toBe('North total');
  });

  it('refuses an unknown sort or file type', async () => {
    await expect(wardsCommand.run(['--project', project, '--sort', 'size', '--out', path.join(dir, 'x.csv')], capture())).rejects.toBeInstanceOf(UsageError);
    await expect(wardsCommand.run(['--project', project, '--out', path.join(dir, 'x.txt')], capture())).rejects.toThrow(/\.csv or \.xlsx/);
  });
});
