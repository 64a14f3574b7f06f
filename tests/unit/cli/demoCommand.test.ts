import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openProjectFile } from '../../../cli/projectFile';
import { projectSummary } from '../../../shared/project/projectSummary';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

async function cli(...args: string[]) {
  try {
    const r = await run(tsx, ['cli/cli.ts', ...args], { cwd: path.resolve('.') });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('hotspot-planner demo', () => {
  it('writes DIR/demo.hotspot that reopens with the 124 wards and every row of the bundled police.uk zip', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-demo-'));
    const r = await cli('demo', '--out', dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Figures from tests/golden/demo_ward_counts.py (Python zipfile + its own point-in-polygon).
    expect(r.stdout).toContain('2014-08-west-yorkshire-street.csv (in west-yorkshire-demo-police-uk.zip): 19145 rows read, 19145 imported, 0 duplicates, 0 rejected, 9 outside the force area.');
    expect(r.stdout).toContain('2021-08-west-yorkshire-stop-and-search.csv (in west-yorkshire-demo-police-uk.zip): 1312 rows read, 1312 imported, 0 duplicates, 0 rejected, 3 outside the force area.');
    expect(r.stdout).toContain('5 files: 5 imported, 0 not imported, 0 skipped. Rows: 78812 read, 78812 imported, 0 duplicates, 0 rejected, 28 outside the force area.');
    const db = await openProjectFile(path.join(dir, 'demo.hotspot'));
    const s = projectSummary(db);
    expect(s.areas).toBe(124);
    expect(s.crimes).toBe(77500);
    expect(s.outOfArea).toBe(25);
    expect(s.placedInWard).toBe(76204);
    expect(s.stopSearches).toBe(1312);
    expect([s.firstMonth, s.lastMonth]).toEqual(['2014-08', '2014-11']);
    expect(s.imports).toBe(5);
  });

  it('prints help for the command and for the program', async () => {
    const r = await cli('demo', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: hotspot-planner demo --out DIR');
    const top = await cli('--help');
    expect(top.stdout).toContain('demo');
  });

  it('reports usage errors on stderr with exit code 2', async () => {
    const r = await cli('demo');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('demo: --out is required.');
    const u = await cli('nosuch');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('Unknown command "nosuch"');
  });
});
