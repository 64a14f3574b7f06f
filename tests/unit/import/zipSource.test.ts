import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../shared/import/importError';
import { runImportBatch } from '../../../shared/import/runImportBatch';
import { bytesFile, listZipMembers, zipMemberSource } from '../../../shared/import/zipSource';
import { projectWithWards, rows } from './helpers';

const HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
// Baildon ward centroid (inside the force) for both rows; the second is an ASB row without an id.
const STREET = `${HEADER}\r\nabc123,2014-08,West Yorkshire Police,West Yorkshire Police,-1.7650,53.8500,On or near Browgate,E01010570,Bradford 001A,Burglary,Under investigation,\r\n,2014-08,West Yorkshire Police,West Yorkshire Police,-1.7650,53.8500,On or near Browgate,E01010570,Bradford 001A,Anti-social behaviour,,\r\n`;
const SEARCH = 'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing\n' +
  'Person search,2014-08-03T10:00:00+00:00,,,53.8500,-1.7650,Male,18-24,,,Misuse of Drugs Act 1971 (section 23),Controlled drugs,Arrest,,\n';
const OUTCOMES = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\nabc123,2014-09,West Yorkshire Police,West Yorkshire Police,-1.7650,53.8500,On or near Browgate,E01010570,Bradford 001A,Suspect charged\n';

/** A police.uk download as the site lays it out: one folder per month. */
function downloadZip(): Uint8Array {
  return zipSync({
    '2014-08': {
      '2014-08-west-yorkshire-street.csv': strToU8(STREET),
      '2014-08-west-yorkshire-stop-and-search.csv': [strToU8(SEARCH), { level: 0 }],
      '2014-08-west-yorkshire-outcomes.csv': strToU8(OUTCOMES),
    },
    'readme.txt': strToU8('not a police.uk file'),
  }, { level: 9 });
}

async function collect(src: { chunks(): AsyncIterable<Uint8Array> }): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const c of src.chunks()) parts.push(c);
  return new TextDecoder().decode(Buffer.concat(parts));
}

describe('police.uk download zips', () => {
  it('lists members and streams each one back byte for byte (deflated and stored)', async () => {
    const zip = bytesFile('download.zip', downloadZip());
    const members = await listZipMembers(zip);
    expect(members.map((m) => m.path).sort()).toEqual([
      '2014-08/2014-08-west-yorkshire-outcomes.csv',
      '2014-08/2014-08-west-yorkshire-stop-and-search.csv',
      '2014-08/2014-08-west-yorkshire-street.csv',
      'readme.txt',
    ]);
    const street = members.find((m) => m.path.endsWith('street.csv'))!;
    const search = members.find((m) => m.path.endsWith('stop-and-search.csv'))!;
    expect(street.method).toBe(8);
    expect(search.method).toBe(0);
    expect(await collect(zipMemberSource(zip, street))).toBe(STREET);
    expect(await collect(zipMemberSource(zip, search))).toBe(SEARCH);
    expect(zipMemberSource(zip, street).name).toBe('2014-08-west-yorkshire-street.csv (in download.zip)');
  });

  it('imports street and stop-and-search members by their names, skips outcomes and non-CSV files, and totals the files', async () => {
    const db = await projectWithWards();
    const r = await runImportBatch(db, [{ kind: 'zip', file: bytesFile('download.zip', downloadZip()) }]);
    expect(r.files.map((f) => [f.name, f.status, f.format, f.message ?? ''])).toEqual([
      ['2014-08-west-yorkshire-outcomes.csv (in download.zip)', 'skipped', null, 'outcomes file: not imported (not needed for hotspot analysis)'],
      ['2014-08-west-yorkshire-stop-and-search.csv (in download.zip)', 'imported', 'stop-search', ''],
      ['2014-08-west-yorkshire-street.csv (in download.zip)', 'imported', 'police-uk', ''],
      ['readme.txt (in download.zip)', 'skipped', null, 'not a CSV file: not imported'],
    ]);
    expect(r.totals).toEqual({ files: 4, importedFiles: 2, notImported: 0, skipped: 2, read: 3, imported: 3, duplicates: 0, rejected: 0, outOfArea: 0 });
    expect(rows(db, 'SELECT (SELECT COUNT(*) FROM crimes), (SELECT COUNT(*) FROM stop_searches), (SELECT COUNT(*) FROM imports)')).toEqual([[2, 1, 2]]);
  });

  it('says a truncated or damaged zip is not readable, and imports nothing from it', async () => {
    const bytes = downloadZip();
    const truncated = bytesFile('cut.zip', bytes.subarray(0, bytes.length - 40));
    const err = await listZipMembers(truncated).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/^cut\.zip is not a readable zip file \(its table of contents at the end is missing\)\. It may be incomplete/);

    // Damage the street member's compressed bytes: its import fails on the checksum or the inflate, nothing is kept.
    const damaged = bytes.slice();
    const zip = bytesFile('bad.zip', damaged);
    const street = (await listZipMembers(zip)).find((m) => m.path.endsWith('street.csv'))!;
    const dataStart = street.localHeaderOffset + 30 + street.path.length;
    for (let i = 4; i < 24; i++) damaged[dataStart + i] = damaged[dataStart + i]! ^ 0x5a;
    const db = await projectWithWards();
    const r = await runImportBatch(db, [{ kind: 'zip', file: zip }]);
    const f = r.files.find((x) => x.name.startsWith('2014-08-west-yorkshire-street.csv'))!;
    expect(f.status).toBe('not-imported');
    expect(f.message).toMatch(/^2014-08-west-yorkshire-street\.csv \(in bad\.zip\) cannot be read: .*The zip is damaged; download it again\. Nothing from this file was imported\.$/);
    expect(rows(db, 'SELECT COUNT(*) FROM crimes')).toEqual([[0]]);
    // The undamaged member still went in, in its own transaction.
    expect(rows(db, 'SELECT COUNT(*) FROM stop_searches')).toEqual([[1]]);

    const notZip = await runImportBatch(db, [{ kind: 'zip', file: bytesFile('x.zip', new TextEncoder().encode('hello, this is text')) }]);
    expect(notZip.files).toEqual([{ name: 'x.zip', status: 'not-imported', format: null, message: expect.stringMatching(/^x\.zip is not a readable zip file/) }]);
  });

  it('streams a large member in steps: no read of the zip and no inflated piece is anywhere near the whole file', async () => {
    // 4 MB of rows with varying ids and coordinates (a linear congruential sequence), compressing about as police.uk months do.
    let x = 12345;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const text = HEADER + '\n' + Array.from({ length: 30_000 }, (_, i) =>
      `${Math.floor(next() * 1e15).toString(16)}${i},2014-08,West Yorkshire Police,West Yorkshire Police,${(-1.9 + next() * 0.6).toFixed(6)},${(53.6 + next() * 0.3).toFixed(6)},On or near Street ${Math.floor(next() * 900)},E0101${Math.floor(next() * 9000)},Leeds ${Math.floor(next() * 99)}A,Burglary,,\n`).join('');
    const bytes = zipSync({ '2014-08/2014-08-west-yorkshire-street.csv': strToU8(text) }, { level: 6 });
    const inner = bytesFile('big.zip', bytes);
    let largestRead = 0;
    const spy = { ...inner, read: (o: number, n: number) => ((largestRead = Math.max(largestRead, n)), inner.read(o, n)) };
    const [member] = await listZipMembers(spy);
    let pieces = 0, largestPiece = 0, total = 0;
    for await (const c of zipMemberSource(spy, member!).chunks()) {
      pieces++;
      largestPiece = Math.max(largestPiece, c.length);
      total += c.length;
    }
    expect(total).toBe(strToU8(text).length);
    expect(largestRead).toBeLessThanOrEqual(1 << 20);
    expect(pieces).toBeGreaterThan(4);
    expect(largestPiece).toBeLessThan(total / 4);
  });
});
