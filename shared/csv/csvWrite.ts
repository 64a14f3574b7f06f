/**
 * RFC 4180 CSV with optional leading `# ` method lines (spreadsheets show them as text in
 * the first rows; pandas/R read them with comment='#'). CRLF line ends, as Excel expects.
 */
export type Cell = string | number | null | undefined;

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v;
  // Leading = + - @ would run as a formula in Excel: prefix with ' (OWASP CSV injection advice).
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v !== 'number' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Cell[][], methodLines: string[] = []): string {
  const lines = methodLines.map((l) => `# ${l}`);
  lines.push(header.map(csvCell).join(','));
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
