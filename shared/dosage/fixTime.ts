import { londonParts } from '../hotspots/temporalProfile';

/**
 * Timestamps of location fixes and patrol records.
 * - ISO 8601 with `Z` or an offset (+01:00, +0100, +01) is an instant.
 * - ISO without a zone (`2024-10-27T01:30:00`, `2024-10-27 01:30`) and `DD/MM/YYYY HH:MM[:SS]`
 *   are UK local time (Europe/London). A time in the hour skipped when the clocks go forward
 *   (01:00-01:59 on the last Sunday of March) does not exist and is rejected. A time in the
 *   repeated autumn hour (01:00-01:59 on the last Sunday of October) is read as the FIRST
 *   occurrence (BST, UTC+1) and flagged `ambiguous`, so a device whose clock then goes back
 *   can be resolved from its own fix order (see deviceVisits.resolveAutumnHour).
 * Parsing is by hand (no regex, no Date.parse) because it runs once per fix, tens of millions
 * of times.
 */
export interface ParsedTime {
  /** UTC epoch ms; NaN when `reason` is set. */
  utc: number;
  /** A no-zone time in the repeated autumn hour, read as its first (BST) occurrence. */
  ambiguous: boolean;
  /** Why the text is not a time, in words; null when it parsed. */
  reason: string | null;
}

export const LOCAL_TIME_NOTE =
  'Timestamps without a zone (no Z or +hh:mm) are UK local time (Europe/London): a time in the hour skipped when the clocks go forward is rejected; a time in the repeated autumn hour is read as its first (BST) occurrence unless the same device\'s fixes show the clock going back, then as the second (GMT).';

const HOUR = 3_600_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm; no Date object). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [y, m, d] of a day number from 1970-01-01. */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** UTC instants when British Summer Time starts and ends in year y (EU rule: 01:00 UTC on the last Sundays of March and October). */
const bstCache = new Map<number, [number, number]>();
export function bstBounds(y: number): [number, number] {
  let b = bstCache.get(y);
  if (!b) {
    const lastSunday = (month: number) => {
      const d = daysFromCivil(y, month, 31);
      const dow = (((d + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
      return (d - dow) * 86_400_000 + HOUR;
    };
    b = [lastSunday(3), lastSunday(10)];
    bstCache.set(y, b);
  }
  return b;
}

/** London's offset from UTC at instant t, ms (0 or 3,600,000). The EU rule from 1996; Intl before that. */
export function londonOffsetMs(t: number): number {
  const y = civilFromDays(Math.floor(t / 86_400_000))[0];
  if (y < 1996) return londonParts(t).offsetMs;
  const [s, e] = bstBounds(y);
  return t >= s && t < e ? HOUR : 0;
}

/** The local (Europe/London) date 'YYYY-MM-DD' of instant t, and the UTC bounds of that local day. */
export function londonDay(t: number): { date: string; startUtc: number; endUtc: number } {
  const dayNo = Math.floor((t + londonOffsetMs(t)) / 86_400_000);
  const [y, m, d] = civilFromDays(dayNo);
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const startUtc = wallToUtc(dayNo * 86_400_000, y).utc;
  const [y2] = civilFromDays(dayNo + 1);
  const endUtc = wallToUtc((dayNo + 1) * 86_400_000, y2).utc;
  return { date, startUtc, endUtc };
}

/**
 * London wall-clock ms (the wall time read as if UTC) to an instant. In the spring gap `gap`
 * is true and utc is the instant the clocks jumped; in the autumn overlap the first (BST)
 * reading is returned with `ambiguous`.
 */
export function wallToUtc(wall: number, year: number): { utc: number; gap: boolean; ambiguous: boolean } {
  if (year < 1996) {
    let t = wall - londonParts(wall).offsetMs;
    const again = wall - londonParts(t).offsetMs;
    if (again !== t && londonParts(again).offsetMs === wall - again) t = again;
    return { utc: t, gap: false, ambiguous: false };
  }
  const [s, e] = bstBounds(year);
  if (wall < s) return { utc: wall, gap: false, ambiguous: false };
  if (wall < s + HOUR) return { utc: s, gap: true, ambiguous: false };
  if (wall < e) return { utc: wall - HOUR, gap: false, ambiguous: false };
  if (wall < e + HOUR) return { utc: wall - HOUR, gap: false, ambiguous: true };
  return { utc: wall, gap: false, ambiguous: false };
}

function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const EXPECTED = 'expected a date and time such as 2024-10-27T01:30:00Z, 2024-10-27 01:30:00 (UK local) or 27/10/2024 01:30';

function fail(out: ParsedTime, reason: string): ParsedTime {
  out.utc = NaN;
  out.ambiguous = false;
  out.reason = reason;
  return out;
}

/** A reason quoting the offending text: built only when a row is rejected. */
function failText(out: ParsedTime, s: string, from: number, to: number, what: string): ParsedTime {
  return fail(out, `"${s.slice(from, to)}" ${what}`);
}

/** Parses one timestamp into `out` (reused across rows to avoid an allocation per fix). */
export function parseFixTime(text: string, out: ParsedTime = { utc: NaN, ambiguous: false, reason: null }): ParsedTime {
  return parseFixTimeIn(text, 0, text.length, out);
}

/** parseFixTime over text.slice(from, to) without making the slice (the fast import path). */
export function parseFixTimeIn(s: string, from: number, to: number, out: ParsedTime): ParsedTime {
  while (from < to && s.charCodeAt(from) <= 32) from++;
  while (to > from && s.charCodeAt(to - 1) <= 32) to--;
  if (from === to) return fail(out, 'no timestamp');
  const b = from;
  let y: number, mo: number, d: number;
  if (s.charCodeAt(b + 4) === 45 /* - */ && s.charCodeAt(b + 7) === 45 && to - b >= 10) {
    y = digits(s, b, 4); mo = digits(s, b + 5, 2); d = digits(s, b + 8, 2);
  } else if (s.charCodeAt(b + 2) === 47 /* / */ && s.charCodeAt(b + 5) === 47 && to - b >= 10) {
    d = digits(s, b, 2); mo = digits(s, b + 3, 2); y = digits(s, b + 6, 4);
  } else {
    return failText(out, s, from, to, `is not a date and time: ${EXPECTED}`);
  }
  let i = b + 10;
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return failText(out, s, from, to, `is not a valid date: ${EXPECTED}`);
  const dim = mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1]!;
  if (d > dim) return failText(out, s, from, to, `is not a valid date (day ${d} of a ${dim}-day month)`);
  const sep = s.charCodeAt(i);
  if (i >= to || (sep !== 84 /* T */ && sep !== 32 && sep !== 116 /* t */)) return failText(out, s, from, to, `has no time of day: ${EXPECTED}`);
  i++;
  const h = i + 5 <= to ? digits(s, i, 2) : -1;
  const mi = h >= 0 && s.charCodeAt(i + 2) === 58 ? digits(s, i + 3, 2) : -1;
  if (h < 0 || mi < 0 || h > 23 || mi > 59) return failText(out, s, from, to, `has no valid time of day (HH:MM): ${EXPECTED}`);
  i += 5;
  let sec = 0, ms = 0;
  if (i < to && s.charCodeAt(i) === 58) {
    sec = i + 3 <= to ? digits(s, i + 1, 2) : -1;
    if (sec < 0 || sec > 59) return failText(out, s, from, to, `has invalid seconds: ${EXPECTED}`);
    i += 3;
    if (i < to && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44)) {
      // Fraction of a second: keep milliseconds, ignore finer digits.
      i++;
      let scale = 100, n = 0;
      while (i < to) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        ms += c * scale; scale /= 10; i++; n++;
      }
      if (n === 0) return failText(out, s, from, to, 'has a decimal point but no fraction of a second');
      ms = Math.floor(ms);
    }
  }
  const wall = daysFromCivil(y, mo, d) * 86_400_000 + h * HOUR + mi * 60_000 + sec * 1000 + ms;
  if (i === to) {
    const r = wallToUtc(wall, y);
    if (r.gap) {
      return failText(out, s, from, to, 'does not exist in UK local time: the clocks went forward from 01:00 to 02:00 that night (give the time with Z or an offset)');
    }
    out.utc = r.utc; out.ambiguous = r.ambiguous; out.reason = null;
    return out;
  }
  const z = s.charCodeAt(i);
  if ((z === 90 || z === 122) && i + 1 === to) {
    out.utc = wall; out.ambiguous = false; out.reason = null;
    return out;
  }
  if (z === 43 || z === 45) {
    const oh = i + 3 <= to ? digits(s, i + 1, 2) : -1;
    let om = 0, end = i + 3;
    if (end < to && s.charCodeAt(end) === 58) { om = end + 3 <= to ? digits(s, end + 1, 2) : -1; end += 3; }
    else if (end < to) { om = end + 2 <= to ? digits(s, end, 2) : -1; end += 2; }
    if (oh < 0 || om < 0 || oh > 18 || om > 59 || end !== to) return failText(out, s, from, to, 'has an invalid UTC offset (expected Z, +hh:mm or -hh:mm)');
    const off = (oh * 60 + om) * 60_000 * (z === 43 ? 1 : -1);
    out.utc = wall - off; out.ambiguous = false; out.reason = null;
    return out;
  }
  return failText(out, s, from, to, `has unexpected text after the time: ${EXPECTED}`);
}
