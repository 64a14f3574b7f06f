import { toCsv } from '../csv/csvWrite';
import type { QuarterlyReturn } from './quarterlyReturn';

/**
 * The return as CSVs, one per sheet (file name -> text), each led by the return's method as
 * `# ` lines so a CSV taken on its own still says how its numbers were made.
 */
export function returnCsvs(ret: QuarterlyReturn): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of ret.sheets) {
    const lines = s.name === 'Notes' ? [ret.title, `generated ${ret.generatedAt}`] : [...ret.method, `sheet: ${s.name}`, `generated ${ret.generatedAt}`];
    out[s.fileName] = toCsv(s.columns.map((c) => c.key), s.rows, lines);
  }
  return out;
}
