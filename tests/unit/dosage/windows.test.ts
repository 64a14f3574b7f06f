import { describe, expect, it } from 'vitest';
import { FixTrack, resolveAutumnHour, sortTrack, windowIntervals } from '../../../shared/dosage/deviceVisits';

const utc = (s: string) => Date.parse(s);
const iso = (t: number) => new Date(t).toISOString().slice(0, 16);

describe('windowIntervals', () => {
  it('places Fri-Sat 18:00-02:00 windows in UTC across the October clock change', () => {
    // Friday 25 and Saturday 26 October 2024; the clocks go back at 02:00 BST on Sunday 27.
    const w = windowIntervals([{ weekdays: [5, 6], start: '18:00', end: '02:00' }], utc('2024-10-24T00:00Z'), utc('2024-10-28T00:00Z'));
    expect([...w].map(iso)).toEqual([
      '2024-10-25T17:00', '2024-10-26T01:00', // Fri 18:00 BST - Sat 02:00 BST
      '2024-10-26T17:00', '2024-10-27T02:00', // Sat 18:00 BST - Sun 02:00 GMT: 9 hours long
    ]);
  });

  it('merges overlapping windows', () => {
    const w = windowIntervals(
      [{ weekdays: [1], start: '08:00', end: '12:00' }, { weekdays: [1], start: '11:00', end: '13:00' }],
      utc('2024-01-01T00:00Z'), utc('2024-01-02T00:00Z'),
    );
    expect([...w].map(iso)).toEqual(['2024-01-01T08:00', '2024-01-01T13:00']);
  });
});

describe('track order', () => {
  it('sorts a nearly ordered track stably', () => {
    const t = new FixTrack('R1');
    for (const [time, set] of [[3, 0], [1, 1], [2, 2], [2, 3], [5, 4], [4, 5]] as const) t.push(time, set);
    sortTrack(t);
    expect([...t.t.subarray(0, t.n)]).toEqual([1, 2, 2, 3, 4, 5]);
    expect([...t.set.subarray(0, t.n)]).toEqual([1, 2, 3, 0, 5, 4]);
  });

  it('reads the repeated autumn hour as GMT once a device\'s clock goes back', () => {
    const t = new FixTrack('R1');
    const bst = (m: number) => utc('2024-10-27T00:00Z') + m * 60_000; // 01:mm local read as BST
    for (const m of [50, 55]) t.push(bst(m), -1, true);
    for (const m of [0, 5]) t.push(bst(m), -1, true); // the clock went back
    expect(resolveAutumnHour(t)).toBe(2);
    expect([...t.t.subarray(0, t.n)].map(iso)).toEqual(['2024-10-27T00:50', '2024-10-27T00:55', '2024-10-27T01:00', '2024-10-27T01:05']);
  });
});
