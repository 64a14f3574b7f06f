import { describe, expect, it } from 'vitest';
import { mostCommonLocations } from '../../../shared/hotspots/commonLocations';
import { coverageFrom } from '../../../shared/wards/dataCoverage';
import { groupWardCounts } from '../../../shared/wards/wardCountSource';

/** The analysis steps behind the repository reads, on hand-made plain data. */
describe('figures from plain data', () => {
  it('uses a count range only when it lies inside the period and no month of it has records', () => {
    const r = groupWardCounts([
      { ward: 'W1', crimeType: 'burglary', fromMonth: '2024-01', toMonth: '2024-01', count: 4 },
      { ward: 'W1', crimeType: 'Burglary', fromMonth: '2024-02', toMonth: '2024-02', count: 1 },
      { ward: 'W2', crimeType: 'Robbery', fromMonth: '2024-03', toMonth: '2024-03', count: 9 },
      { ward: 'W2', crimeType: 'Robbery', fromMonth: '2023-12', toMonth: '2024-01', count: 5 },
    ], new Set(['2024-03']), { from: '2024-01', to: '2024-03' });
    // "burglary" is read as police.uk spells it, so both months add into one group.
    expect(r.groups).toEqual([{ ward: 'W1', type: 'Burglary', count: 5 }]);
    expect(r.use).toEqual({ recordMonths: ['2024-03'], countMonths: ['2024-01', '2024-02'], overlapMonths: ['2024-03'], straddling: 1 });
  });

  it('spreads a count range over its months and districts when building coverage', () => {
    const c = coverageFrom({
      districtOf: new Map([['W1', 'Leeds'], ['W2', 'Bradford'], ['W3', null]]),
      crimeMonthWards: [['2024-02', 'W1'], ['2024-01', 'W3'], ['2024-01', null]],
      stopSearchMonthWards: [['2024-05', 'W2']],
      wardCountRanges: [{ fromMonth: '2024-03', toMonth: '2024-04', ward: 'W2' }],
      flagMonths: [],
      offenceCodeMonths: ['2024-02'],
    });
    expect(c.crimes).toEqual({ months: ['2024-01', '2024-02'], byDistrict: { Leeds: ['2024-02'] } });
    expect(c.wardCounts).toEqual({ months: ['2024-03', '2024-04'], byDistrict: { Bradford: ['2024-03', '2024-04'] } });
    expect(c.crimeData.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(c.stopSearches.byDistrict).toEqual({ Bradford: ['2024-05'] });
    expect(c.latest).toBe('2024-04');
  });

  it('names each hotspot by its most frequent location, ties to the alphabetically first', () => {
    const names = mostCommonLocations({
      location: ['On or near B Street', 'On or near  A Street', 'On or near A Street', 'On or near B Street', 'On or near C Road', null, 'On or near Z'],
      e: Float64Array.from([1, 1, 1, 1, 20, 1, NaN]),
      nn: Float64Array.from([0, 0, 0, 0, 0, 0, 0]),
    }, 3, (e) => (e < 10 ? 0 : e < 30 ? 1 : -1));
    expect(names).toEqual(['On or near A Street', 'On or near C Road', null]);
  });
});
