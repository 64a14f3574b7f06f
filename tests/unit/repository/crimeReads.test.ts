import type { Database } from 'sql.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../cli/sqlNode';
import { bngToLonLat, lonLatToBng } from '../../../shared/geo/bng';
import { createProjectDb } from '../../../shared/project/projectDb';
import {
  readCrimeColumns, readCrimeGroups, readCrimeMonths, readCrimeMonthSpan, readCrimeMonthWards, readFlagMonths,
  readLatestCrimeMonth, readOffenceCodeMonths, readStopSearchColumns, readStopSearchMonths, readStopSearchMonthWards,
} from '../../../shared/repository/crimeReads';
import { insertCrimes } from '../hotspots/testDb';

let db: Database;

beforeEach(async () => {
  db = createProjectDb(await loadSqlJs(), 'reads');
});
afterEach(() => db.close());

describe('crime records as columns', () => {
  it('reads a month range in stored order, projecting lon/lat when a record has no BNG', () => {
    insertCrimes(db, [
      { month: '2024-01', type: 'Burglary', e: 420000, n: 433000, ward: 'W1', from: '2024-01-03' },
      { month: '2024-02', type: 'Robbery', code: '34A', ward: 'W2', outOfArea: true },
      { month: '2024-03', type: 'Burglary', e: 421000, n: 434000, ward: 'W1' },
    ]);
    const [lon, lat] = bngToLonLat(425000, 430000);
    db.run(
      `INSERT INTO crimes(import_id, dedupe_key, month, crime_type, lon, lat, location, ward_code, placed_by)
       VALUES (1, 'lonlat', '2024-02', 'Drugs', ?, ?, 'On or near High Street', 'W3', 'point')`,
      [lon, lat],
    );
    const c = readCrimeColumns(db, { from: '2024-02', to: '2024-03' }, { month: true, ward: true, location: true, committed: true, ordered: true });
    expect(c.n).toBe(3);
    expect(c.month).toEqual(['2024-02', '2024-03', '2024-02']);
    expect(c.crimeType).toEqual(['Robbery', 'Burglary', 'Drugs']);
    expect(c.offenceCode).toEqual(['34A', null, null]);
    expect(c.wardCode).toEqual(['W2', 'W1', 'W3']);
    expect(c.location).toEqual([null, null, 'On or near High Street']);
    expect(c.committedFrom).toEqual([null, null, null]);
    expect([...c.outOfArea]).toEqual([1, 0, 0]);
    // No location at all: NaN, never 0.
    expect(Number.isNaN(c.e[0]!) && Number.isNaN(c.nn[0]!)).toBe(true);
    expect([c.e[1], c.nn[1]]).toEqual([421000, 434000]);
    // Stored lon/lat may be rounded (micro-degrees: about 0.1 m), so within 0.2 m of the projection.
    const [e, n] = lonLatToBng(lon, lat);
    expect(Math.abs(c.e[2]! - e)).toBeLessThan(0.2);
    expect(Math.abs(c.nn[2]! - n)).toBeLessThan(0.2);
  });

  it('builds no column it was not asked for, and reads flags only when asked', () => {
    insertCrimes(db, [{ month: '2024-01', type: 'Burglary', flags: '["knife"]' }]);
    const seen: (string | null)[] = [];
    const c = readCrimeColumns(db, {}, {}, (_t, _c, f) => { seen.push(f); return true; });
    expect([c.month, c.wardCode, c.location, c.committedFrom, c.committedTo]).toEqual([null, null, null, null, null]);
    expect(seen).toEqual([null]);
    readCrimeColumns(db, {}, { flags: true }, (_t, _c, f) => { seen.push(f); return true; });
    expect(seen).toEqual([null, '["knife"]']);
  });

  it('keeps only the records the predicate accepts', () => {
    insertCrimes(db, [
      { month: '2024-01', type: 'Burglary', e: 1, n: 2 },
      { month: '2024-01', type: 'Robbery', code: '34B', e: 3, n: 4 },
      { month: '2024-01', type: 'Burglary', e: 5, n: 6 },
    ]);
    const c = readCrimeColumns(db, { from: '2024-01', to: '2024-01' }, { ordered: true }, (t) => t === 'Burglary');
    expect(c.n).toBe(2);
    expect([...c.e]).toEqual([1, 5]);
    expect([...c.nn]).toEqual([2, 6]);
  });
});

describe('crime groups and months', () => {
  beforeEach(() => {
    insertCrimes(db, [
      { month: '2024-01', type: 'Burglary', ward: 'W1' },
      { month: '2024-01', type: 'Burglary', ward: 'W1' },
      { month: '2024-02', type: 'Burglary', ward: 'W1', outOfArea: true },
      { month: '2024-02', type: 'Robbery', code: '34A', ward: 'W2' },
      { month: '2024-04', type: 'Robbery', ward: null },
    ]);
  });

  it('counts records per ward, type, code, flags and out-of-area', () => {
    const g = readCrimeGroups(db, { from: '2024-01', to: '2024-03' }, { byWard: true });
    const key = (x: (typeof g)[number]) => `${x.ward}|${x.month}|${x.crimeType}|${x.offenceCode}|${x.outOfArea}`;
    expect(Object.fromEntries(g.map((x) => [key(x), x.n]))).toEqual({
      'W1|null|Burglary|null|false': 2,
      'W1|null|Burglary|null|true': 1,
      'W2|null|Robbery|34A|false': 1,
    });
  });

  it('reads one ward by month, leaving out records flagged out of area', () => {
    const g = readCrimeGroups(db, { from: '2024-01', to: '2024-12' }, { ward: 'W1', byMonth: true, inAreaOnly: true });
    expect(g).toEqual([{ ward: 'W1', month: '2024-01', crimeType: 'Burglary', offenceCode: null, flags: null, outOfArea: false, n: 2 }]);
  });

  it('lists months with records, their span and the latest month', () => {
    expect(readCrimeMonths(db)).toEqual(['2024-01', '2024-02', '2024-04']);
    expect(readCrimeMonths(db, { from: '2024-02', to: '2024-12' }, 'W2')).toEqual(['2024-02']);
    expect(readCrimeMonthSpan(db, { from: '2024-02' })).toEqual({ first: '2024-02', last: '2024-04' });
    expect(readCrimeMonthSpan(db, { from: '2025-01' })).toEqual({ first: null, last: null });
    expect(readLatestCrimeMonth(db)).toBe('2024-04');
    expect(readCrimeMonthWards(db).sort()).toEqual([['2024-01', 'W1'], ['2024-02', 'W1'], ['2024-02', 'W2'], ['2024-04', null]].sort());
    expect(readOffenceCodeMonths(db)).toEqual(['2024-02']);
  });

  it('finds flag months from a flags value or from an import that mapped flag columns', () => {
    expect(readFlagMonths(db)).toEqual([]);
    insertCrimes(db, [{ month: '2023-11', type: 'Burglary', flags: '{"knife": true}' }]);
    db.run(
      `INSERT INTO imports(id, file_name, format, imported_at, rows_read, imported, duplicates, rejected, out_of_area, mapping)
       VALUES (1, 'x.csv', 'extract', '2024-05-01', 5, 5, 0, 0, 0, '{"flags":{"Knife":"knife"}}')`,
    );
    // Records of that import count even without a flag set on them.
    expect(readFlagMonths(db)).toEqual(['2023-11', '2024-01', '2024-02', '2024-04']);
  });

  it('reads nothing from an empty project', async () => {
    const empty = createProjectDb(await loadSqlJs(), 'empty');
    expect(readLatestCrimeMonth(empty)).toBeNull();
    expect(readCrimeMonths(empty)).toEqual([]);
    expect(readCrimeGroups(empty, {})).toEqual([]);
    expect(readCrimeColumns(empty, {}).n).toBe(0);
    empty.close();
  });
});

describe('stop-and-search reads', () => {
  it('reads months, (month, ward) pairs and located columns', () => {
    const [lon, lat] = bngToLonLat(430000, 432000);
    const add = (key: string, at: string, month: string, e: number | null, n: number | null, lo: number | null, la: number | null, ward: string | null) =>
      db.run(
        `INSERT INTO stop_searches(import_id, dedupe_key, occurred_at, month, easting, northing, lon, lat, ward_code, placed_by)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, 'point')`,
        [key, at, month, e, n, lo, la, ward],
      );
    add('a', '2024-01-05T10:00:00', '2024-01', 420000, 433000, null, null, 'W1');
    add('b', '2024-02-07T22:30:00', '2024-02', null, null, lon, lat, 'W2');
    add('c', '2024-03-01T01:00:00', '2024-03', null, null, null, null, null);
    expect(readStopSearchMonths(db)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(readStopSearchMonthWards(db).sort()).toEqual([['2024-01', 'W1'], ['2024-02', 'W2'], ['2024-03', null]].sort());
    const s = readStopSearchColumns(db, { from: '2024-02', to: '2024-03' });
    expect(s.n).toBe(2);
    const order = s.month[0] === '2024-02' ? [0, 1] : [1, 0];
    expect(s.occurredAt[order[0]!]).toBe('2024-02-07T22:30:00');
    expect(s.e[order[0]!]).toBeCloseTo(430000, 0);
    expect(s.nn[order[0]!]).toBeCloseTo(432000, 0);
    expect(Number.isNaN(s.e[order[1]!]!)).toBe(true);
  });
});
