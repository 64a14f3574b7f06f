/**
 * Hour x weekday profile in UK local time (Europe/London), aoristic when records carry a
 * committed-from/to window (Ratcliffe 2002): each record's weight is shared EQUALLY among
 * the clock hours its window touches (a 22:30-01:10 window gives 1/4 to each of 22, 23, 00
 * and 01h), so a record always adds exactly its weight. A record with only a start time (or
 * from = to) puts all its weight in that hour.
 *
 * Clock changes: we step through real (UTC) hours and label each with its London wall-clock
 * weekday and hour through Intl.DateTimeFormat, so the spring-forward night has no 01h slot
 * and the autumn night has two. Times with a Z or +hh:mm offset are instants; times without
 * are London wall-clock time (a time in the repeated autumn hour is read as the second, GMT, occurrence; one in the skipped spring hour as GMT).
 * Date-only values cover the whole day. Windows over 366 days, or ending before they start,
 * are left out and counted.
 */
export interface TemporalProfile {
  /** weights[weekday * 24 + hour], weekday 0 = Monday ... 6 = Sunday, hour 0-23 local. */
  weights: Float64Array;
  recordsUsed: number;
  recordsWithoutTime: number;
  recordsInvalidWindow: number;
  method: string;
}

export const TEMPORAL_METHOD =
  'aoristic hour x weekday in UK local time (Europe/London, clock changes handled): each record shared equally over the hours its committed from-to window touches';

const HOUR = 3_600_000;
const MAX_HOURS = 366 * 24;
const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

let formatter: Intl.DateTimeFormat | undefined;
function londonFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  return formatter;
}

interface LondonParts { weekday: number; hour: number; offsetMs: number }

const slotCache = new Map<number, LondonParts>();
/** London weekday, hour and UTC offset of the instant t (ms). */
export function londonParts(t: number): LondonParts {
  const slot = Math.floor(t / HOUR);
  const hit = t % HOUR === 0 ? slotCache.get(slot) : undefined;
  if (hit) return hit;
  const parts = londonFormatter().formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const wall = Date.UTC(Number(get('year')), Number(get('month')) - 1, Number(get('day')), Number(get('hour')), Number(get('minute')));
  const res = { weekday: WEEKDAYS[get('weekday')] ?? 0, hour: Number(get('hour')), offsetMs: wall - Math.floor(t / 60000) * 60000 };
  if (t % HOUR === 0) slotCache.set(slot, res);
  return res;
}

/** Parses an ISO date-time to an instant; wall-clock values are read as London time. */
export function parseLondonTime(s: string, endOfDay = false): number {
  const v = s.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const wallTime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(v);
  let y: number, mo: number, d: number, h = 0, mi = 0, se = 0;
  if (dateOnly) {
    [y, mo, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    if (endOfDay) d += 1;
  } else if (wallTime) {
    [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((k) => Number(wallTime[k])) as [number, number, number, number, number];
    se = Number(wallTime[6] ?? 0);
  } else {
    return Date.parse(v); // has Z or an offset (or is invalid: NaN)
  }
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, se);
  // London is UTC+0 or UTC+1: try the offset at the guess, then re-check it.
  let t = asUtc - londonParts(asUtc).offsetMs;
  const again = asUtc - londonParts(t).offsetMs;
  if (again !== t && londonParts(again).offsetMs === asUtc - again) t = again;
  return t;
}

export function temporalProfile(
  from: (string | null)[],
  to: (string | null)[],
  weight: ArrayLike<number>,
): TemporalProfile {
  const weights = new Float64Array(7 * 24);
  let used = 0, noTime = 0, invalid = 0;
  for (let r = 0; r < from.length; r++) {
    const f = from[r];
    if (!f) { noTime++; continue; }
    const t0 = parseLondonTime(f);
    const tRaw = to[r];
    const t1 = tRaw ? parseLondonTime(tRaw, true) : /^\d{4}-\d{2}-\d{2}$/.test(f.trim()) ? parseLondonTime(f, true) : t0;
    if (Number.isNaN(t0) || Number.isNaN(t1) || t1 < t0 || t1 - t0 > MAX_HOURS * HOUR) { invalid++; continue; }
    const first = Math.floor(t0 / HOUR);
    const last = t1 > t0 ? Math.ceil(t1 / HOUR) - 1 : first;
    const share = (weight[r] ?? 0) / (last - first + 1);
    for (let s = first; s <= last; s++) {
      const p = londonParts(s * HOUR);
      weights[p.weekday * 24 + p.hour]! += share;
    }
    used++;
  }
  return { weights, recordsUsed: used, recordsWithoutTime: noTime, recordsInvalidWindow: invalid, method: TEMPORAL_METHOD };
}
