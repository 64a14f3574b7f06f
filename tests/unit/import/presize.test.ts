import { describe, expect, it } from 'vitest';
import { fileSource, fixturePath } from '../../../cli/fixtures';
import { loadSqlJs } from '../../../cli/sqlNode';
import { openProjectDb } from '../../../shared/project/projectDb';
import { DB_BYTES_PER_CSV_BYTE, presizedProjectImage } from '../../../shared/import/presize';
import { runImport } from '../../../shared/import/runImport';
import { expectAccounted, fileBytesSource, projectWithWards, rows } from './helpers';

const SAMPLE = 'west-yorkshire-street_2018-05_sample_saf98_normalised.csv';

describe('a project reopened from a presized image', () => {
  it('imports, cancels and re-imports as the original would, and saves without the padding', async () => {
    const SQL = await loadSqlJs();
    const plain = await projectWithWards();
    const source = await fileSource(fixturePath(SAMPLE));
    // A small file of many distinct places can add more than the bulk ratio: pad generously here,
    // so that the padding surely outlasts the import and the saved file can be seen to drop it.
    const ratio = 4 * DB_BYTES_PER_CSV_BYTE;
    const image = presizedProjectImage(plain, source.size!, ratio);
    expect(image.length).toBeGreaterThanOrEqual(plain.export().length + ratio * source.size!);
    const db = openProjectDb(SQL, image, 'padded');
    const pages = () => Number(rows(db, 'PRAGMA page_count')[0]![0]);
    const before = pages();
    expect(before * 4096).toBe(plain.export().length);

    // Cancel leaves nothing, and the database stays sound.
    const cancelled = await runImport(db, fileBytesSource(SAMPLE, 16384), { format: 'police-uk', isCancelled: () => true });
    expect(cancelled.cancelled).toBe(true);
    expect(rows(db, 'SELECT COUNT(*) FROM crimes')).toEqual([[0]]);
    expect(pages()).toBe(before);
    expect(rows(db, 'PRAGMA integrity_check')).toEqual([['ok']]);

    const a = await runImport(db, await fileSource(fixturePath(SAMPLE)), { format: 'police-uk' });
    const b = await runImport(db, await fileSource(fixturePath(SAMPLE)), { format: 'police-uk' });
    const ref = await runImport(plain, await fileSource(fixturePath(SAMPLE)), { format: 'police-uk' });
    expectAccounted(a);
    expectAccounted(b);
    expect(a).toMatchObject({ rowsRead: 1611, imported: 1611, duplicates: 0 });
    expect(b).toMatchObject({ rowsRead: 1611, imported: 0, duplicates: 1611 });
    expect(rows(db, 'PRAGMA integrity_check')).toEqual([['ok']]);
    const q = 'SELECT dedupe_key, month, crime_type, ward_code, placed_by FROM crimes ORDER BY id';
    expect(rows(db, q)).toEqual(rows(plain, q));
    expect(ref.imported).toBe(a.imported);

    // Saved bytes hold the database only, and reopen as a normal project.
    const saved = db.export();
    expect(saved.length).toBe(pages() * 4096);
    expect(saved.length).toBeLessThan(image.length);
    const reopened = openProjectDb(SQL, saved, 'saved');
    expect(rows(reopened, 'SELECT COUNT(*) FROM crimes')).toEqual([[1611]]);
  });
});
