import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../cli/args';
import type { CliIO } from '../../../cli/command';
import { demoCommand } from '../../../cli/commands/demo';
import { evaluateCommand } from '../../../cli/commands/evaluate';
import { openProjectFile, saveProjectFile } from '../../../cli/projectFile';
import { squareCellId } from '../../../shared/hotspots/bngGrid';
import { savePlan } from '../../../shared/patrols/planStore';
import { queryAll } from '../../../shared/project/projectDb';
import { handPlan } from './planFixture';

function capture(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [], errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
}

describe('evaluate CLI on the demo project with a hand-saved plan', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-eval-'));
  expect(await demoCommand.run(['--out', dir], capture())).toBe(0);
  const project = path.join(dir, 'demo.hotspot');
  const db = await openProjectFile(project);
  // The two busiest 150 m cells of Nov 2014, counted straight from the crimes table.
  const top = queryAll<{ c: number; r: number; n: number }>(
    db,
    `SELECT CAST(easting / 150 AS INTEGER) AS c, CAST(northing / 150 AS INTEGER) AS r, COUNT(*) AS n FROM crimes
      WHERE easting IS NOT NULL AND out_of_area = 0 AND month = '2014-11' GROUP BY c, r ORDER BY n DESC, c, r LIMIT 2`,
  );
  const cells = top.map((t) => squareCellId(150, t.c, t.r));
  savePlan(db, handPlan('DEMO1', cells, { from: '2014-11-01', to: '2014-11-30', basisFrom: '2014-11', basisTo: '2014-11' }));
  await saveProjectFile(db, project);
  db.close();

  it('writes the CSV with counts that match the crimes table, and refuses a period without crime data', async () => {
    const out = path.join(dir, 'eval.csv');
    const io = capture();
    expect(await evaluateCommand.run(['--project', project, '--plan', 'DEMO1', '--before', '2014-08:2014-08', '--after', '2014-11:2014-11', '--out', out], io)).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/NaN|Infinity/);
    const lines = text.trim().split('\r\n');
    const comments = lines.filter((l) => l.startsWith('# '));
    expect(comments).toContain('# plan: DEMO1 (Plan DEMO1), patrol period 2014-11-01 to 2014-11-30, 2 hotspots');
    expect(comments.some((l) => l.startsWith('# buffer: cells of the same grid whose centres lie within 250 m'))).toBe(true);
    expect(comments.some((l) => l.startsWith('# days: No GPS visits or patrol records are imported for plan DEMO1'))).toBe(true);
    // The same two cells counted straight from the crimes table, for August.
    const check = await openProjectFile(project);
    const aug = top.map((t) => Number(check.exec(
      `SELECT COUNT(*) FROM crimes WHERE easting IS NOT NULL AND out_of_area = 0 AND month = '2014-08'
         AND CAST(easting / 150 AS INTEGER) = ${t.c} AND CAST(northing / 150 AS INTEGER) = ${t.r}`,
    )[0]!.values[0]![0]));
    check.close();
    const rows = Papa.parse<string[]>(lines.slice(comments.length + 1).join('\n')).data;
    const treated = rows.find((r) => r[0] === 'area' && r[1] === 'treated')!;
    // Columns 3-6: cells, before, after, change.
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    expect(treated.slice(3, 7)).toEqual(['2', String(sum(aug)), String(top[0]!.n + top[1]!.n), String(top[0]!.n + top[1]!.n - sum(aug))]);
    expect(rows.filter((r) => r[0] === 'hotspot').map((r) => [r[1], r[4], r[5]])).toEqual(cells.map((c, k) => [c, String(aug[k]), String(top[k]!.n)]));
    expect(io.outText[0]).toMatch(/^Wrote .*eval\.csv: treated \d+ -> \d+/);
    // July 2014 has no crime records in the demo: no data, not zero crime.
    await expect(evaluateCommand.run(['--project', project, '--plan', 'DEMO1', '--before', '2014-07:2014-07', '--after', '2014-11:2014-11', '--out', out], capture()))
      .rejects.toThrow('The before period (2014-07 to 2014-07) has no crime records in this project, so it cannot be compared: choose months that have data (months with data: 2014-08 to 2014-11).');
  });

  it('rejects bad arguments as usage errors (exit 2 from the CLI)', async () => {
    const out = path.join(dir, 'x.csv');
    const base = ['--project', project, '--plan', 'DEMO1', '--after', '2018-05:2018-05', '--out', out];
    await expect(evaluateCommand.run([...base, '--before', '2018-04'], capture())).rejects.toBeInstanceOf(UsageError);
    await expect(evaluateCommand.run([...base, '--before', '2018-05:2018-04'], capture())).rejects.toThrow(/starts \(2018-05\) after it ends/);
    await expect(evaluateCommand.run([...base, '--before', '2018-04:2018-04', '--buffer', '-5'], capture())).rejects.toThrow(/--buffer must be/);
    await expect(evaluateCommand.run(['--project', project, '--plan', 'DEMO1', '--before', '2018-04:2018-04', '--after', '2018-05:2018-05', '--out', 'x.txt'], capture())).rejects.toThrow(/\.csv/);
    await expect(evaluateCommand.run([...base, '--before', '2018-04:2018-04', '--plan', 'NOPE'], capture())).rejects.toThrow(/No patrol plan "NOPE"/);
    const run = promisify(execFile);
    const r = await run(path.resolve('node_modules/.bin/tsx'), ['cli/cli.ts', 'evaluate', ...base, '--before', 'April'], { cwd: path.resolve('.') }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((r as { code: number }).code).toBe(2);
    expect((r as { stderr: string }).stderr).toMatch(/--before must be two months as YYYY-MM:YYYY-MM/);
  });
});
