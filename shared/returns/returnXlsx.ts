import { writeXlsx } from '../export/xlsxWorkbook';
import type { QuarterlyReturn } from './quarterlyReturn';

/**
 * The return as an XLSX workbook, through the shared deterministic writer: regenerating from the
 * same project with the same generatedAt gives the same bytes.
 */
export async function returnXlsx(ret: QuarterlyReturn): Promise<Uint8Array> {
  return writeXlsx({
    title: ret.title,
    subtitle: ret.subtitle,
    creator: `Hotspot Planner ${ret.softwareVersion}`,
    generatedAt: ret.generatedAt,
    sheets: ret.sheets.map((s) => ({
      name: s.name,
      columns: s.columns,
      rows: s.rows,
      rowFormats: s.rowFormats,
      boldRows: s.boldRows,
      kind: s.name === 'Notes' ? 'notes' : 'table',
      subtitle: s.name === 'Notes' ? ret.subtitle : `${ret.subtitle}. Definitions: see the Notes sheet.`,
    })),
  });
}
