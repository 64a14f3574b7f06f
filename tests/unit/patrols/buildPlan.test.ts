import { describe, expect, it } from 'vitest';
import { bngToLonLat } from '../../../shared/geo/bng';
import { buildPlan, DEFAULT_CHOICE, DEFAULT_DOSAGE, suggestWindows, type PlanRequest } from '../../../shared/patrols/buildPlan';
import { loadPlan, savePlan } from '../../../shared/patrols/planStore';
import { mergedHotspotId, shortHash } from '../../../shared/patrols/shortHash';
import { LSOA_LAYER } from '../../../shared/patrols/planUnits';
import { CENTRE_A, CENTRE_B, ISOLATED, makeWorld, worldCrimes } from './planWorld';
import type { HotspotChoice } from '../../../shared/patrols/types';

const db = await makeWorld();
const req = (choice: Partial<HotspotChoice> = {}, extra: Partial<PlanRequest> = {}): PlanRequest => ({
  name: 'Test plan', from: '2025-01-01', to: '2025-01-31', choice, seed: 1, ...extra,
});

describe('buildPlan hotspot choice', () => {
  it('states the DOMAIN.md defaults', () => {
    expect(DEFAULT_CHOICE).toMatchObject({ unit: 'cell', minGiConfidence: 95, perDistrict: { mode: 'none' }, minSeparation: 0, mergeTouching: false });
    expect(DEFAULT_DOSAGE).toEqual({
      visitsPerDay: 1, minutesPerVisit: 15, windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '10:00', end: '02:00' }],
      teams: ['Team 1'], minGapMinutes: 60, bufferMetres: 0, maxFixGapMinutes: 5, minVisitMinutes: 2,
    });
  });

  it('takes the top cells by harm among Gi* hot cells; a single-cell hotspot keeps its cell id', () => {
    const p = buildPlan(db, req({ count: 3 }));
    expect(p.hotspots.map((h) => h.id)).toEqual([CENTRE_A, CENTRE_B, 'SQ150_E420450_N435450']);
    expect(p.hotspots.map((h) => [h.rank, h.harm, h.count, h.cellIds])).toEqual([[1, 20, 20, [CENTRE_A]], [2, 12, 12, [CENTRE_B]], [3, 6, 6, ['SQ150_E420450_N435450']]]);
    expect(p.hotspots[0]!.bngGeometry).toEqual({ type: 'Polygon', coordinates: [[[420600, 435600], [420750, 435600], [420750, 435750], [420600, 435750], [420600, 435600]]] });
    expect(p.hotspots[0]!.centre.e).toBe(420675);
    expect(p.basisFrom).toBe('2024-01');
    expect(p.basisTo).toBe('2024-12');
    expect(p.warnings.filter((w) => !w.startsWith('Basis data'))).toEqual([]);
  });

  it('leaves out the isolated burglary unless the Gi* rule is off, and says when too few cells qualify', () => {
    const all = buildPlan(db, req({ count: 30 }));
    expect(all.hotspots).toHaveLength(18);
    expect(all.hotspots.some((h) => h.id === ISOLATED)).toBe(false);
    expect(all.warnings[0]).toMatch(/^Only 18 of the 30 hotspots asked for could be chosen: 18 cells pass the rules/);
    const any = buildPlan(db, req({ count: 19, minGiConfidence: null }));
    expect(any.hotspots.map((h) => h.id)).toContain(ISOLATED);
    expect(buildPlan(db, req({ count: 30, minGiConfidence: 99 })).hotspots).toHaveLength(14);
  });

  it('applies fixed and proportional district quotas', () => {
    const fixed = buildPlan(db, req({ perDistrict: { mode: 'fixed', each: 2 } }));
    expect(fixed.hotspots.map((h) => [h.id, h.districtName])).toEqual([
      [CENTRE_A, 'North'], [CENTRE_B, 'South'], ['SQ150_E420450_N435450', 'North'], ['SQ150_E421950_N435750', 'South'],
    ]);
    // District harm North 69 (incl. the isolated 1), South 44: 5 x 69/113 = 3.05, 1.95 -> 3 and 2.
    const prop = buildPlan(db, req({ count: 5, perDistrict: { mode: 'proportional' } }));
    expect(prop.hotspots.filter((h) => h.districtName === 'North')).toHaveLength(3);
    expect(prop.hotspots.filter((h) => h.districtName === 'South')).toHaveLength(2);
    expect(prop.method).toContain('quota: 5 shared in proportion to each district\'s basis harm, largest remainder (North 3, South 2)');
  });

  it('keeps the minimum separation between centres', () => {
    // 200 m: the diagonal neighbour (212 m) may stay; 300 m: nothing near either centre may.
    expect(buildPlan(db, req({ count: 3, minSeparation: 200 })).hotspots.map((h) => h.id)).toEqual([CENTRE_A, CENTRE_B, 'SQ150_E420450_N435450']);
    const far = buildPlan(db, req({ count: 3, minSeparation: 300 }));
    expect(far.hotspots.map((h) => h.id)).toEqual([CENTRE_A, CENTRE_B]);
    expect(far.warnings[0]).toMatch(/^Only 2 of the 3 .* 16 of them were too close to a hotspot already chosen/);
  });

  it('merges touching cells into one hotspot with a stable id', () => {
    const p = buildPlan(db, req({ count: 3, mergeTouching: true }));
    const cells = ['SQ150_E420450_N435450', CENTRE_A];
    expect(p.hotspots.map((h) => h.id)).toEqual([mergedHotspotId(cells), CENTRE_B]);
    expect(mergedHotspotId(cells)).toBe(`HS_${shortHash(cells.join('|'))}`);
    expect(mergedHotspotId([...cells].reverse())).toBe(mergedHotspotId(cells));
    expect(p.hotspots[0]).toMatchObject({ cellIds: cells, harm: 26, count: 26, rank: 1 });
    // Corner-touching cells stay two parts of one outline.
    expect(p.hotspots[0]!.bngGeometry.type).toBe('MultiPolygon');
    expect(p.warnings).toContain('3 cells were chosen and touching ones merged, giving 2 hotspots.');
    expect(buildPlan(db, req({ count: 3, mergeTouching: true })).hotspots[0]!.id).toBe(p.hotspots[0]!.id);
    const block = buildPlan(db, req({ count: 9, minGiConfidence: 99, perDistrict: { mode: 'fixed', each: 9 }, mergeTouching: true }));
    expect(block.hotspots[0]!.cellIds).toHaveLength(9);
    expect(block.hotspots[0]!.bngGeometry).toEqual({
      type: 'Polygon', coordinates: [expect.arrayContaining([[420450, 435450], [420900, 435450], [420900, 435900], [420450, 435900]])],
    });
  });

  it('adds and removes cells by hand', () => {
    const p = buildPlan(db, req({ count: 2, handAdded: [ISOLATED], handRemoved: [CENTRE_A] }));
    expect(p.hotspots.map((h) => [h.id, h.chosenBy])).toEqual([[CENTRE_B, 'rank'], ['SQ150_E420450_N435450', 'rank'], [ISOLATED, 'hand']]);
    expect(p.method.find((l) => l.startsWith('hand-picked: '))).toBe(
      `hand-picked: added ${ISOLATED} (in addition to the ranked ones); removed ${CENTRE_A} (the next-ranked takes each place)`,
    );
  });

  it('names hotspots by their most frequent police.uk location, else their ward', () => {
    const p = buildPlan(db, req({ count: 2, handAdded: [ISOLATED] }));
    expect(p.hotspots.map((h) => [h.name, h.wardName, h.districtName, h.wardCode, h.districtCode])).toEqual([
      ['On or near High Street', 'Alpha', 'North', 'A', 'D-North'],
      ['Beta', 'Beta', 'South', 'B', 'D-South'],
      ['On or near Lone Lane', 'Alpha', 'North', 'A', 'D-North'],
    ]);
  });

  it('states every setting in the method and round-trips through the plan store', () => {
    const p = buildPlan(db, req({ count: 2 }, { id: 'PLAN_T' }));
    const keys = p.method.map((l) => l.slice(0, l.indexOf(':')));
    for (const k of ['plan id', 'patrol period', 'basis period', 'scheme', 'category set', 'units', 'hotspot rule', 'gi* rule', 'quota',
      'minimum separation', 'merge touching', 'hand-picked', 'dosage', 'minimum gap', 'windows', 'teams', 'travel', 'schedule', 'target', 'seed']) {
      expect(keys).toContain(k);
    }
    expect(p.method.find((l) => l.startsWith('basis period: '))).toMatch(/^basis period: 2024-01 to 2024-12 \(months inclusive; default: the 12 months to the latest month with data; \d+ of 12 months have data/);
    expect(p.method).toContain('windows: every day 10:00-02:00 (ends the next day) (local time, Europe/London; a window belongs to the day it starts)');
    savePlan(db, p);
    expect(loadPlan(db, 'PLAN_T')).toEqual(p);
  });

  it('refuses bad requests in words', () => {
    expect(() => buildPlan(db, req({}, { from: '2025-02-30' }))).toThrow('The patrol period start must be a date as YYYY-MM-DD (got "2025-02-30").');
    expect(() => buildPlan(db, req({}, { from: '2025-03-01', to: '2025-02-01' }))).toThrow('The patrol period starts (2025-03-01) after it ends (2025-02-01).');
    expect(() => buildPlan(db, req({}, { dosage: { windows: [{ weekdays: [1], start: '10:00', end: '10:00' }] } }))).toThrow(/is empty/);
    expect(() => buildPlan(db, req({ unit: 'lsoa' }))).toThrow(/no 2021 LSOA boundaries/);
  });
});

describe('buildPlan by LSOA', () => {
  it('counts records into LSOA polygons and uses the LSOA code as the id', async () => {
    const w = await makeWorld();
    const rect = (e0: number, e1: number) => {
      const ring = [[e0, 435000], [e1, 435000], [e1, 436500], [e0, 436500], [e0, 435000]].map(([e, n]) => bngToLonLat(e!, n!));
      return JSON.stringify({ type: 'Polygon', coordinates: [ring] });
    };
    w.run(`INSERT INTO areas(layer, code, name, geometry) VALUES (?, 'L1', 'West', ?), (?, 'L2', 'East', ?)`, [LSOA_LAYER, rect(420000, 421500), LSOA_LAYER, rect(421500, 423000)]);
    const p = buildPlan(w, req({ unit: 'lsoa', count: 1 }));
    expect(p.hotspots.map((h) => [h.id, h.cellIds, h.harm, h.name, h.wardName, h.giZ])).toEqual([['L1', ['L1'], 69, 'On or near High Street', 'Alpha', null]]);
    expect(p.method.find((l) => l.startsWith('units: '))).toMatch(/2021 LSOAs/);
  });
});

describe('suggestWindows', () => {
  it('is null for police.uk data without times', () => {
    expect(suggestWindows(db, req(), [CENTRE_A])).toBeNull();
  });

  it('picks the 8-hour window and weekdays with most harm from committed times', async () => {
    // Friday 2024-03-01 and Saturday 2024-03-02, 21:00-22:00 each; one Monday 09:00 record.
    const crimes = worldCrimes().filter((c) => /High Street|Market Place/.test(c.location ?? '')).map((c, k) => ({ ...c, from: k < 19 ? `2024-03-0${1 + (k % 2)}T21:10` : '2024-03-04T09:00' }));
    const w = await makeWorld(crimes);
    const s = suggestWindows(w, req(), [CENTRE_A]);
    expect(s).not.toBeNull();
    // The earliest 8-hour start holding all Friday/Saturday harm: 14:00-22:00.
    expect(s!.windows).toEqual([{ weekdays: [5, 6], start: '14:00', end: '22:00' }]);
    expect(s!.reason).toMatch(/^Fri, Sat 14:00-22:00: the 8-hour daily window with the most harm/);
  });
});
