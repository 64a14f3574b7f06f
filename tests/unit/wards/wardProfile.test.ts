import { describe, expect, it } from 'vitest';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { wardHarmByType } from '../../../shared/wards/wardProfile';
import { wardHarmTable } from '../../../shared/wards/wardHarmTable';
import { wardChangeSentence } from '../../../shared/wards/wardSentence';
import { wardTrend } from '../../../shared/wards/wardTrend';
import { makeDb, type TestCrime } from '../hotspots/testDb';

const wards = [
  { code: 'L1', name: 'Armley', district: 'Leeds', e0: 420000, n0: 435000, e1: 421000, n1: 436000 },
  { code: 'L2', name: 'Beeston', district: 'Leeds', e0: 421000, n0: 435000, e1: 422000, n1: 436000 },
];
const at = (ward: string, month: string, type: string, k: number): TestCrime[] =>
  Array.from({ length: k }, () => ({ month, type, ward, e: 420500, n: 435500 }));
// Armley: Sep 1 drugs; Oct 1 robbery + 1 drugs (368.46); Nov 3 robbery + 1 drugs (1098.46). Beeston: Nov 2 drugs. Nothing after Nov.
const crimes = [
  ...at('L1', '2014-09', 'Drugs', 1), ...at('L1', '2014-10', 'Robbery', 1), ...at('L1', '2014-10', 'Drugs', 1),
  ...at('L1', '2014-11', 'Robbery', 3), ...at('L1', '2014-11', 'Drugs', 1), ...at('L2', '2014-11', 'Drugs', 2),
];

async function db() {
  const d = await makeDb(wards, crimes);
  installDefaults(d);
  return d;
}

describe('ward profile', () => {
  it('says what changed and what drove it', async () => {
    const d = await db();
    const t = wardHarmTable(d, { schemeId: 'cchi-category', from: '2014-11', to: '2014-11' });
    const row = t.rows.find((r) => r.code === 'L1')!;
    const cur = wardHarmByType(d, 'L1', { from: '2014-11', to: '2014-11', schemeId: 'cchi-category' }).byType;
    const prev = wardHarmByType(d, 'L1', { from: '2014-10', to: '2014-10', schemeId: 'cchi-category' }).byType;
    // (1098.46 - 368.46) / 368.46 = +198.1%; robbery +730, drugs 0.
    expect(wardChangeSentence(row, t.method, cur, prev)).toBe('Harm up 198% on the previous month, driven by robbery.');
    const beeston = t.rows.find((r) => r.code === 'L2')!;
    expect(wardChangeSentence(beeston, t.method, [{ type: 'Drugs', count: 2, harm: 6.92 }], [])).toBe('Harm where the previous month had none, driven by drugs.');
  });

  it('says there is no data for the previous period instead of a change', async () => {
    const d = await db();
    const t = wardHarmTable(d, { schemeId: 'count', from: '2014-08', to: '2014-11' });
    const row = t.rows.find((r) => r.code === 'L1')!;
    expect(wardChangeSentence(row, t.method, [], null)).toBe('No data for the previous period, Apr 2014 to Jul 2014, so no change can be given.');
  });

  it('gives a monthly trend with gaps, not zeros, for months without data', async () => {
    const trend = wardTrend(await db(), 'L1', { from: '2014-11', to: '2014-12', schemeId: 'cchi-category' });
    // Reaches back into the previous period (Sep-Oct) as far as data goes; December has none.
    expect(trend.points.map((p) => [p.month, p.count])).toEqual([['2014-09', 1], ['2014-10', 2], ['2014-11', 4], ['2014-12', null]]);
    expect(trend.points[2]!.harm).toBeCloseTo(1098.46, 9);
    expect(trend.points[3]!.harm).toBeNull();
    expect(trend.monthsWithData).toBe(3);
  });
});
