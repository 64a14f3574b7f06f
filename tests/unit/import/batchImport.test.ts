import { describe, expect, it } from 'vitest';
import { listImports } from '../../../shared/import/importHistory';
import { removeImport } from '../../../shared/import/removeImport';
import { runImportBatch } from '../../../shared/import/runImportBatch';
import { fileBytesSource, projectWithWards, rows } from './helpers';

describe('importing several files at once', () => {
  it('imports each file in its own transaction, reports the ones that fail and totals the rest', async () => {
    const db = await projectWithWards();
    const r = await runImportBatch(db, [
      { kind: 'csv', source: fileBytesSource('west-yorkshire-street_2018-05_sample_saf98_normalised.csv') },
      { kind: 'csv', source: fileBytesSource('import/header-only.csv') },
      { kind: 'csv', source: fileBytesSource('import/crime-types.csv') },
      { kind: 'csv', source: fileBytesSource('import/asb-blank-ids.csv') },
    ]);
    expect(r.files.map((f) => [f.name, f.status, f.report?.rowsRead ?? null])).toEqual([
      ['west-yorkshire-street_2018-05_sample_saf98_normalised.csv', 'imported', 1611],
      ['header-only.csv', 'not-imported', null],
      ['crime-types.csv', 'imported', 5],
      ['asb-blank-ids.csv', 'imported', expect.any(Number)],
    ]);
    expect(r.files[1]!.message).toBe('header-only.csv: no rows: the file has a header and nothing else. Nothing was imported.');
    const reports = r.files.flatMap((f) => (f.report ? [f.report] : []));
    const sum = (k: 'rowsRead' | 'imported' | 'duplicates' | 'rejected') => reports.reduce((s, x) => s + x[k], 0);
    expect(r.totals).toMatchObject({ files: 4, importedFiles: 3, notImported: 1, skipped: 0, read: sum('rowsRead'), imported: sum('imported'), duplicates: sum('duplicates'), rejected: sum('rejected') });
    expect(r.totals.read).toBe(r.totals.imported + r.totals.duplicates + r.totals.rejected);
    // Three imports recorded (the header-only file is not), with one row per stored record.
    expect(rows(db, 'SELECT COUNT(*) FROM imports')).toEqual([[3]]);
    expect(rows(db, 'SELECT COUNT(*) FROM crimes')).toEqual([[r.totals.imported]]);
  });

  it('removes one import: its records go, the others stay, the history marks it removed, and it can be imported again', async () => {
    const db = await projectWithWards();
    const first = await runImportBatch(db, [
      { kind: 'csv', source: fileBytesSource('west-yorkshire-street_2018-05_sample_saf98_normalised.csv') },
      { kind: 'csv', source: fileBytesSource('import/crime-types.csv') },
    ]);
    const [sample, types] = first.files.map((f) => f.report!);
    const removal = removeImport(db, sample!.importId!, new Date('2026-11-30T06:00:00Z'));
    expect(removal).toEqual({ removedAt: '2026-11-30T06:00:00.000Z', crimes: 1611, stopSearches: 0, wardCounts: 0 });
    expect(rows(db, 'SELECT import_id, COUNT(*) FROM crimes GROUP BY 1')).toEqual([[types!.importId, 3]]);
    const history = listImports(db);
    expect(history.map((h) => [h.fileName, h.imported, h.removed?.removedAt ?? null])).toEqual([
      ['crime-types.csv', 3, null],
      ['west-yorkshire-street_2018-05_sample_saf98_normalised.csv', 1611, '2026-11-30T06:00:00.000Z'],
    ]);
    expect(() => removeImport(db, sample!.importId!)).toThrow('Import number 1 was already removed on 2026-11-30.');
    expect(() => removeImport(db, 99)).toThrow('There is no import number 99 in this project.');
    const again = await runImportBatch(db, [{ kind: 'csv', source: fileBytesSource('west-yorkshire-street_2018-05_sample_saf98_normalised.csv') }]);
    expect(again.totals).toMatchObject({ read: 1611, imported: 1611, duplicates: 0 });
  });
});
