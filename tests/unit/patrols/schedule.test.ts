import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSAGE } from '../../../shared/patrols/planDefaults';
import { planScheduleCsv } from '../../../shared/patrols/planExports';
import { addDays, buildSchedule, windowIntervals } from '../../../shared/patrols/schedule';
import type { DosageSettings, PatrolPlan, PlanHotspot, ScheduledVisit } from '../../../shared/patrols/types';

const MIN = 60_000;

function hotspot(k: number, district: string): PlanHotspot {
  const sq = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
  return {
    id: `H${k}`, rank: k, name: `Place ${k}`, cellIds: [`H${k}`], wardCode: 'W', wardName: 'Ward', districtCode: district, districtName: district,
    count: 1, harm: 1, giZ: null, geometry: sq, bngGeometry: sq, centre: { lon: 0, lat: 0, e: 0, n: 0 }, chosenBy: 'rank',
  };
}

function plan(n: number, dosage: Partial<DosageSettings>, from: string, to: string, seed = 42): PatrolPlan {
  return {
    id: 'P', name: 'P', createdAt: '2026-01-01T00:00:00.000Z', from, to, basisFrom: '2025-01', basisTo: '2025-12',
    schemeId: 'count', schemeLabel: 'count', categorySetId: null, categorySetLabel: null, cellSize: 150, cellShape: 'square',
    choice: { unit: 'cell', count: n, minGiConfidence: 95, perDistrict: { mode: 'none' }, minSeparation: 0, mergeTouching: false, handAdded: [], handRemoved: [] },
    dosage: { ...DEFAULT_DOSAGE, ...dosage }, seed,
    hotspots: Array.from({ length: n }, (_, k) => hotspot(k + 1, k % 2 ? 'South' : 'North')),
    method: ['plan id: P'], warnings: [],
  };
}

const localMinutes = (v: ScheduledVisit) => Number(v.start.slice(0, 2)) * 60 + Number(v.start.slice(3, 5));
const groupBy = <T,>(xs: T[], key: (x: T) => string) => xs.reduce((m, x) => m.set(key(x), [...(m.get(key(x)) ?? []), x]), new Map<string, T[]>());

describe('buildSchedule', () => {
  it('is the same byte for byte with the same seed, and differs with another', () => {
    const p = plan(6, { visitsPerDay: 2, teams: ['A', 'B'] }, '2026-01-05', '2026-01-18');
    const a = buildSchedule(p), b = buildSchedule(structuredClone(p));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(planScheduleCsv(p, b)).toBe(planScheduleCsv(p, a));
    expect(JSON.stringify(buildSchedule({ ...p, seed: 43 }).visits)).not.toBe(JSON.stringify(a.visits));
  });

  it('puts every visit inside the default 10:00-02:00 window, each hotspot once a day, and states the target', () => {
    const p = plan(5, {}, '2026-02-02', '2026-02-08');
    const s = buildSchedule(p);
    expect(s.shortfalls).toEqual([]);
    expect(s.visits).toHaveLength(35);
    for (const v of s.visits) {
      const m = localMinutes(v);
      expect(m >= 600 || m + 15 <= 120, `${v.date} ${v.start}`).toBe(true);
      expect(m % 5).toBe(0);
    }
    expect(s.target).toEqual({
      minutesPerHotspot: { H1: 105, H2: 105, H3: 105, H4: 105, H5: 105 }, totalMinutes: 525, totalHours: 8.75, plannedVisits: 35,
    });
  });

  it('keeps visits to one hotspot 60 minutes apart and a team never in two places at once', () => {
    const p = plan(4, { visitsPerDay: 3, teams: ['A', 'B'], windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '12:00', end: '20:00' }] }, '2026-05-04', '2026-05-10');
    const s = buildSchedule(p);
    expect(s.shortfalls).toEqual([]);
    expect(s.visits).toHaveLength(4 * 3 * 7);
    for (const vs of groupBy(s.visits, (v) => `${v.hotspotId}|${v.date}`).values()) {
      expect(vs).toHaveLength(3);
      for (let k = 1; k < vs.length; k++) expect(vs[k]!.startUtc - (vs[k - 1]!.startUtc + 15 * MIN)).toBeGreaterThanOrEqual(60 * MIN);
    }
    for (const vs of groupBy(s.visits, (v) => v.team).values()) {
      for (let k = 1; k < vs.length; k++) expect(vs[k]!.startUtc - (vs[k - 1]!.startUtc + 15 * MIN)).toBeGreaterThanOrEqual(10 * MIN);
    }
    // Teams split by district then rank: A has the North hotspots H1, H3; B the South ones H2, H4.
    expect([...new Set(s.visits.filter((v) => v.team === 'A').map((v) => v.hotspotId))].sort()).toEqual(['H1', 'H3']);
    // Random order across hotspots: the first hotspot of team A's day is not always the same.
    const firsts = new Set([...groupBy(s.visits.filter((v) => v.team === 'A'), (v) => v.date).values()].map((vs) => vs[0]!.hotspotId));
    expect(firsts.size).toBe(2);
  });

  it('dates a visit after midnight by the day it starts on, inside a window across midnight', () => {
    const p = plan(1, { windows: [{ weekdays: [5, 6], start: '22:00', end: '02:00' }] }, '2026-06-01', '2026-06-28');
    const s = buildSchedule(p);
    expect(s.visits).toHaveLength(8); // 4 Fridays and 4 Saturdays
    for (const v of s.visits) {
      const m = localMinutes(v);
      expect(m >= 22 * 60 || m + 15 <= 120).toBe(true);
      const wd = new Date(`${v.date}T12:00:00Z`).getUTCDay(); // 5 Fri, 6 Sat, 0 Sun
      expect(m >= 22 * 60 ? [5, 6] : [6, 0]).toContain(wd);
    }
    expect(s.visits.some((v) => localMinutes(v) < 120)).toBe(true);
  });

  it('uses the real length of the night the clocks go back (25 October 2026)', () => {
    // 00:30-02:30 on Sunday 25 October lasts 3 hours (01:00-02:00 happens twice): from 23:30 UTC to 02:30 UTC.
    const w = [{ weekdays: [7], start: '00:30', end: '02:30' }];
    expect(windowIntervals('2026-10-25', w)).toEqual([{ s: Date.UTC(2026, 9, 24, 23, 30), e: Date.UTC(2026, 9, 25, 2, 30) }]);
    // Two 15-minute visits 120 minutes apart need 150 minutes: they fit only because the night is 3 hours long.
    const p = plan(1, { visitsPerDay: 2, minGapMinutes: 120, windows: w }, '2026-10-25', '2026-10-25');
    const s = buildSchedule(p);
    expect(s.shortfalls).toEqual([]);
    expect(s.visits).toHaveLength(2);
    for (const v of s.visits) {
      expect(v.startUtc).toBeGreaterThanOrEqual(Date.UTC(2026, 9, 24, 23, 30));
      expect(v.startUtc + 15 * MIN).toBeLessThanOrEqual(Date.UTC(2026, 9, 25, 2, 30));
      // BST (UTC+1) before 01:00 UTC, GMT after.
      const offset = v.startUtc < Date.UTC(2026, 9, 25, 1, 0) ? 60 * MIN : 0;
      expect(`${v.date} ${v.start}`).toBe(new Date(v.startUtc + offset).toISOString().slice(0, 16).replace('T', ' '));
    }
    // The spring night has an hour less: the same dosage cannot fit on 29 March 2026.
    const spring = buildSchedule(plan(1, { visitsPerDay: 2, minGapMinutes: 120, windows: [{ weekdays: [7], start: '00:30', end: '03:30' }] }, '2026-03-29', '2026-03-29'));
    expect(spring.visits).toHaveLength(1);
    expect(spring.shortfalls[0]).toBe('2 visits of 15 minutes at least 120 minutes apart need 150 minutes at each hotspot, but the windows on Sun give 120 minutes.');
  });

  it('says in plain sentences when the dosage cannot fit the windows', () => {
    const p = plan(2, { visitsPerDay: 3, windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '10:00', end: '11:00' }] }, '2026-01-05', '2026-01-06');
    const s = buildSchedule(p);
    expect(s.shortfalls).toEqual([
      '3 visits of 15 minutes at least 60 minutes apart need 165 minutes at each hotspot, but the windows on Mon give 60 minutes.',
      'Team 1 has 2 hotspots x 3 visits of 15 minutes plus 10 minutes travel between visits: 140 minutes a day, but the windows on Mon give 60 minutes. Add a team, widen the windows or choose fewer hotspots.',
      '3 visits of 15 minutes at least 60 minutes apart need 165 minutes at each hotspot, but the windows on Tue give 60 minutes.',
      'Team 1 has 2 hotspots x 3 visits of 15 minutes plus 10 minutes travel between visits: 140 minutes a day, but the windows on Tue give 60 minutes. Add a team, widen the windows or choose fewer hotspots.',
      '8 of the 12 visits asked for could not be placed inside the windows with the gaps and travel time required, at 2 hotspots.',
      'Place 1 (H1): 4 visits short, on 2026-01-05, 2026-01-06.',
      'Place 2 (H2): 4 visits short, on 2026-01-05, 2026-01-06.',
    ]);
    expect(s.target.plannedVisits).toBe(4);
    expect(s.target.totalMinutes).toBe(60);
  });

  it('steps calendar days across month ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('parseWindow', async () => {
  const { parseWindow } = await import('../../../shared/patrols/planChecks');
  it('reads windows as analysts write them', () => {
    expect(parseWindow('10:00-02:00')).toEqual({ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '10:00', end: '02:00' });
    expect(parseWindow('Fri-Sat 18:00-03:00')).toEqual({ weekdays: [5, 6], start: '18:00', end: '03:00' });
    expect(parseWindow('Sat-Mon 12:00-14:00').weekdays).toEqual([1, 6, 7]);
    expect(parseWindow('Mon,Wed,Friday 09:00-17:00').weekdays).toEqual([1, 3, 5]);
    expect(() => parseWindow('Fry 10:00-11:00')).toThrow('Unknown weekday in patrol window "Fry 10:00-11:00"');
    expect(() => parseWindow('25:00-02:00')).toThrow('HH:MM in 24-hour local time');
  });
});
