import { describe, expect, it } from 'vitest';
import { londonMonthOf, parseCount, parseDateTime, parseMonth } from '../../../shared/import/monthParse';
import { detectDelimiter } from '../../../shared/import/csvStream';
import { detectFormat } from '../../../shared/import/headers';

describe('month, date and count parsing', () => {
  it('reads the month forms Excel produces, UK day-first', () => {
    const cases: [string, string | null][] = [
      ['2025-02', '2025-02'], ['Feb-25', '2025-02'], ['February 2025', '2025-02'], ['01/02/2025', '2025-02'],
      ['1/2/25', '2025-02'], ['2025-02-01', '2025-02'], ['2025-02-01T00:00:00Z', '2025-02'], [' 2025-2 ', '2025-02'],
      ['2025-13', null], ['31/02/2025', null], ['Febtober', null], ['', null], ['02/2025/01', null],
    ];
    for (const [text, want] of cases) expect([text, parseMonth(text)]).toEqual([text, want]);
  });

  it('reads dates and date-times as local ISO text', () => {
    expect(parseDateTime('01/02/2025 21:30')).toBe('2025-02-01T21:30:00');
    expect(parseDateTime('2025-02-01T21:30:05')).toBe('2025-02-01T21:30:05');
    expect(parseDateTime('01/02/2025')).toBe('2025-02-01T00:00:00');
    expect(parseDateTime('01/02/2025 25:00')).toBeNull();
  });

  it('puts a UTC instant in its UK local month', () => {
    expect(londonMonthOf('2021-07-31T23:40:00+00:00')).toBe('2021-08');
    expect(londonMonthOf('2021-12-31T23:40:00+00:00')).toBe('2021-12');
  });

  it('reads counts with thousands separators', () => {
    expect([parseCount('1,234'), parseCount(' 1234 '), parseCount('12,34'), parseCount('1,234,567.5'), parseCount('x')]).toEqual([
      1234, 1234, null, 1234567.5, null,
    ]);
  });

  it('detects delimiters and formats from headers', () => {
    expect(detectDelimiter('a;b;"c;d"')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
    expect(detectFormat(['Ward code', 'Month', 'Crime type', 'Count']).format).toBe('ward-counts');
    expect(detectFormat(['CrimeID', 'Month', 'Reported_by', 'Falls_within', 'Longitude', 'Latitude', 'Location', 'LSOA_code', 'LSOA_name', 'Crime_type', 'Last_outcome_category', 'Context'])).toEqual({
      format: 'police-uk', confidence: 1,
      reasons: ['header has the police.uk street-crime columns (Crime ID, Month, Longitude, Latitude, LSOA code, Crime type)'],
    });
  });
});
