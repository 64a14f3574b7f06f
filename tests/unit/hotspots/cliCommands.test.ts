import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../cli/args';
import type { CliIO } from '../../../cli/command';
import { hotspotsCommand } from '../../../cli/commands/hotspots';
import { wardsCommand } from '../../../cli/commands/wards';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { makeDb } from './testDb';

function capture(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [], errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
}

describe('hotspots and wards CLI commands', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-cli-'));
  const db = await makeDb(
    [{ code: 'A', name: 'Alpha', district: 'North', e0: 420000, n0: 435000, e1: 421500, n1: 436500 }],
    Array.from({ length: 20 }, (_, k) => ({ month: k < 12 ? '2024-02' : '2024-01', type: 'Robbery', e: 420700 + (k % 2) * 150, n: 435700, ward: 'A' })),
  );
  installDefaults(db);
  const project = path.join(dir, 'p.hotspot');
  writeFileSync(project, db.export());

  it('writes a CSV led by method lines, one row per study-area cell', async () => {
    const io = capture();
    const out = path.join(dir, 'cells.csv');
    expect(await hotspotsCommand.run(['--project', project, '--scheme', 'cchi', '--out', out], io)).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    const comments = lines.filter((l) => l.startsWith('# '));
    for (const key of ['scheme', 'period', 'cell size', 'neighbourhood', 'correction']) {
      expect(comments.some((l) => l.startsWith(`# ${key}: `))).toBe(true);
    }
    expect(comments.find((l) => l.startsWith('# period: '))).toBe('# period: 2024-01 to 2024-02 (months inclusive)');
    const header = lines[comments.length]!.split(',');
    expect(header.slice(0, 3)).toEqual(['cell_id', 'easting', 'northing']);
    expect(header).toEqual(expect.arrayContaining(['count', 'harm', 'gi_z', 'p', 'p_fdr', 'class']));
    expect(lines.length - comments.length - 1).toBe(100);
    expect(io.outText[0]).toMatch(/100 cells/);
  });

  it('writes GeoJSON with metadata, and a sidecar method file on request', async () => {
    const gj = path.join(dir, 'cells.geojson');
    expect(await hotspotsCommand.run(['--project', project, '--out', gj, '--fdr', 'off', '--cell', '300'], capture())).toBe(0);
    const fc = JSON.parse(readFileSync(gj, 'utf8')) as { metadata: { method: { correction: { fdr: boolean } } }; features: unknown[] };
    expect(fc.metadata.method.correction.fdr).toBe(false);
    expect(fc.features.length).toBe(25);
    const csv = path.join(dir, 'plain.csv');
    expect(await hotspotsCommand.run(['--project', project, '--out', csv, '--method', 'sidecar'], capture())).toBe(0);
    expect(readFileSync(csv, 'utf8').startsWith('cell_id,')).toBe(true);
    expect(existsSync(path.join(dir, 'plain.method.txt'))).toBe(true);
  });

  it('writes the ward table with comparison columns', async () => {
    const out = path.join(dir, 'wards.csv');
    const io = capture();
    expect(await wardsCommand.run(['--project', project, '--from', '2024-02', '--to', '2024-02', '--scheme', 'count', '--baseline', '2024-01:2024-01', '--out', out], io)).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n').filter((l) => !l.startsWith('# '));
    expect(lines[0]).toMatch(/^row_type,ward_code,ward_name,district,count,harm,/);
    expect(lines[0]).toMatch(/harm_pct_change_vs_previous.*harm_pct_change_vs_baseline/);
    const alpha = lines[1]!.split(',');
    expect(alpha.slice(0, 6)).toEqual(['ward', 'A', 'Alpha', 'North', '12', '12']);
    // Previous (Jan 2024) = baseline here = 8 records: +50%.
    expect(lines[1]).toMatch(/,8,8,4,50,4,50,,8,8,4,50,4,50,$/); // each comparison ends in its (empty) note column
  });

  it('reports usage errors and unreadable projects', async () => {
    await expect(hotspotsCommand.run(['--out', 'x.csv'], capture())).rejects.toBeInstanceOf(UsageError);
    await expect(hotspotsCommand.run(['--project', project, '--out', 'x.txt'], capture())).rejects.toThrow(/csv or .geojson/);
    await expect(hotspotsCommand.run(['--project', project, '--out', path.join(dir, 'y.csv'), '--fdr', 'maybe'], capture())).rejects.toThrow(/on or off/);
    await expect(wardsCommand.run(['--project', path.join(dir, 'missing.hotspot'), '--out', path.join(dir, 'z.csv')], capture())).rejects.toThrow(/Cannot read project/);
    await expect(wardsCommand.run(['--project', project, '--out', path.join(dir, 'z.csv'), '--baseline', '2024'], capture())).rejects.toBeInstanceOf(UsageError);
    const io = capture();
    expect(await hotspotsCommand.run(['--help'], io)).toBe(0);
    expect(io.outText[0]).toMatch(/--fdr on\|off/);
  });
});
