import { describe, expect, it } from 'vitest';
import { runImport } from '../../../shared/import/runImport';
import { ImportError } from '../../../shared/import/importError';
import { readFileSync } from 'node:fs';
import { bytesSource, expectAccounted, fileBytesSource, fixture, projectWithWards, rows, scalar } from './helpers';

const LOCATIONS = [['On or near Café Royal'], ['On or near £1 Shop'], ['On or near Otley Road']];

describe('encodings, delimiters and files that are not CSV', () => {
  // Chunk sizes: 7 bytes cuts inside multi-byte characters and the BOM; 1 MiB reads the file at once.
  for (const chunk of [7, 97, 1 << 20]) {
    for (const [file, encoding] of [
      ['import/utf8-bom.csv', 'utf-8'],
      ['import/utf8-no-bom.csv', 'utf-8'],
      ['import/windows-1252.csv', 'windows-1252'],
    ] as const) {
      it(`${file} in ${chunk}-byte chunks keeps é and £ (${encoding})`, async () => {
        const db = await projectWithWards();
        const r = await runImport(db, fileBytesSource(file, chunk), { format: 'auto' });
        expectAccounted(r);
        expect(r).toMatchObject({ format: 'police-uk', encoding, delimiter: ',', rowsRead: 3, imported: 3, duplicates: 0, rejected: 0, outOfArea: 0 });
        expect(rows(db, 'SELECT location FROM crimes ORDER BY id')).toEqual(LOCATIONS);
        expect(rows(db, 'SELECT ward_code FROM crimes ORDER BY id')).toEqual([['E05001341'], ['E05001341'], ['E05011397']]);
        // The first header name must not carry the BOM (else "Crime ID" would not be found).
        expect(scalar(db, 'SELECT COUNT(*) FROM crimes WHERE crime_ref IS NOT NULL')).toBe(3);
        const switched = r.warnings.filter((w) => w.includes('read as Windows-1252'));
        // The first é is past byte 200: a first chunk that holds it is sniffed; smaller chunks make the import restart.
        expect(switched.length).toBe(encoding === 'windows-1252' && chunk < 1000 ? 1 : 0);
      });
    }
  }

  for (const chunk of [7, 1 << 20]) {
    it(`reads a UTF-16 file (with its byte-order mark) in ${chunk}-byte chunks as the UTF-8 one`, async () => {
      const text = new TextDecoder().decode(readFileSync(fixture('import/utf8-no-bom.csv')));
      const utf16 = new Uint8Array(2 + text.length * 2);
      utf16[0] = 0xff;
      utf16[1] = 0xfe;
      for (let i = 0; i < text.length; i++) {
        utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
        utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
      }
      const db = await projectWithWards();
      const r = await runImport(db, bytesSource('utf16.csv', utf16, chunk), { format: 'auto' });
      expectAccounted(r);
      expect(r).toMatchObject({ format: 'police-uk', encoding: 'utf-16le', rowsRead: 3, imported: 3, rejected: 0 });
      expect(rows(db, 'SELECT location FROM crimes ORDER BY id')).toEqual(LOCATIONS);
      expect(scalar(db, 'SELECT COUNT(*) FROM crimes WHERE crime_ref IS NOT NULL')).toBe(3);
    });
  }

  it('detects a semicolon delimiter from the header and says so', async () => {
    const db = await projectWithWards();
    const r = await runImport(db, fileBytesSource('import/semicolon.csv'), { format: 'auto' });
    expectAccounted(r);
    expect(r).toMatchObject({ format: 'police-uk', delimiter: ';', rowsRead: 3, imported: 3, rejected: 0 });
    expect(r.warnings[0]).toBe('semicolon.csv uses ";" as its delimiter (detected from the header), not a comma.');
    expect(rows(db, 'SELECT location FROM crimes ORDER BY id')).toEqual(LOCATIONS);
  });

  it('refuses an empty file, and one of blank lines, importing nothing', async () => {
    const db = await projectWithWards();
    for (const f of ['empty.csv', 'blank-lines.csv']) {
      const err = await runImport(db, fileBytesSource(`import/${f}`), { format: 'auto' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).message).toBe(`${f} is empty: expected a header line and at least one row. Nothing was imported.`);
    }
    expect(rows(db, 'SELECT COUNT(*) FROM imports')).toEqual([[0]]);
  });

  it('refuses a header-only file as "no rows" and records no import', async () => {
    const db = await projectWithWards();
    const err = await runImport(db, fileBytesSource('import/header-only.csv'), { format: 'police-uk' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toBe('header-only.csv: no rows: the file has a header and nothing else. Nothing was imported.');
    expect(rows(db, 'SELECT (SELECT COUNT(*) FROM imports), (SELECT COUNT(*) FROM crimes)')).toEqual([[0, 0]]);
  });

  it('refuses a binary file renamed .csv with a clear error and imports nothing', async () => {
    const db = await projectWithWards();
    const err = await runImport(db, fileBytesSource('import/binary.csv'), { format: 'auto' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toBe(
      'binary.csv is not a CSV file: it holds binary data, as a spreadsheet or a zip does ' +
        '(its first bytes are those of a zip or Excel workbook). If it is an Excel workbook, save it as "CSV UTF-8" first; ' +
        'if it is a zip, import the .zip file itself. Nothing was imported.',
    );
    expect(rows(db, 'SELECT (SELECT COUNT(*) FROM imports), (SELECT COUNT(*) FROM crimes)')).toEqual([[0, 0]]);
  });

  it('names file, line and the missing columns when a forced format does not fit the header', async () => {
    const db = await projectWithWards();
    const err = await runImport(db, fileBytesSource('import/ward-counts.csv'), { format: 'police-uk' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).line).toBe(1);
    expect((err as ImportError).column).toBe('Crime ID');
    expect((err as Error).message).toBe(
      'ward-counts.csv line 1: not a police.uk street-crime header: expected columns Crime ID, Month, Longitude, Latitude, LSOA code, Crime type; ' +
        'missing Crime ID, Longitude, Latitude, LSOA code (found: Ward name, Ward code, Month, Crime type, Count). Nothing was imported.',
    );
    expect(rows(db, 'SELECT COUNT(*) FROM imports')).toEqual([[0]]);
  });
});
