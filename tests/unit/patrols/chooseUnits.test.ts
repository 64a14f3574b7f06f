import { describe, expect, it } from 'vitest';
import { apportion, chooseUnits, type Candidate } from '../../../shared/patrols/chooseUnits';
import { DEFAULT_CHOICE } from '../../../shared/patrols/planDefaults';
import type { HotspotChoice } from '../../../shared/patrols/types';

const cand = (id: string, harm: number, e: number, district = 'N', hot = true): Candidate => ({
  id, count: harm, harm, giZ: null, hot, e, n: 0, districtCode: district,
});
const districts = [{ code: 'N', name: 'North' }, { code: 'S', name: 'South' }];
const word = { one: 'cell', many: 'cells' };
const choose = (cs: Candidate[], c: Partial<HotspotChoice>) => chooseUnits(cs, { ...DEFAULT_CHOICE, ...c }, districts, word);
const ids = (r: ReturnType<typeof choose>) => r.chosen.map((c) => c.candidate.id);

describe('apportion (largest remainder)', () => {
  it('splits 5 by harm 60/30/10 as 3/2/0 (hand-worked: exact 3, 1.5, 0.5; the tie goes to more harm)', () => {
    const q = apportion(5, new Map([['A', 60], ['B', 30], ['C', 10]]));
    expect(Object.fromEntries(q)).toEqual({ A: 3, B: 2, C: 0 });
  });
  it('gives every district 0 when there is no harm at all', () => {
    expect(Object.fromEntries(apportion(4, new Map([['A', 0], ['B', 0]])))).toEqual({ A: 0, B: 0 });
  });
});

describe('chooseUnits', () => {
  const cs = [cand('a', 10, 0), cand('b', 9, 100), cand('c', 8, 600), cand('d', 7, 700, 'S'), cand('e', 6, 2000, 'S'), cand('cold', 50, 5000, 'S', false)];

  it('ranks by harm among hot units only', () => {
    expect(ids(choose(cs, { count: 3 }))).toEqual(['a', 'b', 'c']);
    expect(ids(choose(cs, { count: 1, minGiConfidence: null }))).toEqual(['a']);
  });

  it('keeps the minimum separation greedily in rank order', () => {
    // b is 100 m from a, d is 100 m from c: both skipped at 500 m.
    expect(ids(choose(cs, { count: 3, minSeparation: 500 }))).toEqual(['a', 'c', 'e']);
  });

  it('fills a fixed quota per district and says when a district runs short', () => {
    const r = choose(cs, { perDistrict: { mode: 'fixed', each: 3 } });
    expect(ids(r)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(r.warnings).toEqual(['South: only 2 of the 3 hotspots of its quota could be chosen (too few cells there pass the rules).']);
  });

  it('shares hotspots in proportion to district harm', () => {
    // Harm N = 27, S = 13 + 50 (the cold unit still counts as district harm) = 63: 4 -> 1.2 / 2.8 -> N 1, S 3; S has only 2 eligible.
    const r = choose(cs, { count: 4, perDistrict: { mode: 'proportional' } });
    expect(Object.fromEntries(r.quotas!)).toEqual({ N: 1, S: 3 });
    expect(ids(r)).toEqual(['a', 'd', 'e']);
    expect(r.warnings[0]).toMatch(/^South: only 2 of the 3/);
  });

  it('adds hand-picked units on top, and replaces a hand-removed one with the next-ranked', () => {
    const r = choose(cs, { count: 2, handAdded: ['cold'], handRemoved: ['a'] });
    expect(r.chosen.map((c) => [c.candidate.id, c.chosenBy])).toEqual([['cold', 'hand'], ['b', 'rank'], ['c', 'rank']]);
  });

  it('never returns fewer than asked without saying why', () => {
    const r = choose(cs, { count: 9 });
    expect(r.chosen).toHaveLength(5);
    expect(r.warnings[0]).toMatch(/^Only 5 of the 9 hotspots asked for could be chosen: 5 cells pass the rules \(harm above 0, hot at 95% or more by Gi\*\)/);
    expect(choose(cs, { count: 1, handAdded: ['nowhere'] }).warnings[0]).toBe('Hand-added cell nowhere is not in the study area, so it was left out.');
  });
});
