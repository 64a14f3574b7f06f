import { describe, expect, it } from 'vitest';
import { runImport } from '../../../shared/import/runImport';
import { expectAccounted, fileBytesSource, projectWithWards, rows, textSource } from './helpers';
import { POLICE_UK_COLUMNS } from '../../../shared/import/headers';

describe('police.uk rows as real files hold them', () => {
  it('reads CRLF, quoted commas, escaped quotes and a quoted newline, counting physical lines', async () => {
    const db = await projectWithWards();
    const r = await runImport(db, fileBytesSource('import/crlf-quoted.csv', 13), { format: 'auto' });
    expectAccounted(r);
    expect(r).toMatchObject({ rowsRead: 4, imported: 3, duplicates: 0, rejected: 1, outOfArea: 0 });
    expect(rows(db, 'SELECT location FROM crimes ORDER BY id')).toEqual([
      ['On or near Smith, Jones Road'], ['On or near "The Swan" pub'], ['On or near Station Road'],
    ]);
    // Row 2 spans lines 3-4 (a newline inside quotes), so the bad month is on physical line 6.
    expect(r.rejections).toEqual([
      {
        line: 6, column: 'Month',
        reason: 'expected a month such as 2018-05 (or Feb-25, 01/02/2025, 2025-02-01), found "Febtober"',
        raw: expect.stringContaining(',Febtober,'),
      },
    ]);
    expect(r.warnings[0]).toMatch(/^Unknown crime type "Not a month row" on 1 row \(first at line 5, column "Crime type"\)/);
  });

  it('reads months as Excel rewrites them (Feb-25, 01/02/2025 day-first, 2025-02-01) and rejects impossible dates', async () => {
    const db = await projectWithWards();
    const r = await runImport(db, fileBytesSource('import/excel-months.csv'), { format: 'police-uk' });
    expectAccounted(r);
    expect(r).toMatchObject({ rowsRead: 5, imported: 4, duplicates: 0, rejected: 1 });
    expect(rows(db, 'SELECT DISTINCT month FROM crimes')).toEqual([['2025-02']]);
    expect(r.rejections.map((x) => [x.line, x.column, x.reason])).toEqual([
      [6, 'Month', 'expected a month such as 2018-05 (or Feb-25, 01/02/2025, 2025-02-01), found "31/02/2025"'],
    ]);
    // -1.7715910 and -1.771591 are the same point: same stored coordinates and ward.
    expect(rows(db, 'SELECT DISTINCT lon, lat, easting, northing, ward_code FROM crimes')).toEqual([
      [-1.771591, 53.85303, 415123, 439668, 'E05001341'],
    ]);
  });

  it('keeps identical anti-social behaviour rows (no Crime ID) and dedupes them by content on re-import', async () => {
    const db = await projectWithWards();
    const a = await runImport(db, fileBytesSource('import/asb-blank-ids.csv'), { format: 'auto' });
    expectAccounted(a);
    expect(a).toMatchObject({ rowsRead: 3, imported: 3, duplicates: 0, rejected: 0 });
    const again = await runImport(db, fileBytesSource('import/asb-blank-ids.csv'), { format: 'auto' });
    expectAccounted(again);
    expect(again).toMatchObject({ rowsRead: 3, imported: 0, duplicates: 3, rejected: 0 });
    // The overlap file repeats row 1 as -1.770000,53.850000 (trailing zeros kept) and adds one new row.
    const overlap = await runImport(db, fileBytesSource('import/asb-overlap.csv'), { format: 'auto' });
    expectAccounted(overlap);
    expect(overlap).toMatchObject({ rowsRead: 2, imported: 1, duplicates: 1, rejected: 0 });
    expect(rows(db, 'SELECT location, COUNT(*) FROM crimes GROUP BY location ORDER BY location')).toEqual([
      ['On or near Church Lane', 1], ['On or near High Street', 2], ['On or near Park', 1],
    ]);
    expect(rows(db, 'SELECT COUNT(*) FROM crimes WHERE crime_ref IS NULL')).toEqual([[4]]);
  });

  it('places rows without coordinates by LSOA (2011 or 2021 code), else none, and keeps out-of-area points', async () => {
    const db = await projectWithWards();
    const r = await runImport(db, fileBytesSource('import/missing-coords.csv'), { format: 'police-uk' });
    expectAccounted(r);
    expect(r).toMatchObject({ rowsRead: 7, imported: 6, duplicates: 0, rejected: 1, outOfArea: 1 });
    expect(r.placedBy).toEqual({ lsoa11: 2, lsoa21: 1, none: 2, point: 1 });
    expect(rows(db, 'SELECT lsoa_code, ward_code, placed_by, out_of_area, lon, easting FROM crimes ORDER BY id')).toEqual([
      ['E01010568', 'E05001341', 'lsoa11', 0, null, null],
      ['E01033898', 'E05001352', 'lsoa21', 0, null, null], // 0,0 is "no location"; 2024 row, 2021-only code
      ['E01010677', 'E05001352', 'lsoa11', 0, null, null],
      ['E01999999', null, 'none', 0, null, null],
      [null, null, 'none', 0, null, null],
      ['E01004736', null, 'point', 1, -0.1276, 530043],
    ]);
    expect(r.rejections.map((x) => [x.line, x.column, x.reason])).toEqual([[7, 'Longitude', 'expected a longitude in decimal degrees, found "abc"']]);
    expect(r.warnings).toEqual([
      "1 row without usable coordinates and unknown LSOA E01999999 (first at line 5): they have no ward: ward tables count them as \"with no ward\", never in a ward.",
      "1 row without usable coordinates and no LSOA (first at line 6): they have no ward: ward tables count them as \"with no ward\", never in a ward.",
      '1 record lies outside every ward: imported and marked out of area.',
    ]);
  });

  it('imports unknown crime types with a warning, canonicalises case, rejects empty types and broken rows', async () => {
    const db = await projectWithWards();
    const r = await runImport(db, fileBytesSource('import/crime-types.csv'), { format: 'police-uk' });
    expectAccounted(r);
    expect(r).toMatchObject({ rowsRead: 5, imported: 3, duplicates: 0, rejected: 2 });
    expect(rows(db, 'SELECT crime_type, COUNT(*) FROM crimes GROUP BY 1 ORDER BY 1')).toEqual([
      ['Violence and sexual offences', 1], ['Violent crime', 2],
    ]);
    expect(r.rejections.map((x) => [x.line, x.column ?? null, x.reason])).toEqual([
      [5, 'Crime type', 'crime type is empty'],
      [6, null, 'expected 12 fields as in the header, found 13 (an unquoted "," inside a value?)'],
    ]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^Unknown crime type "Violent crime" on 2 rows \(first at line 2, column "Crime type"\): imported as written\./);
  });

  it('rejects a row whose quote is never closed, naming its line, and keeps the rows before it', async () => {
    const db = await projectWithWards();
    const text =
      POLICE_UK_COLUMNS.join(',') + '\n' +
      'id-1,2025-02,WYP,WYP,-1.771591,53.85303,On or near A Road,E01010568,Bradford 016A,Drugs,,\n' +
      'id-2,2025-02,WYP,WYP,-1.771591,53.85303,"On or near B Road,E01010568,Bradford 016A,Drugs,,\n' +
      'id-3,2025-02,WYP,WYP,-1.771591,53.85303,On or near C Road,E01010568,Bradford 016A,Drugs,,\n';
    const r = await runImport(db, textSource('open-quote.csv', text, 50), { format: 'police-uk' });
    expectAccounted(r);
    expect(r).toMatchObject({ rowsRead: 2, imported: 1, rejected: 1 });
    expect(r.rejections.map((x) => [x.line, x.reason])).toEqual([[3, 'the row is not valid CSV (Quoted field unterminated); check the quotes']]);
    expect(rows(db, 'SELECT crime_ref FROM crimes')).toEqual([['id-1']]);
  });
});
