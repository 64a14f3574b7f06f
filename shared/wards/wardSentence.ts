import { describePeriod } from './periodChange';
import type { WardRow, WardTableMethod } from './wardHarmTable';

export interface TypeFigures {
  type: string;
  count: number;
  harm: number;
}

const lower = (t: string) => (/^[A-Z][a-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t);

/**
 * The plain sentence a district lead reads first: "Harm up 12% on the previous 12 months, driven
 * by robbery", or why there is no change to give ("No data for the previous period ...").
 * The driver is the crime type whose harm moved most in the direction of the total.
 */
export function wardChangeSentence(row: WardRow, m: WardTableMethod, current: TypeFigures[], previous: TypeFigures[] | null): string {
  const n = Number(/\((\d+) months?\)$/.exec(describePeriod(m.periods.previous))?.[1] ?? 0);
  const months = n === 1 ? 'month' : `${n} months`;
  const what = m.schemeId === 'count' ? 'Crime' : 'Harm';
  const c = row.previous;
  if (row.noData) return `No figures: ${row.noData}.`;
  if (c.base === null) return `No data for the previous period, ${describePeriod(m.periods.previous).replace(/ \(\d+ months?\)$/, '')}, so no change can be given.`;
  if (c.harmChange === null) return `No change given: ${c.note ?? 'the periods are not comparable'}.`;
  const total = m.schemeId === 'count' ? row.count : row.harm;
  const base = m.schemeId === 'count' ? c.base.count : c.base.harm;
  const pct = m.schemeId === 'count' ? c.countPct.value : c.harmPct.value;
  const change = total - base;
  if (change === 0) return `${what} unchanged on the previous ${months}.`;
  const prev = new Map((previous ?? []).map((t) => [t.type, m.schemeId === 'count' ? t.count : t.harm]));
  const deltas = new Map<string, number>();
  for (const t of current) deltas.set(t.type, (m.schemeId === 'count' ? t.count : t.harm) - (prev.get(t.type) ?? 0));
  for (const [t, v] of prev) if (!deltas.has(t)) deltas.set(t, -v);
  const driver = [...deltas.entries()].filter(([, d]) => Math.sign(d) === Math.sign(change)).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))[0];
  const drivenBy = driver ? `, driven by ${lower(driver[0])}` : '';
  if (pct === null) return `${what} where the previous ${months} had none${drivenBy}.`;
  const by = `${Math.abs(pct) < 1 ? Math.abs(pct).toFixed(1) : Math.round(Math.abs(pct))}%`;
  return `${what} ${change > 0 ? 'up' : 'down'} ${by} on the previous ${months}${drivenBy}.`;
}
