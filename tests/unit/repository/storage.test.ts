import type { Database } from 'sql.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../cli/sqlNode';
import { createProjectDb } from '../../../shared/project/projectDb';
import {
  readAreaCodes, readAreaDistrictName, readAreaDistricts, readAreaLayerSignature, readAreas, readAreaShapes, replaceAreas,
  writeAreaPopulations,
} from '../../../shared/repository/areas';
import { deleteCategorySetRow, readCategorySetIds, readCategorySetRows, readCategorySetRule, writeCategorySet } from '../../../shared/repository/categorySets';
import { inSavepoint, inTransaction, isWriting, totalChanges } from '../../../shared/repository/db';
import {
  deleteHarmSchemeRows, findHarmSchemeIdByLabel, readHarmSchemeIds, readHarmSchemeList, readHarmSchemeRow, readHarmWeights, writeHarmScheme,
} from '../../../shared/repository/harmSchemes';
import { deleteMeta, readMetaByPrefix, writeMeta } from '../../../shared/repository/projectMeta';
import { readLatestWardCountMonth, readWardCountRanges, readWardCountSums } from '../../../shared/repository/wardCounts';

let db: Database;

beforeEach(async () => {
  db = createProjectDb(await loadSqlJs(), 'storage');
});
afterEach(() => db.close());

const square = (x: number) => JSON.stringify({ type: 'Polygon', coordinates: [[[x, 53], [x + 0.1, 53], [x + 0.1, 53.1], [x, 53]]] });

describe('areas', () => {
  it('replaces a layer and reads it back in list order and by code', () => {
    replaceAreas(db, 'wards', [
      { code: 'W2', name: 'Beeston', districtCode: 'E1', districtName: 'Leeds', geometry: square(-1.5) },
      { code: 'W1', name: 'Allerton', districtCode: 'E2', districtName: 'Bradford', geometry: square(-1.8) },
      { code: 'W3', name: 'Armley', districtCode: 'E1', districtName: 'Leeds', geometry: square(-1.6) },
    ]);
    replaceAreas(db, 'lsoa', [{ code: 'L1', name: 'L1', districtCode: null, districtName: null, geometry: square(0) }]);
    expect(readAreas(db, 'wards').map((a) => a.code)).toEqual(['W1', 'W3', 'W2']);
    expect(readAreaShapes(db, 'wards').map((a) => a.code)).toEqual(['W1', 'W2', 'W3']);
    expect(readAreaShapes(db, 'wards')[0]).toEqual({ code: 'W1', name: 'Allerton', districtCode: 'E2', districtName: 'Bradford', geometry: square(-1.8) });
    expect([...readAreaCodes(db, 'wards')].sort()).toEqual(['W1', 'W2', 'W3']);
    expect(readAreaDistricts(db, 'lsoa')).toEqual(new Map([['L1', null]]));
    expect(readAreaDistrictName(db, 'wards', 'W3')).toBe('Leeds');
    expect(readAreaDistrictName(db, 'wards', 'nope')).toBeNull();

    const before = readAreaLayerSignature(db, 'wards');
    expect(before).toBe(`3|${3 * square(-1.5).length}`);
    replaceAreas(db, 'wards', [{ code: 'W1', name: 'Allerton', districtCode: null, districtName: null, geometry: square(-1.8) }]);
    expect(readAreaLayerSignature(db, 'wards')).not.toBe(before);
    expect(readAreas(db, 'lsoa')).toHaveLength(1);
  });

  it('writes populations of the listed areas only', () => {
    replaceAreas(db, 'wards', [
      { code: 'W1', name: 'A', districtCode: null, districtName: null, geometry: square(0) },
      { code: 'W2', name: 'B', districtCode: null, districtName: null, geometry: square(1) },
    ]);
    writeAreaPopulations(db, 'wards', new Map([['W2', 12345]]));
    expect(readAreas(db, 'wards').map((a) => [a.code, a.population])).toEqual([['W1', null], ['W2', 12345]]);
  });
});

describe('ward counts', () => {
  it('sums counts per ward, type and month range touching a period', () => {
    const add = (k: string, ward: string, from: string, to: string, type: string, n: number) =>
      db.run(`INSERT INTO ward_counts(import_id, dedupe_key, ward_code, period_from, period_to, crime_type, count) VALUES (1, ?, ?, ?, ?, ?, ?)`, [k, ward, from, to, type, n]);
    add('a', 'W1', '2024-01-01', '2024-01-31', 'Burglary', 3);
    add('b', 'W1', '2024-01-01', '2024-01-31', 'Burglary', 2);
    add('c', 'W2', '2023-12-01', '2024-02-29', 'Robbery', 7);
    add('d', 'W2', '2024-06-01', '2024-06-30', 'Robbery', 1);
    expect(readWardCountSums(db, '2024-01', '2024-01').sort((x, y) => x.ward.localeCompare(y.ward))).toEqual([
      { ward: 'W1', crimeType: 'Burglary', fromMonth: '2024-01', toMonth: '2024-01', count: 5 },
      { ward: 'W2', crimeType: 'Robbery', fromMonth: '2023-12', toMonth: '2024-02', count: 7 },
    ]);
    expect(readWardCountSums(db, '2024-01', '2024-12', 'W1')).toHaveLength(1);
    expect(readWardCountRanges(db)).toHaveLength(3);
    expect(readLatestWardCountMonth(db)).toBe('2024-06');
  });
});

describe('harm schemes and category sets', () => {
  it('writes a scheme with its weights, finds it by label and deletes it', () => {
    writeHarmScheme(db, { id: 's1', label: 'My Scheme', keyKind: 'category', description: 'd', source: 'src' }, [['Burglary', 2], ['Robbery', 5]]);
    expect(readHarmSchemeRow(db, 's1')).toEqual({ id: 's1', label: 'My Scheme', keyKind: 'category', description: 'd', source: 'src' });
    expect(readHarmWeights(db, 's1')).toEqual({ Burglary: 2, Robbery: 5 });
    expect(findHarmSchemeIdByLabel(db, 'my scheme')).toBe('s1');
    // Replacing drops the weights not given again.
    writeHarmScheme(db, { id: 's1', label: 'My Scheme', keyKind: 'category', description: 'd', source: 'src' }, [['Burglary', 3]]);
    expect(readHarmWeights(db, 's1')).toEqual({ Burglary: 3 });
    writeHarmScheme(db, { id: 'count', label: 'Count', keyKind: 'count', description: '', source: '' }, []);
    expect(readHarmSchemeList(db).map((s) => [s.id, s.weightCount])).toEqual([['count', 0], ['s1', 1]]);
    expect(readHarmSchemeIds(db)).toEqual(new Set(['count', 's1']));
    deleteHarmSchemeRows(db, 's1');
    expect(readHarmSchemeRow(db, 's1')).toBeNull();
    expect(readHarmWeights(db, 's1')).toEqual({});
  });

  it('writes, replaces and deletes a category set', () => {
    writeCategorySet(db, { id: 'b', label: 'Beta', description: '', rule: '{"categories":["Robbery"]}' });
    writeCategorySet(db, { id: 'a', label: 'Alpha', description: 'x', rule: '{"flags":["knife"]}' });
    writeCategorySet(db, { id: 'b', label: 'Beta', description: '', rule: '{"categories":["Burglary"]}' });
    expect(readCategorySetRows(db).map((r) => r.id)).toEqual(['a', 'b']);
    expect(readCategorySetRule(db, 'b')).toBe('{"categories":["Burglary"]}');
    expect(readCategorySetRule(db, 'zzz')).toBeNull();
    deleteCategorySetRow(db, 'a');
    expect(readCategorySetIds(db)).toEqual(new Set(['b']));
  });

  it('keeps project_meta rows by prefix', () => {
    writeMeta(db, 'harm_edit:set:b', '{"x":1}');
    writeMeta(db, 'harm_edit:set:a', '{"x":2}');
    writeMeta(db, 'harm_edit:scheme:a', '{}');
    expect([...readMetaByPrefix(db, 'harm_edit:set:')]).toEqual([['a', '{"x":2}'], ['b', '{"x":1}']]);
    deleteMeta(db, 'harm_edit:set:a');
    expect([...readMetaByPrefix(db, 'harm_edit:set:').keys()]).toEqual(['b']);
  });
});

describe('transactions', () => {
  const count = () => Number(db.exec('SELECT COUNT(*) FROM category_sets')[0]!.values[0]![0]);
  const row = (id: string) => writeCategorySet(db, { id, label: id, description: '', rule: '{}' });

  it('rolls a savepoint back on a throw, inside an open transaction too', () => {
    expect(() => inSavepoint(db, 'sp', () => { row('x'); throw new Error('cancelled'); })).toThrow('cancelled');
    expect(count()).toBe(0);
    inTransaction(db, () => {
      row('kept');
      expect(isWriting(db)).toBe(true);
      expect(() => inSavepoint(db, 'inner', () => { row('dropped'); throw new Error('no'); })).toThrow('no');
    });
    expect(readCategorySetIds(db)).toEqual(new Set(['kept']));
    expect(isWriting(db)).toBe(false);
  });

  it('rolls a transaction back on a throw and counts changes', () => {
    const before = totalChanges(db);
    expect(() => inTransaction(db, () => { row('x'); throw new Error('stop'); })).toThrow('stop');
    expect(count()).toBe(0);
    row('y');
    expect(totalChanges(db)).toBeGreaterThan(before);
  });
});
