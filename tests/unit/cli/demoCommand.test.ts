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
  it('writes DIR/demo.hotspot that reopens with the 124 wards and every sample row', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-demo-'));
    const r = await cli('demo', '--out', dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1611 rows read, 1611 imported, 0 duplicates, 0 rejected, 6 outside the force area');
    const db = await openProjectFile(path.join(dir, 'demo.hotspot'));
    const s = projectSummary(db);
    expect(s.areas).toBe(124);
    expect(s.crimes).toBe(1611);
    expect(s.outOfArea).toBe(6);
    expect(s.placedInWard).toBe(1605);
    expect([s.firstMonth, s.lastMonth]).toEqual(['2018-05', '2018-05']);
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
