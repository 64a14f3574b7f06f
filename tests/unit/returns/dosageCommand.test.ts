import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dosageCommand } from '../../../cli/commands/dosage';
import { saveProjectFile } from '../../../cli/projectFile';
import { addImport, addVisit, dbWithPlan } from './handBuilt';

const A = 'SQ150_E420000_N435000';

async function run(argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await dosageCommand.run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('dosage command', () => {
  it('writes the CSV and the XLSX for the plan covering the period, the same XLSX bytes for the same --generated-at', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-dosage-'));
    const db = await dbWithPlan();
    const imp = addImport(db, 'fixes', 'P1', { medianFixIntervalSeconds: 30 });
    addVisit(db, imp, 'PC1', A, '2025-04-10T18:00:00Z', 20);
    addVisit(db, imp, 'PC2', A, '2025-04-10T18:10:00Z', 20);
    const project = path.join(dir, 'p.hotspot');
    await saveProjectFile(db, project);

    const csv = path.join(dir, 'dosage.csv');
    const r = await run(['--project', project, '--quarter', '2025-26Q1', '--out', csv]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('plan P1, 2025-04-01 to 2025-06-30, 2 hotspots, 1 visits (1 >= 10 min), 0.5 of 45.5 target patrol hours');
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain(`${A},${A},Briggate,Leeds,Little London & Woodhouse,1,1,1,40,30,91,1,1365,2.2,gps`);

    const x1 = path.join(dir, 'r1.xlsx'), x2 = path.join(dir, 'r2.xlsx');
    for (const x of [x1, x2]) {
      expect((await run(['--project', project, '--from', '2025-04-01', '--to', '2025-06-30', '--plan', 'P1', '--generated-at', '2025-07-03T08:00:00Z', '--out', x])).code).toBe(0);
    }
    expect(readFileSync(x1).equals(readFileSync(x2))).toBe(true);
  });

  it('says what is wrong with the arguments', async () => {
    await expect(run(['--project', 'x.hotspot', '--quarter', '2025Q7', '--out', 'a.csv'])).rejects.toThrow(/2025-26 Q1/);
    await expect(run(['--project', 'x.hotspot', '--from', '2025-06-01', '--to', '2025-05-01', '--out', 'a.csv'])).rejects.toThrow(/before --from/);
    await expect(run(['--project', 'x.hotspot', '--from', '2025-06-01', '--to', '2025-06-30', '--out', 'a.pdf'])).rejects.toThrow(/\.csv or \.xlsx/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-dosage-'));
    const project = path.join(dir, 'p.hotspot');
    await saveProjectFile(await dbWithPlan(), project);
    await expect(run(['--project', project, '--from', '2024-06-01', '--to', '2024-06-30', '--out', path.join(dir, 'a.csv')])).rejects.toThrow(/No patrol plan in this project covers/);
  });
});
