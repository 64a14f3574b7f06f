import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { ColumnFormat, QuarterlyReturn } from './quarterlyReturn';

/**
 * The return as an XLSX workbook. Deterministic: the workbook's created/modified dates and
 * every zip entry's timestamp come from `generatedAt`, so regenerating from the same project
 * with the same generatedAt gives the same bytes (exceljs stamps zip entries with the current
 * time, so the archive is rewritten with fflate using one fixed time).
 */
const NUM_FMT: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  int: '#,##0',
  number: '#,##0.0',
  hours: '#,##0.0',
  pct: '0"%"',
};

const HEADER_ROW = 3;

export async function returnXlsx(ret: QuarterlyReturn): Promise<Uint8Array> {
  const when = new Date(ret.generatedAt);
  const wb = new ExcelJS.Workbook();
  wb.creator = `Hotspot Planner ${ret.softwareVersion}`;
  wb.lastModifiedBy = wb.creator;
  wb.created = when;
  wb.modified = when;
  wb.lastPrinted = when;
  wb.title = ret.title;
  for (const s of ret.sheets) {
    const ws = wb.addWorksheet(s.name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    });
    ws.columns = s.columns.map((c) => ({ width: c.width }));
    const title = ws.getRow(1);
    title.getCell(1).value = ret.title;
    title.font = { bold: true, size: 14 };
    ws.getRow(2).getCell(1).value = s.name === 'Notes' ? ret.subtitle : `${ret.subtitle}. Definitions: see the Notes sheet.`;
    ws.getRow(2).font = { italic: true, color: { argb: 'FF555555' } };
    const header = ws.getRow(HEADER_ROW);
    s.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };
      cell.border = { bottom: { style: 'thin' } };
      cell.alignment = { wrapText: true, vertical: 'bottom', horizontal: c.format === 'text' ? 'left' : 'right' };
    });
    const headerLines = Math.max(...s.columns.map((c) => Math.ceil(c.header.length / Math.max(1, c.width - 2))));
    header.height = 15 * Math.max(2, headerLines);
    const bold = new Set(s.boldRows ?? []);
    s.rows.forEach((r, ri) => {
      const row = ws.getRow(HEADER_ROW + 1 + ri);
      r.forEach((v, ci) => {
        const cell = row.getCell(ci + 1);
        cell.value = v === undefined ? null : v;
        const colFmt = s.columns[ci]?.format ?? 'text';
        // Measure-per-row tables format by row, except columns with a fixed kind (change %, notes).
        const fmt = ci > 0 && s.rowFormats && colFmt !== 'text' && colFmt !== 'pct' ? s.rowFormats[ri] : colFmt;
        const nf = fmt && typeof v === 'number' ? NUM_FMT[fmt] : undefined;
        if (nf) cell.numFmt = nf;
        if (typeof v === 'string' && ci > 0 && colFmt !== 'text') cell.alignment = { horizontal: 'right' };
        if (ci > 0 && colFmt === 'text') cell.alignment = { horizontal: 'left', indent: 1 };
        if (s.name === 'Notes' && ci === 0) cell.alignment = { vertical: 'top' };
        if (s.name === 'Notes' && ci === 1) cell.alignment = { wrapText: true, vertical: 'top', horizontal: 'left', indent: 1 };
      });
      if (s.name === 'Notes') {
        // Spreadsheets do not grow a row for wrapped text they did not lay out themselves: size it here.
        const width = s.columns[1]?.width ?? 100;
        const lines = Math.max(1, Math.ceil(String(r[1] ?? '').length / (width * 0.95)));
        if (lines > 1) row.height = 15 * lines;
      }
      if (bold.has(ri)) row.font = { bold: true };
    });
  }
  const raw = new Uint8Array(await wb.xlsx.writeBuffer());
  const files = unzipSync(raw);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime: when, level: 6 }];
  return zipSync(zippable);
}
