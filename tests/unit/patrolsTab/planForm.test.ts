import { describe, expect, it } from 'vitest';
import { defaultPeriod, describeWindow, monthBounds, quartersOf, requestOf, defaultForm, shortName } from '../../../renderer/ui/patrols/planForm';
import { DEFAULT_CHOICE, DEFAULT_DOSAGE } from '../../../shared/patrols/buildPlan';

describe('Patrols tab form helpers', () => {
  it('defaults the patrol period to the three calendar months after the latest month with crimes', () => {
    expect(defaultPeriod('2018-05')).toEqual({ from: '2018-06-01', to: '2018-08-31' });
    expect(defaultPeriod('2025-11')).toEqual({ from: '2025-12-01', to: '2026-02-28' });
    expect(defaultPeriod('2023-10')).toEqual({ from: '2023-11-01', to: '2024-01-31' });
  });

  it('describes windows in weekday runs and says when one ends the next day', () => {
    expect(describeWindow({ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '10:00', end: '02:00' })).toBe('Mon-Sun 10:00-02:00 (ends next day)');
    expect(describeWindow({ weekdays: [6, 5, 1], start: '18:00', end: '23:30' })).toBe('Mon, Fri-Sat 18:00-23:30');
    expect(describeWindow({ weekdays: [], start: '09:00', end: '17:00' })).toBe('no days 09:00-17:00');
  });

  it('finds month bounds, leap years included', () => {
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthBounds('2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(monthBounds('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('lists the financial quarters (Q1 = April-June) a plan period overlaps', () => {
    expect(quartersOf('2018-06-01', '2018-08-31').map((q) => q.label)).toEqual(['2018-19 Q1', '2018-19 Q2']);
    const q = quartersOf('2026-01-15', '2026-04-02');
    expect(q.map((x) => [x.label, x.from, x.to])).toEqual([
      ['2025-26 Q4', '2026-01-01', '2026-03-31'],
      ['2026-27 Q1', '2026-04-01', '2026-06-30'],
    ]);
  });

  it('sends blank basis months and category set as "use the default"', () => {
    const f = defaultForm(DEFAULT_CHOICE, DEFAULT_DOSAGE, '2018-05');
    const r = requestOf({ ...f, name: '  ' });
    expect(r.basisFrom).toBeUndefined();
    expect(r.basisTo).toBeUndefined();
    expect(r.categorySetId).toBeUndefined();
    expect(r.name).toBe('Hotspot patrols 2018-06-01 to 2018-08-31');
    expect(r.choice?.count).toBe(10);
    expect(shortName('On or near Carr Lane')).toBe('Carr Lane');
  });
});
