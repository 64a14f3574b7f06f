import { describe, expect, it } from 'vitest';
import { parseLondonTime, temporalProfile } from '../../../shared/hotspots/temporalProfile';

const SUN = 6, MON = 0, FRI = 4;
const at = (w: Float64Array, day: number, hour: number) => w[day * 24 + hour]!;

describe('aoristic temporal profile in UK local time', () => {
  it('handles the spring clock change (no 01h on 28 Mar 2021)', () => {
    // 00:30 GMT -> 03:30 BST is two real hours (00:30Z-02:30Z): it touches real hours 00Z, 01Z, 02Z,
    // which London labels 00h, 02h and 03h. Each gets 1/3.
    const t = temporalProfile(['2021-03-28T00:30'], ['2021-03-28T03:30'], [1]);
    expect(at(t.weights, SUN, 0)).toBeCloseTo(1 / 3, 15);
    expect(at(t.weights, SUN, 1)).toBe(0);
    expect(at(t.weights, SUN, 2)).toBeCloseTo(1 / 3, 15);
    expect(at(t.weights, SUN, 3)).toBeCloseTo(1 / 3, 15);
  });

  it('handles the autumn clock change (01h happens twice on 31 Oct 2021)', () => {
    // 00:30 BST (23:30Z) to 01:30 GMT (01:30Z): real hours 23Z, 00Z, 01Z -> London 00h, 01h, 01h.
    const t = temporalProfile(['2021-10-31T00:30+01:00'], ['2021-10-31T01:30Z'], [3]);
    expect(at(t.weights, SUN, 0)).toBeCloseTo(1, 15);
    expect(at(t.weights, SUN, 1)).toBeCloseTo(2, 15);
  });

  it('spreads date-only windows over the day, keeps point events whole and counts what it skips', () => {
    const t = temporalProfile(
      ['2024-01-01', '2024-07-05T14:10', null, '2024-02-02T10:00'],
      [null, null, null, '2024-02-01T10:00'],
      [24, 5, 1, 1],
    );
    for (let h = 0; h < 24; h++) expect(at(t.weights, MON, h)).toBeCloseTo(1, 14);
    expect(at(t.weights, FRI, 14)).toBe(5); // 14:10 BST on Friday 5 July
    expect(t.recordsUsed).toBe(2);
    expect(t.recordsWithoutTime).toBe(1);
    expect(t.recordsInvalidWindow).toBe(1);
    expect(t.weights.reduce((s, v) => s + v, 0)).toBeCloseTo(29, 12);
  });

  it('reads wall-clock times as London time', () => {
    expect(parseLondonTime('2024-07-05T14:10')).toBe(Date.UTC(2024, 6, 5, 13, 10));
    expect(parseLondonTime('2024-01-05 14:10:00')).toBe(Date.UTC(2024, 0, 5, 14, 10));
  });
});
