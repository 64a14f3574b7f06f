import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** How a column's numbers are shown in Excel; the cell keeps the full value. */
export type XlsxFormat = 'text' | 'int' | 'number' | 'number2' | 'hours' | 'pct' | 'pct1' | 'general';

export interface XlsxColumn {
  header: string;
  format: XlsxFormat;
  width: number;
}

export type XlsxCell = string | number | null | undefined;

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: XlsxCell[][];
  /** The italic line under the title; default: the book's subtitle. */
  subtitle?: string;
  /** 'notes': a two-column label / text sheet whose text wraps and whose rows grow to fit. */
  kind?: 'table' | 'notes';
  /** Measure-per-row tables: the format of each row's numbers (columns of kind text/pct keep theirs). */
  rowFormats?: XlsxFormat[];
  boldRows?: number[];
}

export interface XlsxBook {
  title: string;
  subtitle: string;
  creator: string;
  /** ISO time stamped on the workbook and on every zip entry (same input, same bytes). */
  generatedAt: string;
  sheets: XlsxSheet[];
}

const NUM_FMT: Record<XlsxFormat, string | undefined> = {
  text: undefined,
  general: undefined,
  int: '#,##0',
  number: '#,##0.0',
  number2: '#,##0.00',
  hours: '#,##0.0',
  pct: '0"%"',
  pct1: '0.0"%"',
};

/** Title in row 1, subtitle in row 2, headers in row 3 (frozen), data from row 4. */
export const XLSX_HEADER_ROW = 3;

/**
 * A workbook of titled tables. Deterministic: the workbook's dates and every zip entry's
 * timestamp come from `generatedAt`, so the same input gives the same bytes (exceljs stamps zip
 * entries with the current time, so the archive is rewritten with fflate using one fixed time).
 */
export async function writeXlsx(book: XlsxBook): Promise<Uint8Array> {
  const when = new Date(book.generatedAt);
  const wb = new ExcelJS.Workbook();
  wb.creator = book.creator;
  wb.lastModifiedBy = book.creator;
  wb.created = when;
  wb.modified = when;
  wb.lastPrinted = when;
  wb.title = book.title;
  const H = XLSX_HEADER_ROW;
  for (const s of book.sheets) {
    const notes = s.kind === 'notes';
    const ws = wb.addWorksheet(s.name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: H, topLeftCell: `A${H + 1}`, activeCell: `A${H + 1}` }],
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    });
    ws.columns = s.columns.map((c) => ({ width: c.width }));
    const title = ws.getRow(1);
    title.getCell(1).value = book.title;
    title.font = { bold: true, size: 14 };
    ws.getRow(2).getCell(1).value = s.subtitle ?? book.subtitle;
    ws.getRow(2).font = { italic: true, color: { argb: 'FF555555' } };
    const header = ws.getRow(H);
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
      const row = ws.getRow(H + 1 + ri);
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
        if (notes && ci === 0) cell.alignment = { vertical: 'top' };
        if (notes && ci === 1) cell.alignment = { wrapText: true, vertical: 'top', horizontal: 'left', indent: 1 };
      });
      if (notes) {
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

/** A Method sheet from `# ` style method lines and warnings: one "what / how" row each. */
export function methodSheet(methodLines: string[], warnings: string[], extra: [string, string][] = []): XlsxSheet {
  const rows: XlsxCell[][] = [];
  for (const l of methodLines) {
    const k = l.indexOf(': ');
    rows.push(k > 0 && k < 40 ? [l.slice(0, k), l.slice(k + 2)] : ['', l]);
  }
  for (const w of warnings) rows.push(['warning', w]);
  for (const e of extra) rows.push(e);
  return { name: 'Method', kind: 'notes', columns: [{ header: 'Item', format: 'text', width: 26 }, { header: 'How it was made', format: 'text', width: 110 }], rows };
}
