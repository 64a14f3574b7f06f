import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../cli/args';
import type { CliIO } from '../../../cli/command';
import { demoCommand } from '../../../cli/commands/demo';
import { COMMANDS } from '../../../cli/commands/index';
import { planCommand } from '../../../cli/commands/plan';
import { openProjectFile } from '../../../cli/projectFile';
import { listPlans, loadPlan } from '../../../shared/patrols/planStore';

function capture(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [], errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
}

describe('plan CLI command on the demo project', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-plan-'));
  expect(await demoCommand.run(['--out', dir], capture())).toBe(0);
  const project = path.join(dir, 'demo.hotspot');

  it('is registered', () => {
    expect(COMMANDS.map((c) => c.name)).toContain('plan');
  });

  it('stores the plan, writes the schedule CSV and prints id, hotspots, target and warnings', async () => {
    const out = path.join(dir, 'plan.csv');
    const io = capture();
    const code = await planCommand.run(
      ['--project', project, '--hotspots', '6', '--per-district', 'proportional', '--min-separation', '500', '--teams', '2',
        '--seed', '11', '--name', 'Demo Q1', '--from', '2026-04-01', '--to', '2026-04-07', '--out', out],
      io,
    );
    expect(code).toBe(0);
    expect(io.outText[0]).toMatch(/^Plan (P20260401_[0-9a-f]{6}) "Demo Q1" stored in .*: 6 hotspots, 42 visits, target 10\.5 patrol hours \(630 minutes\) from 2026-04-01 to 2026-04-07\.$/);
    const id = /^Plan (\S+)/.exec(io.outText[0]!)![1]!;
    // Warnings from the basis Gi* run reach the analyst, prefixed so they read as basis-data notes.
    for (const l of io.errText) expect(l).toMatch(/^warning: /);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(`# plan id: ${id}`);
    // The demo's data ends in Nov 2014, so the default basis is the 12 months to then.
    expect(lines).toContain('# basis period: 2013-12 to 2014-11 (months inclusive; default: the 12 months to the latest month with data; 4 of 12 months have data: 2014-08, 2014-09, 2014-10, 2014-11)');
    expect(lines).toContain('# warning: Only 4 of the 12 basis months have crime data (2014-08, 2014-09, 2014-10, 2014-11): hotspots are ranked on those months alone.');
    const header = lines.findIndex((l) => l.startsWith('date,'));
    expect(lines.slice(header + 1)).toHaveLength(42);
    const db = await openProjectFile(project);
    try {
      expect(listPlans(db).map((p) => p.id)).toContain(id);
      const plan = loadPlan(db, id)!;
      expect(plan.hotspots).toHaveLength(6);
      expect(plan.choice.perDistrict).toEqual({ mode: 'proportional' });
      expect(plan.dosage.teams).toEqual(['Team 1', 'Team 2']);
      for (const h of plan.hotspots) expect(h.name).toMatch(/^On or near /);
    } finally {
      db.close();
    }
  });

  it('writes GeoJSON and KML', async () => {
    const gj = path.join(dir, 'plan.geojson');
    expect(await planCommand.run(['--project', project, '--hotspots', '3', '--from', '2026-04-01', '--to', '2026-04-02', '--out', gj], capture())).toBe(0);
    const fc = JSON.parse(readFileSync(gj, 'utf8')) as { metadata: { method: string[] }; features: unknown[] };
    expect(fc.features).toHaveLength(3);
    expect(fc.metadata.method.some((l) => l.startsWith('gi* rule: only cells classed hot at 95%'))).toBe(true);
    const kml = path.join(dir, 'plan.kml');
    expect(await planCommand.run(['--project', project, '--hotspots', '3', '--from', '2026-04-01', '--to', '2026-04-02', '--out', kml], capture())).toBe(0);
    expect(readFileSync(kml, 'utf8').match(/<Placemark[ >]/g)).toHaveLength(4);
  });

  it('plans by 2021 LSOA, loading the bundled LSOA boundaries once', async () => {
    const gj = path.join(dir, 'lsoa.geojson');
    const io = capture();
    expect(await planCommand.run(['--project', project, '--hotspots', '4', '--units', 'lsoa', '--from', '2026-04-01', '--to', '2026-04-02', '--out', gj], io)).toBe(0);
    expect(io.outText[0]).toBe('Loaded 1404 West Yorkshire 2021 LSOA boundaries (ONS, OGL v3) into the project\'s "lsoa21" layer.');
    const fc = JSON.parse(readFileSync(gj, 'utf8')) as { features: { id: string; properties: { district: string } }[] };
    expect(fc.features).toHaveLength(4);
    for (const f of fc.features) expect(f.id).toMatch(/^E0\d{7}$/);
    const again = capture();
    expect(await planCommand.run(['--project', project, '--hotspots', '4', '--units', 'lsoa', '--from', '2026-04-01', '--to', '2026-04-02', '--out', gj], again)).toBe(0);
    expect(again.outText[0]).toMatch(/^Plan /);
  });

  it('refuses bad usage with a usage error', async () => {
    await expect(planCommand.run(['--project', project, '--hotspots', '3', '--from', '2026-04-01', '--out', 'x.csv'], capture())).rejects.toThrow(new UsageError('--to is required.'));
    await expect(planCommand.run(['--project', project, '--hotspots', '3', '--from', '2026-04-01', '--to', '2026-04-02', '--out', 'x.txt'], capture())).rejects.toThrow(UsageError);
    await expect(planCommand.run(['--project', project, '--from', '2026-04-01', '--to', '2026-04-02', '--out', 'x.csv'], capture())).rejects.toThrow('--hotspots is required');
  });
});
