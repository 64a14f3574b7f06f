import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../../cli/commands/import';
import { openProjectFile, saveProjectFile } from '../../../cli/projectFile';
import { loadSqlJs } from '../../../cli/sqlNode';
import { createProjectDb } from '../../../shared/project/projectDb';
import { fixture, rows } from './helpers';

async function emptyProject(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'hp-import-cli-')), 'p.hotspot');
  const db = createProjectDb(await loadSqlJs(), 'cli test');
  await saveProjectFile(db, file);
  db.close();
  return file;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('hotspot-planner import', () => {
  it('loads boundaries, imports several files with a mapping, prints JSON and saves the project', async () => {
    const project = await emptyProject();
    const c = capture();
    const code = await importCommand.run(
      [
        '--project', project, '--boundaries', fixture('wy_wards_2025_bgc.geojson'),
        '--crimes', fixture('west-yorkshire-street_2018-05_sample_saf98.csv'), fixture('import/force-extract.csv'),
        '--mapping', fixture('import/force-extract.mapping.json'), '--json',
      ],
      c.io,
    );
    expect(code).toBe(0);
    const json = JSON.parse(c.out.join('\n')) as { boundaries: { imported: number }; imports: Record<string, unknown>[] };
    expect(json.boundaries.imported).toBe(124);
    expect(json.imports.map((r) => [r.file, r.format, r.read, r.imported, r.duplicates, r.rejected, r.outOfArea])).toEqual([
      ['west-yorkshire-street_2018-05_sample_saf98.csv', 'police-uk', 1611, 1611, 0, 0, 6],
      ['force-extract.csv', 'extract', 6, 3, 1, 2, 0],
    ]);
    expect((json.imports[1]!.rejections as unknown[]).length).toBe(2);
    const db = await openProjectFile(project);
    expect(rows(db, 'SELECT COUNT(*) FROM crimes')).toEqual([[1614]]);
    expect(rows(db, 'SELECT COUNT(*) FROM import_mappings')).toEqual([[1]]);
    db.close();
  });

  it('prints a human summary with rejections', async () => {
    const project = await emptyProject();
    const c = capture();
    expect(await importCommand.run(['--project', project, '--crimes', fixture('import/crime-types.csv')], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain(
      'crime-types.csv (police-uk, utf-8): 5 rows read, 3 imported, 0 duplicates, 2 rejected, 0 outside the force area.\n' +
        '  placed by: point 3\n',
    );
    expect(c.out.join('\n')).toContain('  rejected line 5, column "Crime type": crime type is empty');
  });

  it('fails with a message naming the file when a file cannot be imported, leaving the project unchanged', async () => {
    const project = await emptyProject();
    const before = readFileSync(project);
    const c = capture();
    await expect(importCommand.run(['--project', project, '--crimes', fixture('import/binary.csv')], c.io)).rejects.toThrow(
      /^binary\.csv is not a CSV file: it holds binary data/,
    );
    expect(readFileSync(project).equals(before)).toBe(true);
    await expect(importCommand.run(['--project', project, '--crimes', fixture('import/x.csv'), '--format', 'nope'], c.io)).rejects.toThrow(
      '--format must be one of auto, police-uk, stop-search, extract, ward-counts.',
    );
  });

  it('imports a folder holding a police.uk zip and CSVs, reports each file and the totals, and exits 1 when one file fails', async () => {
    const project = await emptyProject();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'hp-import-folder-'));
    mkdirSync(path.join(folder, 'more'));
    const sample = readFileSync(fixture('west-yorkshire-street_2018-05_sample_saf98_normalised.csv'));
    writeFileSync(path.join(folder, 'download.zip'), zipSync({
      '2018-05': {
        '2018-05-west-yorkshire-street.csv': new Uint8Array(sample),
        '2018-05-west-yorkshire-outcomes.csv': strToU8('Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n'),
      },
    }));
    copyFileSync(fixture('import/crime-types.csv'), path.join(folder, 'more', 'crime-types.csv'));
    copyFileSync(fixture('import/header-only.csv'), path.join(folder, 'more', 'header-only.csv'));
    writeFileSync(path.join(folder, 'notes.docx'), 'not data');
    const c = capture();
    expect(await importCommand.run(['--project', project, '--crimes', folder, '--json'], c.io)).toBe(1);
    const json = JSON.parse(c.out.join('\n')) as { files: { file: string; status: string; message: string | null }[]; totals: Record<string, number> };
    expect(json.files.map((f) => [f.file, f.status])).toEqual([
      ['2018-05-west-yorkshire-outcomes.csv (in download.zip)', 'skipped'],
      ['2018-05-west-yorkshire-street.csv (in download.zip)', 'imported'],
      ['crime-types.csv', 'imported'],
      ['header-only.csv', 'not-imported'],
    ]);
    expect(json.files[3]!.message).toBe('header-only.csv: no rows: the file has a header and nothing else. Nothing was imported.');
    // 1,611 sample rows + crime-types.csv's 5 rows (3 imported, 2 rejected); the project has no wards, so none is out of area.
    expect(json.totals).toEqual({ files: 4, importedFiles: 2, notImported: 1, skipped: 1, read: 1616, imported: 1614, duplicates: 0, rejected: 2, outOfArea: 0 });
    // The files that went in are saved even though one failed.
    const db = await openProjectFile(project);
    expect(rows(db, 'SELECT COUNT(*) FROM crimes')).toEqual([[1614]]);
    db.close();
  });
});
