import { describe, expect, it } from 'vitest';
import { fileSource, fixturePath } from '../../../cli/fixtures';
import { runImport } from '../../../shared/import/runImport';
import { getRejections, listImports, previewSource, rejectionsToCsv } from '../../../shared/import/index';
import type { ImportProgress } from '../../../shared/import/types';
import { expectAccounted, fileBytesSource, projectWithWards, rows } from './helpers';

const SAMPLE = 'west-yorkshire-street_2018-05_sample_saf98_normalised.csv';

describe('one transaction per file, history and rejections', () => {
  it('cancel rolls back everything of the file, leaving earlier imports intact', async () => {
    const db = await projectWithWards();
    const first = await runImport(db, fileBytesSource('import/excel-months.csv'), { format: 'police-uk' });
    expectAccounted(first);
    const progress: ImportProgress[] = [];
    const r = await runImport(db, fileBytesSource(SAMPLE, 16384), {
      format: 'police-uk',
      onProgress: (p) => progress.push(p),
      isCancelled: () => progress.length >= 3,
    });
    expectAccounted(r);
    expect(r).toMatchObject({ cancelled: true, importId: null, rowsRead: 0, imported: 0, duplicates: 0, rejected: 0 });
    expect(r.warnings[0]).toMatch(/^Import of west-yorkshire-street_2018-05_sample_saf98_normalised\.csv was cancelled after \d+ rows; nothing from the file was kept\.$/);
    expect(progress[2]!.rowsRead).toBeGreaterThan(0);
    expect(progress[2]!.bytesRead).toBe(3 * 16384);
    expect(rows(db, 'SELECT (SELECT COUNT(*) FROM crimes), (SELECT COUNT(*) FROM imports), (SELECT COUNT(*) FROM import_rejections)')).toEqual([[4, 1, 1]]);
    // Indexes survive the rollback and the file imports in full afterwards.
    const full = await runImport(db, await fileSource(fixturePath(SAMPLE)), { format: 'police-uk' });
    expectAccounted(full);
    expect(full).toMatchObject({ rowsRead: 1611, imported: 1611, importId: 2 });
  });

  it('cancel works with an async isCancelled (a Comlink proxy returns a promise)', async () => {
    const db = await projectWithWards();
    const r = await runImport(db, fileBytesSource(SAMPLE, 65536), { format: 'auto', isCancelled: async () => true });
    expect(r.cancelled).toBe(true);
    expect(rows(db, 'SELECT COUNT(*) FROM crimes')).toEqual([[0]]);
  });

  it('runs inside a caller transaction without breaking it (savepoint)', async () => {
    const db = await projectWithWards();
    db.exec('BEGIN');
    const r = await runImport(db, fileBytesSource('import/excel-months.csv'), { format: 'police-uk' });
    expectAccounted(r);
    db.exec('ROLLBACK');
    expect(rows(db, 'SELECT COUNT(*) FROM crimes')).toEqual([[0]]);
  });

  it('lists imports, returns stored rejections and exports them as CSV', async () => {
    const db = await projectWithWards();
    const a = await runImport(db, fileBytesSource('import/crime-types.csv'), { format: 'police-uk' });
    const b = await runImport(db, fileBytesSource('import/crime-types.csv'), { format: 'police-uk' });
    expectAccounted(a);
    expectAccounted(b);
    expect(b).toMatchObject({ rowsRead: 5, imported: 0, duplicates: 3, rejected: 2 });
    expect(listImports(db).map(({ importedAt: _t, ...x }) => x)).toEqual([
      { id: 2, fileName: 'crime-types.csv', format: 'police-uk', rowsRead: 5, imported: 0, duplicates: 3, rejected: 2, outOfArea: 0, removed: null },
      { id: 1, fileName: 'crime-types.csv', format: 'police-uk', rowsRead: 5, imported: 3, duplicates: 0, rejected: 2, outOfArea: 0, removed: null },
    ]);
    const rej = getRejections(db, 1);
    expect(rej).toEqual(a.rejections);
    const csv = rejectionsToCsv([...rej, { line: 9, column: 'Location', reason: '=HYPERLINK("x")', raw: '@SUM(A1)' }]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('"line","column","reason","raw"');
    expect(lines[1]).toBe(`"5","Crime type","crime type is empty","${rej[0]!.raw}"`);
    expect(lines[2]).toBe(`"6","","expected 12 fields as in the header, found 13 (an unquoted "","" inside a value?)","${rej[1]!.raw}"`);
    // Formula-like cells are neutralised so Excel does not run them.
    expect(lines[3]).toBe(`"9","Location","'=HYPERLINK(""x"")","'@SUM(A1)"`);
    expect(lines).toHaveLength(5);
  });

  it('previews encoding, delimiter, header, first rows and the detected format', async () => {
    const p = await previewSource(fileBytesSource('import/windows-1252.csv', 64), 2);
    expect(p).toMatchObject({
      fileName: 'windows-1252.csv', encoding: 'windows-1252', delimiter: ',', detectedFormat: 'police-uk', confidence: 1,
      suggestedMapping: null, savedMapping: null, lines: [2, 3],
    });
    expect(p.header[0]).toBe('Crime ID');
    expect(p.rows.map((r) => r[6])).toEqual(['On or near Café Royal', 'On or near £1 Shop']);
    expect(p.warnings).toEqual(['The file is not valid UTF-8; it is read as Windows-1252.']);

    const db = await projectWithWards();
    const e = await previewSource(fileBytesSource('import/force-extract.csv'), 20, db);
    expect(e.detectedFormat).toBe('extract');
    expect(e.rows).toHaveLength(6);
    expect(e.suggestedMapping?.location).toEqual({ kind: 'bng', easting: 'Easting', northing: 'Northing' });
    expect(e.signature).toBe('crimeref|hooffencecode|offencedescription|committedfrom|committedto|easting|northing|ward|lsoa|knifeenabled|victimu25|daflag|ocglinked');

    const s = await previewSource(fileBytesSource('import/semicolon.csv'));
    expect(s).toMatchObject({ delimiter: ';', detectedFormat: 'police-uk' });
    expect(s.warnings).toEqual(['The file uses ";" as its delimiter, not a comma.']);
  });
});
