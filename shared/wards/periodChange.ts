/**
 * Change between two periods as district leads report it. % change is undefined when the
 * base is 0: we return null with a note that says so ("n/a: base is 0" / "n/a: 0 to 0"),
 * never Infinity or NaN.
 */
export interface PctChange {
  value: number | null;
  /** Text for tables: the % rounded to 1 decimal, or why there is none. */
  text: string;
}

export function pctChange(current: number, base: number): PctChange {
  if (base === 0) {
    return { value: null, text: current === 0 ? 'n/a: 0 to 0' : 'n/a: base is 0' };
  }
  const value = ((current - base) / base) * 100;
  return { value, text: `${value >= 0 ? '+' : ''}${value.toFixed(1)}%` };
}

export interface PeriodFigures {
  count: number;
  harm: number;
}

export interface Comparison {
  /** The comparison period's figures; null when it has no data (never shown as 0). */
  base: PeriodFigures | null;
  countChange: number | null;
  harmChange: number | null;
  countPct: PctChange;
  harmPct: PctChange;
  /** Why a figure is blank ("no data for the previous period ...", "n/a: base is 0"); null when all are given. */
  note: string | null;
}

export function compare(current: PeriodFigures, base: PeriodFigures): Comparison {
  const countPct = pctChange(current.count, base.count);
  const harmPct = pctChange(current.harm, base.harm);
  const note = harmPct.value === null ? `harm % change ${harmPct.text}` : countPct.value === null ? `count % change ${countPct.text}` : null;
  return {
    base, countChange: current.count - base.count, harmChange: current.harm - base.harm, countPct, harmPct, note,
  };
}

/**
 * A comparison that cannot be made: the period has no data (base null), or its data covers a
 * different number of months than the current period (base kept, no change: not like for like).
 */
export function noComparison(text: 'no data' | 'not comparable', note: string, base: PeriodFigures | null = null): Comparison {
  const none = { value: null, text };
  return { base, countChange: null, harmChange: null, countPct: none, harmPct: none, note };
}

export interface Period {
  from: string;
  to: string;
}

/** "Jun 2017 to May 2018 (12 months)". */
export function describePeriod(p: Period): string {
  const name = (m: string) =>
    `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
  const months = (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 + Number(p.to.slice(5, 7)) - Number(p.from.slice(5, 7)) + 1;
  return `${name(p.from)} to ${name(p.to)} (${months} month${months === 1 ? '' : 's'})`;
}

/** Parses "YYYY-MM:YYYY-MM". */
export function parsePeriod(s: string): Period {
  const m = /^(\d{4}-(?:0[1-9]|1[0-2])):(\d{4}-(?:0[1-9]|1[0-2]))$/.exec(s.trim());
  if (!m) throw new Error(`A period must be written YYYY-MM:YYYY-MM (got "${s}").`);
  if (m[1]! > m[2]!) throw new Error(`Period ${s} ends before it starts.`);
  return { from: m[1]!, to: m[2]! };
}
