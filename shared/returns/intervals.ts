/**
 * Interval arithmetic for dosage (DOMAIN.md "Dosage from location data"). Intervals are
 * [start, end] in UTC epoch ms. Two intervals that overlap or touch are one patrol: two
 * officers at a hotspot together count once towards patrol-minutes.
 */
export interface Interval {
  start: number;
  end: number;
}

/** The union of the intervals as disjoint intervals in time order. */
export function mergeIntervals<T extends Interval>(items: readonly T[]): { start: number; end: number; members: T[] }[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number; members: T[] }[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && it.start <= last.end) {
      last.end = Math.max(last.end, it.end);
      last.members.push(it);
    } else {
      out.push({ start: it.start, end: it.end, members: [it] });
    }
  }
  return out;
}

export function totalLength(items: readonly Interval[]): number {
  return items.reduce((s, i) => s + (i.end - i.start), 0);
}
