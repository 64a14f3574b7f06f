/**
 * Reporting periods for the return: UK financial quarters (Q1 = April-June, the year
 * starting 1 April) and calendar months. Dates are local (Europe/London) 'YYYY-MM-DD',
 * inclusive at both ends, so a period never depends on the clock change.
 */
export interface Period {
  from: string;
  to: string;
  label: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function checkDate(d: string, what: string): void {
  const m = DATE.exec(d);
  const ok = m && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().slice(0, 10) === d;
  if (!ok) throw new Error(`${what} must be a date as YYYY-MM-DD (got "${d}").`);
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function quarterPeriod(startYear: number, q: number): Period {
  // Q1 = Apr-Jun of startYear ... Q4 = Jan-Mar of startYear + 1.
  const firstMonth = ((q - 1) * 3 + 3) % 12; // 0-based: 3, 6, 9, 0
  const y = q === 4 ? startYear + 1 : startYear;
  const lastMonth = firstMonth + 2;
  return {
    from: `${y}-${pad(firstMonth + 1)}-01`,
    to: `${y}-${pad(lastMonth + 1)}-${pad(lastDayOfMonth(y, lastMonth + 1))}`,
    label: `${startYear}-${pad((startYear + 1) % 100)} Q${q}`,
  };
}

/**
 * A financial quarter from its label: '2025-26 Q1', '2025-26Q1', '2025/26 Q1' or '2025Q1'
 * (the year the financial year starts in). 2025-26 Q1 = 1 April to 30 June 2025.
 */
export function financialQuarter(label: string): Period {
  const m = /^\s*(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?\s*Q([1-4])\s*$/i.exec(label);
  if (!m) {
    throw new Error(`"${label}" is not a financial quarter: write it as 2025-26 Q1 (Q1 = April-June, Q4 = January-March).`);
  }
  const start = Number(m[1]);
  if (m[2] !== undefined) {
    const end = Number(m[2]);
    const ok = m[2].length === 2 ? end === (start + 1) % 100 : end === start + 1;
    if (!ok) throw new Error(`"${label}": a financial year runs from one year into the next (e.g. 2025-26).`);
  }
  return quarterPeriod(start, Number(m[3]));
}

/** The financial quarter a local date falls in. */
export function quarterOf(date: string): Period {
  checkDate(date, 'Date');
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  const startYear = mo >= 4 ? y : y - 1;
  const q = mo >= 4 ? Math.floor((mo - 4) / 3) + 1 : 4;
  return quarterPeriod(startYear, q);
}

/** The calendar month 'YYYY-MM' of a local date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Calendar months 'YYYY-MM' that overlap [from, to], in order. */
export function monthsOf(from: string, to: string): string[] {
  checkDate(from, 'From');
  checkDate(to, 'To');
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  while (`${y}-${pad(m)}` <= end) {
    out.push(`${y}-${pad(m)}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The part of month 'YYYY-MM' inside [from, to] (null when they do not meet). */
export function monthWithin(month: string, from: string, to: string): { from: string; to: string } | null {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const a = `${month}-01`;
  const b = `${month}-${pad(lastDayOfMonth(y, m))}`;
  const lo = a > from ? a : from;
  const hi = b < to ? b : to;
  return lo <= hi ? { from: lo, to: hi } : null;
}

/** Every local date in [from, to]. */
export function datesOf(from: string, to: string): string[] {
  checkDate(from, 'From');
  checkDate(to, 'To');
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** ISO weekday 1 = Monday .. 7 = Sunday of a local date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The same dates a year earlier (29 February becomes 28 February). */
export function yearEarlier(from: string, to: string): { from: string; to: string } {
  const back = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    const m = Number(d.slice(5, 7));
    const day = Math.min(Number(d.slice(8, 10)), lastDayOfMonth(y, m));
    return `${y}-${d.slice(5, 7)}-${pad(day)}`;
  };
  return { from: back(from), to: back(to) };
}
