import { readFileSync } from 'node:fs';
import type { Database } from 'sql.js';
import { afterAll, describe, expect, it } from 'vitest';
import { fileRandomAccess, fixturePath } from '../../../cli/fixtures';
import { DEMO_ZIP_NAME } from '../../../shared/project/demoProject';
import { listZipMembers, zipMemberSource } from '../../../shared/import/zipSource';
import { runImport } from '../../../shared/import/runImport';
import { runImportBatch } from '../../../shared/import/runImportBatch';
import { PlaceMemo } from '../../../shared/import/placeMemo';
import { StoredKeys } from '../../../shared/repository/records/keyIndex';
import type { ImportReport, ImportSource } from '../../../shared/import/types';
import type { RowSplitter } from '../../../shared/import/rowSplitter';
import { bytesSource, expectAccounted, fixture, projectWithWards, rows } from './helpers';
import { workerRowSplitter } from './workerSplitter';

/**
 * The byte-level police.uk reader (shared/import/policeUkFastRows.ts) only replays what the full
 * path did for rows like ones it has already read. These tests import the same files both ways
 * and require every table the import writes, and every report, to be identical: with the rows
 * split on the importing thread, and split on a worker thread (the CLI's and the app's way), where
 * the splitter also places new snap points and hashes rows without a Crime ID.
 */

/** Every table an import writes, whole and in storage order (import times aside). */
function snapshot(db: Database): Record<string, unknown[][]> {
  const tables = {
    crime_rows: 'SELECT * FROM crime_rows ORDER BY id',
    places: 'SELECT * FROM places ORDER BY id',
    text_dict: 'SELECT * FROM text_dict ORDER BY id',
    crime_extras: 'SELECT * FROM crime_extras ORDER BY crime_id',
    imports: 'SELECT id, file_name, format, rows_read, imported, duplicates, rejected, out_of_area, mapping FROM imports ORDER BY id',
    import_rejections: 'SELECT * FROM import_rejections ORDER BY rowid',
    crimes: 'SELECT * FROM crimes ORDER BY id',
  };
  return Object.fromEntries(Object.entries(tables).map(([name, sql]) => [name, rows(db, sql)]));
}

async function importBothWays(sources: () => ImportSource[], splitter?: RowSplitter): Promise<{ fast: ImportReport[]; slow: ImportReport[]; fastDb: Database; slowDb: Database }> {
  const fastDb = await projectWithWards(), slowDb = await projectWithWards();
  const fast: ImportReport[] = [], slow: ImportReport[] = [];
  for (const s of sources()) fast.push(await runImport(fastDb, s, { format: 'police-uk', splitter }));
  for (const s of sources()) slow.push(await runImport(slowDb, s, { format: 'police-uk', fastRows: false }));
  return { fast, slow, fastDb, slowDb };
}

/** A small seeded generator (mulberry32), so the edge-case file is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A police.uk file built from the real May 2018 sample's places, with every kind of row the byte
 * reader must either take exactly or hand on: Crime IDs and none (repeated ASB rows), upper-case
 * IDs, duplicates, quoted fields with commas, non-ASCII text, padded fields, numbers written two
 * ways, unknown and empty types, bad months and coordinates, no coordinates (LSOA placement),
 * wrong field counts and blank lines.
 */
function edgeFile(rowCount: number, newline: string): Uint8Array {
  const sample = readFileSync(fixture('west-yorkshire-street_2018-05_sample_saf98_normalised.csv'), 'utf8').split('\n');
  const header = sample[0]!;
  const places = sample.slice(1).filter(Boolean).map((l) => l.split(',')).map((f) => ({ lon: f[4]!, lat: f[5]!, loc: f[6]!, lsoa: f[7]!, lsoaName: f[8]! }));
  const types = ['Burglary', 'Violence and sexual offences', 'Other theft', 'Shoplifting', 'Criminal damage and arson', 'Drugs'];
  const outcomes = ['Investigation complete; no suspect identified', 'Unable to prosecute suspect', 'Under investigation', ''];
  const rand = seeded(20181105);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const hex = () => Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
  const lines: string[] = [header];
  const written: string[] = [];
  for (let i = 0; i < rowCount; i++) {
    const p = pick(places.slice(0, 400));
    const month = pick(['2018-05', '2018-05', '2018-06', 'Jun-18']);
    const f = [hex(), month, 'West Yorkshire Police', 'West Yorkshire Police', p.lon, p.lat, p.loc, p.lsoa, p.lsoaName, pick(types), pick(outcomes), ''];
    const r = rand();
    if (r < 0.25) {
      // Anti-social behaviour: no Crime ID, no outcome; a small pool so identical rows repeat.
      const q = places[Math.floor(rand() * 20)]!;
      f[0] = ''; f[4] = q.lon; f[5] = q.lat; f[6] = q.loc; f[7] = q.lsoa; f[9] = 'Anti-social behaviour'; f[10] = '';
    } else if (r < 0.28) f[0] = f[0]!.toUpperCase();
    else if (r < 0.30 && written.length > 0) {
      lines.push(pick(written));
      continue;
    } else if (r < 0.31) f[6] = `"On or near ${p.loc.slice(11)}, Leeds"`;
    else if (r < 0.32) f[6] = 'On or near Café Royal';
    else if (r < 0.33) f[9] = 'Violent crime';
    else if (r < 0.335) f[9] = '';
    else if (r < 0.34) f[1] = '2018-13';
    else if (r < 0.345) f[4] = 'abc';
    else if (r < 0.355) f[4] = f[5] = '';
    else if (r < 0.36) f.push('extra');
    else if (r < 0.365) {
      lines.push('');
      continue;
    } else if (r < 0.375) {
      f[6] = ` ${f[6]} `;
      f[4] = `${f[4]}00`;
    } else if (r < 0.38) f[0] = f[0]!.slice(1);
    else if (r < 0.385) f[7] = ` ${f[7]}`;
    const line = f.join(',');
    written.push(line);
    lines.push(line);
  }
  return new TextEncoder().encode(lines.join(newline) + newline);
}

const built = await workerRowSplitter();
afterAll(() => built.close());
/** The worker splitter, counting the pieces it splits (so a test knows it was used). */
let pieces = 0;
const worker: RowSplitter = { split: (...a) => (pieces++, built.split(...a)), end: (f) => built.end(f) };

describe.each([
  ['split on the importing thread', undefined],
  ['split on a worker thread', worker],
] as const)('the byte-level police.uk reader gives exactly what the full path gives (%s)', (_name, splitter) => {
  it('on the four real West Yorkshire months imported as one batch (places carried from file to file), a failed file and a month again', async () => {
    const zip = await fileRandomAccess(fixturePath(DEMO_ZIP_NAME));
    const members = (await listZipMembers(zip)).filter((m) => /street\.csv$/.test(m.path));
    const fastDb = await projectWithWards(), slowDb = await projectWithWards();
    const batch = async (db: Database, fastRows: boolean) => {
      // As a folder of the month files (a zip member's name says which zip it is in).
      const inputs = members.map((m) => ({ kind: 'csv' as const, source: { ...zipMemberSource(zip, m), name: m.path.split('/').pop()! } }));
      // A file with a bad header in the middle fails as a whole; the files after it still import.
      inputs.splice(2, 0, { kind: 'csv', source: bytesSource('2014-09-west-yorkshire-street.csv', new TextEncoder().encode('nonsense\n1\n')) });
      // The second month again: every row a duplicate.
      inputs.push({ ...inputs[1]! });
      return runImportBatch(db, inputs, { format: 'police-uk', fastRows, splitter: fastRows ? splitter : undefined });
    };
    const before = pieces;
    const fast = await batch(fastDb, true), slow = await batch(slowDb, false);
    if (splitter) expect(pieces - before).toBeGreaterThan(50);
    expect(fast.totals).toMatchObject({ importedFiles: 5, notImported: 1, imported: 77500, duplicates: 18843 });
    for (const f of fast.files) if (f.report) expectAccounted(f.report);
    expect(fast).toEqual(slow);
    expect(snapshot(fastDb)).toEqual(snapshot(slowDb));
  }, 60_000);

  it('after a file cancelled part-way, whose places it must forget', async () => {
    const zip = await fileRandomAccess(fixturePath(DEMO_ZIP_NAME));
    const members = (await listZipMembers(zip)).filter((m) => /street\.csv$/.test(m.path)).slice(0, 2);
    const run = async (fastRows: boolean) => {
      const db = await projectWithWards();
      const shared = { storedKeys: new StoredKeys(), placeMemo: new PlaceMemo(), format: 'police-uk' as const, fastRows, splitter: fastRows ? splitter : undefined };
      const stop = new AbortController();
      let pieces = 0;
      const cancelled = await runImport(db, zipMemberSource(zip, members[1]!), {
        ...shared, signal: stop.signal, onProgress: () => void (++pieces === 4 && stop.abort()),
      });
      expect(cancelled.cancelled).toBe(true);
      const reports = [];
      for (const m of members) reports.push(await runImport(db, zipMemberSource(zip, m), shared));
      return { db, reports };
    };
    const fast = await run(true), slow = await run(false);
    expect(fast.reports.map((r) => r.imported)).toEqual([19145, 18843]);
    expect(fast.reports).toEqual(slow.reports);
    expect(snapshot(fast.db)).toEqual(snapshot(slow.db));
  }, 60_000);

  for (const [name, newline] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    // Through the worker, the smallest pieces only: one message a row or two, the hardest case.
    for (const chunk of splitter ? [97] : [97, 65536]) {
      it(`on a file of every kind of row (${name} line ends, ${chunk}-byte chunks), imported twice`, async () => {
        const bytes = edgeFile(6000, newline);
        const sources = () => [bytesSource('edge.csv', bytes, chunk), bytesSource('edge.csv', bytes, chunk)];
        const { fast, slow, fastDb, slowDb } = await importBothWays(sources, splitter);
        for (const r of fast) expectAccounted(r);
        // The file holds each kind of row it is meant to (else this test would prove little).
        const f = fast[0]!;
        expect(f.rejected).toBeGreaterThan(100);
        expect(f.duplicates).toBeGreaterThan(50);
        expect(f.placedBy.lsoa11).toBeGreaterThan(20);
        expect(f.warnings.some((w) => w.startsWith('Unknown crime type "Violent crime"'))).toBe(true);
        expect(fast[1]!.imported).toBe(0);
        expect(fast[1]!.duplicates).toBe(f.imported + f.duplicates);
        expect(rows(fastDb, "SELECT COUNT(*) FROM crimes WHERE location LIKE '%, Leeds' OR location = 'On or near Café Royal'")[0]![0]).toBeGreaterThan(50);
        expect(fast).toEqual(slow);
        expect(snapshot(fastDb)).toEqual(snapshot(slowDb));
      }, 60_000);
    }
  }
});
