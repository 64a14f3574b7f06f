import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../shared/import/runImport';
import { loadSavedMapping, suggestMapping } from '../../../shared/import/extractMapping';
import { ImportError } from '../../../shared/import/importError';
import { expectAccounted, fileBytesSource, fixture, projectWithWards, rows } from './helpers';

const mapping = () => JSON.parse(readFileSync(fixture('import/force-extract.mapping.json'), 'utf8')) as unknown;

describe('stop-and-search, ward counts and force extracts', () => {
  it('imports the real August 2021 stop-and-search file, UK-local months, 48 without coordinates', async () => {
    const db = await projectWithWards();
    const r = await runImport(db, fileBytesSource('2021-08-west-yorkshire-stop-and-search.csv', 65536), { format: 'auto' });
    expectAccounted(r);
    expect(r).toMatchObject({ format: 'stop-search', rowsRead: 1312, imported: 1312, duplicates: 0, rejected: 0, outOfArea: 3 });
    expect(r.placedBy).toEqual({ point: 1264, none: 48 });
    // 2021-07-31T23:40:00+00:00 is 00:40 BST on 1 August.
    expect(rows(db, 'SELECT month, COUNT(*) FROM stop_searches GROUP BY month')).toEqual([['2021-08', 1312]]);
    expect(rows(db, "SELECT occurred_at, legislation, json_extract(record, '$.\"Age range\"') FROM stop_searches ORDER BY id LIMIT 1")).toEqual([
      ['2021-07-31T23:40:00+00:00', 'Misuse of Drugs Act 1971 (section 23)', '25-34'],
    ]);
    const again = await runImport(db, fileBytesSource('2021-08-west-yorkshire-stop-and-search.csv'), { format: 'stop-search' });
    expectAccounted(again);
    expect(again).toMatchObject({ rowsRead: 1312, imported: 0, duplicates: 1312 });
  });

  it('matches ward names despite case, punctuation and "&" vs "and", and reads "1,234"', async () => {
    const db = await projectWithWards();
    const r = await runImport(db, fileBytesSource('import/ward-counts.csv'), { format: 'auto' });
    expectAccounted(r);
    expect(r).toMatchObject({ format: 'ward-counts', rowsRead: 7, imported: 4, duplicates: 1, rejected: 2 });
    expect(rows(db, 'SELECT ward_code, period_from, period_to, crime_type, count FROM ward_counts ORDER BY id')).toEqual([
      ['E05001341', '2025-02-01', '2025-02-28', 'Burglary', 12],
      ['E05011384', '2025-02-01', '2025-02-28', 'Burglary', 1234],
      ['E05001448', '2025-02-01', '2025-02-28', 'Violence and sexual offences', 7],
      ['E05011397', '2025-02-01', '2025-02-28', 'Robbery', 3],
    ]);
    expect(r.rejections.map((x) => [x.line, x.column, x.reason])).toEqual([
      [6, 'Ward name', 'no ward with code or name "Nowhere Ward" in the project\'s ward layer'],
      [7, 'Count', 'expected a count such as 1234 or "1,234", found "lots"'],
    ]);
  });

  it('imports a BNG force extract through its mapping, with flags, ward-field and LSOA placement', async () => {
    const db = await projectWithWards();
    const r = await runImport(db, fileBytesSource('import/force-extract.csv'), { format: 'extract', mapping: mapping() });
    expectAccounted(r);
    expect(r).toMatchObject({ format: 'extract', rowsRead: 6, imported: 3, duplicates: 1, rejected: 2, outOfArea: 0 });
    expect(r.placedBy).toEqual({ point: 1, 'ward-field': 1, lsoa21: 1 });
    expect(
      rows(db, 'SELECT crime_ref, offence_code, committed_from, committed_to, month, easting, northing, lon, lat, ward_code, placed_by, flags FROM crimes ORDER BY id'),
    ).toEqual([
      ['WY/1001/25', '008/01', '2025-02-01T21:30:00', '2025-02-01T22:00:00', '2025-02', 415123, 439667, -1.771588, 53.853017, 'E05001341', 'point', '{"knife_enabled":true,"ocg_linked":true}'],
      ['WY/1002/25', '005/01', '2025-02-02T14:05:00', null, '2025-02', null, null, null, null, 'E05001341', 'ward-field', '{"knife_enabled":true,"victim_u25":true}'],
      ['WY/1003/25', '008/06', '2025-02-03T00:00:00', null, '2025-02', null, null, null, null, 'E05001341', 'lsoa21', '{"domestic_abuse":true}'],
    ]);
    expect(r.rejections.map((x) => [x.line, x.column, x.reason])).toEqual([
      [5, 'Knife Enabled', 'expected yes/no (Y, N, Yes, No, True, False, 1, 0 or blank), found "Maybe"'],
      [6, 'Committed From', 'the committed-from date is empty'],
    ]);
  });

  it('saves the mapping under the header signature and reuses it for the next file of that shape', async () => {
    const db = await projectWithWards();
    await runImport(db, fileBytesSource('import/force-extract.csv'), { format: 'extract', mapping: mapping() });
    const header = readFileSync(fixture('import/force-extract.csv'), 'utf8').split('\n')[0]!.split(',');
    expect(loadSavedMapping(db, header)).toEqual(mapping());
    const again = await runImport(db, fileBytesSource('import/force-extract.csv'), { format: 'auto' });
    expectAccounted(again);
    expect(again).toMatchObject({ format: 'extract', rowsRead: 6, imported: 0, duplicates: 4, rejected: 2 });
    expect(again.notes).toContain('Used the column mapping saved in the project for files with this header.');
  });

  it('refuses an extract without a mapping, or with a mapping naming a missing column', async () => {
    const db = await projectWithWards();
    const none = await runImport(db, fileBytesSource('import/force-extract.csv'), { format: 'extract' }).catch((e: unknown) => e);
    expect((none as Error).message).toBe(
      'force-extract.csv: a force extract needs a column mapping, and none is saved for a file with this header. Nothing was imported.',
    );
    const bad = await runImport(db, fileBytesSource('import/force-extract.csv'), {
      format: 'extract', mapping: { ...(mapping() as object), crimeType: 'Offence Type' },
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ImportError);
    expect((bad as ImportError).column).toBe('Offence Type');
    expect((bad as Error).message).toMatch(/^force-extract\.csv line 1: the mapping puts crime type in column "Offence Type", which the header does not have/);
    expect(rows(db, 'SELECT (SELECT COUNT(*) FROM imports), (SELECT COUNT(*) FROM import_mappings)')).toEqual([[0, 0]]);
  });

  it('suggests a mapping from header names', () => {
    const header = readFileSync(fixture('import/force-extract.csv'), 'utf8').split('\n')[0]!.split(',');
    expect(suggestMapping(header)).toEqual({
      crimeRef: 'Crime Ref', offenceCode: 'HO Offence Code', crimeType: 'Offence Description',
      committedFrom: 'Committed From', committedTo: 'Committed To',
      location: { kind: 'bng', easting: 'Easting', northing: 'Northing' },
      wardName: 'Ward', lsoa: 'LSOA',
      flags: { knife_enabled: 'Knife Enabled', victim_u25: 'Victim U25', da_flag: 'DA Flag', ocg_linked: 'OCG Linked' },
    });
  });
});
