/**
 * Months are stored as one integer, year * 12 + (month - 1): 2 bytes instead of a 7-character
 * text, and still in calendar order. The readable views turn them back into 'YYYY-MM'.
 */
export function monthCode(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthText(code: number): string {
  const y = Math.floor(code / 12), m = (code % 12) + 1;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}

/** The same conversion in SQL, for migrations and triggers (m is a 'YYYY-MM' expression). */
export const monthCodeSql = (m: string): string => `(CAST(substr(${m}, 1, 4) AS INTEGER) * 12 + CAST(substr(${m}, 6, 2) AS INTEGER) - 1)`;
export const monthTextSql = (c: string): string => `printf('%04d-%02d', ${c} / 12, ${c} % 12 + 1)`;
