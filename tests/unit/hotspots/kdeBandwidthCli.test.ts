import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hotspotsCommand } from '../../../cli/commands/hotspots';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { makeDb } from './testDb';

const quiet = { out: () => undefined, err: () => undefined };

describe('hotspots CLI: KDE bandwidth', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-kde-'));
  const db = await makeDb(
    [{ code: 'A', name: 'Alpha', district: 'North', e0: 420000, n0: 435000, e1: 421500, n1: 436500 }],
    Array.from({ length: 20 }, (_, k) => ({ month: '2024-02', type: 'Robbery', e: 420100 + (k % 5) * 290, n: 435100 + Math.floor(k / 5) * 330, ward: 'A' })),
  );
  installDefaults(db);
  const project = path.join(dir, 'p.hotspot');
  writeFileSync(project, db.export());
  const kdeLine = async (extra: string[]) => {
    const out = path.join(dir, `cells-${extra.join('-') || 'default'}.csv`);
    expect(await hotspotsCommand.run(['--project', project, '--out', out, ...extra], quiet)).toBe(0);
    return readFileSync(out, 'utf8').split('\r\n').find((l) => l.startsWith('# kde: '))!;
  };

  it('defaults to 2 x the cell size and says so, naming the rule of thumb it did not use', async () => {
    expect(await kdeLine([])).toMatch(/bandwidth 300\.0 m \(default: 2 x the 150 m cell size, for micro-places; the rule of thumb \(mean of MASS bandwidth\.nrd per axis: E [\d.]+ m, N [\d.]+ m\) is an option\)$/);
    expect(await kdeLine(['--cell', '200'])).toContain('bandwidth 400.0 m (default: 2 x the 200 m cell size');
  });

  it('uses the rule of thumb with --bandwidth nrd, and a number as given', async () => {
    const nrd = await kdeLine(['--bandwidth', 'nrd']);
    const [, h, e, n] = /bandwidth ([\d.]+) m \(rule of thumb, mean of MASS bandwidth\.nrd per axis: E ([\d.]+) m, N ([\d.]+) m\)$/.exec(nrd)!.map(Number);
    expect(h).toBeCloseTo((e! + n!) / 2, 0);
    expect(await kdeLine(['--bandwidth', '450'])).toMatch(/bandwidth 450\.0 m \(user\)$/);
    await expect(hotspotsCommand.run(['--project', project, '--out', path.join(dir, 'x.csv'), '--bandwidth', 'wide'], quiet)).rejects.toThrow('--bandwidth must be a positive number of metres (got "wide")');
  });
});
