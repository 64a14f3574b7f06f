/**
 * Months and dates as analysts' files really hold them: police.uk's YYYY-MM, and what Excel
 * turns it into after a round trip on a UK machine (Feb-25, 01/02/2025 day-first, 2025-02-01).
 * Two-digit years are 20yy: police.uk data starts in 2010.
 */
const MONTH_NAMES: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function ym(year: number, month: number): string | null {
  if (!(month >= 1 && month <= 12) || !(year >= 1900 && year <= 2199)) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function monthName(s: string): number | undefined {
  const k = s.toLowerCase();
  return MONTH_NAMES[k] ?? MONTH_NAMES[k.slice(0, 3)];
}

/** A month as YYYY-MM, or null when the text is not a month we can read unambiguously. */
export function parseMonth(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(s);
  if (m) return ym(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/.exec(s);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3])) ? ym(Number(m[1]), Number(m[2])) : null;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T][\d:.]+)?$/.exec(s);
  if (m) {
    const y = fullYear(m[3]!);
    return validDay(y, Number(m[2]), Number(m[1])) ? ym(y, Number(m[2])) : null;
  }
  m = /^([A-Za-z]{3,9})[- ](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const mo = monthName(m[1]!);
    return mo ? ym(fullYear(m[2]!), mo) : null;
  }
  return null;
}

function validDay(y: number, m: number, d: number): boolean {
  if (!(m >= 1 && m <= 12) || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date or date-time as local ISO text (YYYY-MM-DDTHH:MM:SS, UK local time as written),
 * from ISO or UK day-first forms. Returns null when unreadable.
 */
export function parseDateTime(text: string): string | null {
  const s = text.trim();
  let y: number, mo: number, d: number;
  let rest: string | undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](.*))?$/.exec(s);
  if (m) {
    [y, mo, d, rest] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4]];
  } else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T](.*))?$/.exec(s))) {
    [y, mo, d, rest] = [fullYear(m[3]!), Number(m[2]), Number(m[1]), m[4]];
  } else {
    return null;
  }
  if (!validDay(y, mo, d)) return null;
  let hh = 0, mi = 0, ss = 0;
  if (rest !== undefined && rest.trim() !== '') {
    const t = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?$/.exec(rest.trim());
    if (!t) return null;
    [hh, mi, ss] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
    if (hh > 23 || mi > 59 || ss > 59) return null;
  }
  return `${y}-${pad(mo)}-${pad(d)}T${pad(hh)}:${pad(mi)}:${pad(ss)}`;
}

const londonMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' });

/**
 * The UK local month of an instant with an explicit offset (police.uk stop-and-search dates
 * are UTC: 2021-07-31T23:40Z is 00:40 on 1 August in London, so it belongs to August).
 */
export function londonMonthOf(isoInstant: string): string | null {
  const t = Date.parse(isoInstant);
  if (Number.isNaN(t)) return null;
  const parts = londonMonth.formatToParts(new Date(t));
  const y = parts.find((p) => p.type === 'year')?.value;
  const m = parts.find((p) => p.type === 'month')?.value;
  return y && m ? `${y}-${m}` : null;
}

/** Counts as written in spreadsheets: "1,234" and " 1234 " are 1234; anything else non-numeric is null. */
export function parseCount(text: string): number | null {
  let s = text.trim();
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}
