import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../cli/args';
import type { CliIO } from '../../../cli/command';
import { COMMANDS } from '../../../cli/commands';
import { hotspotsCommand } from '../../../cli/commands/hotspots';
import { trendsCommand } from '../../../cli/commands/trends';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { paiForSet, paiLine, parsePaiSet } from '../../../shared/hotspots/paiForSet';
import { runHotspotAnalysis } from '../../../shared/hotspots/runHotspotAnalysis';
import { makeDb, type TestCrime } from '../hotspots/testDb';

function capture(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [], errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
}

/** One 1.5 km square ward = 10 x 10 cells of 150 m; SW corner of the grid at E420000 N435000. */
const WARD = [{ code: 'A', name: 'Alpha', district: 'North', e0: 420000, n0: 435000, e1: 421500, n1: 436500 }];
const cellId = (c: number, r: number) => `SQ150_E${420000 + 150 * c}_N${435000 + 150 * r}`;
/** `per` records in each cell of the 3 x 3 block centred on cell (c, r). */
function block(month: string, c: number, r: number, per: number, type = 'Robbery'): TestCrime[] {
  const out: TestCrime[] = [];
  for (let dc = -1; dc <= 1; dc++) for (let dr = -1; dr <= 1; dr++) {
    for (let k = 0; k < per; k++) out.push({ month, type, e: 420075 + 150 * (c + dc), n: 435075 + 150 * (r + dr), ward: 'A' });
  }
  return out;
}
/** One record in each of a few scattered cells, so no month's grid is all zeros but the blocks. */
const background = (month: string): TestCrime[] =>
  [[0, 9], [5, 0], [9, 4], [5, 5], [9, 9]].map(([c, r]) => ({ month, type: 'Other theft', e: 420075 + 150 * c!, n: 435075 + 150 * r!, ward: 'A' }));

const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'];

describe('trends CLI command', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-trends-'));
  const crimes: TestCrime[] = [];
  for (const m of MONTHS) {
    crimes.push(...background(m));
    // Persistent block around cell (2,2): every month but March (4 of 5 periods = 0.8).
    if (m !== '2024-03') crimes.push(...block(m, 2, 2, 10));
  }
  crimes.push(...block('2024-01', 2, 7, 10)); // former: January only
  crimes.push(...block('2024-05', 7, 7, 10)); // emerging: May only (the one recent period of 5)
  const db = await makeDb(WARD, crimes);
  installDefaults(db);
  const project = path.join(dir, 'p.hotspot');
  writeFileSync(project, db.export());

  const readCsv = (file: string) => {
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    const comments = lines.filter((l) => l.startsWith('# '));
    const rows = lines.slice(comments.length + 1).map((l) => l.split(','));
    return { comments, header: lines[comments.length]!, trend: new Map(rows.map((r) => [r[0]!, { trend: r[1]!, hot: Number(r[2]), cold: Number(r[3]) }])) };
  };

  it('is registered with the other commands', () => {
    expect(COMMANDS.map((c) => c.name)).toContain('trends');
  });

  it('classifies persistent, former and emerging hot spots over one-month periods, method in # lines', async () => {
    const out = path.join(dir, 'trends.csv');
    const io = capture();
    expect(await trendsCommand.run(['--project', project, '--months', '1', '--scheme', 'cchi', '--out', out], io)).toBe(0);
    const { comments, header, trend } = readCsv(out);
    expect(header).toBe('cell_id,trend,hot_periods,cold_periods');
    expect(trend.size).toBe(100);
    expect(trend.get(cellId(2, 2))).toEqual({ trend: 'persistent hotspot', hot: 4, cold: 0 });
    expect(trend.get(cellId(2, 7))).toEqual({ trend: 'former hotspot', hot: 1, cold: 0 });
    expect(trend.get(cellId(7, 7))).toEqual({ trend: 'emerging hotspot', hot: 1, cold: 0 });
    expect(comments).toContain('# periods: 2024-01, 2024-02, 2024-03, 2024-04, 2024-05');
    expect(comments[0]).toBe('# scheme: CCHI, derived category averages (weights by police.uk category; table #ee0195f0)');
    expect(comments[1]).toMatch(/^# weights: Anti-social behaviour=1; .*Robbery=365; /);
    expect(comments).toContain('# category set: all records');
    expect(comments.find((l) => l.startsWith('# classification: '))).toMatch(/over 5 periods with records .* last 1 recent; .*persistent: share of periods >= 0.8/);
    expect(io.outText[0]).toMatch(/^Wrote .*trends\.csv: 100 cells over 5 periods \(5 with records\); persistent hotspot \d+,/);
  });

  it('passes the shares through: a higher persistent share turns 4 of 5 periods into intermittent', async () => {
    const out = path.join(dir, 'strict.csv');
    expect(await trendsCommand.run(['--project', project, '--months', '1', '--persistent-share', '0.9', '--out', out], capture())).toBe(0);
    const { comments, trend } = readCsv(out);
    expect(trend.get(cellId(2, 2))!.trend).toBe('intermittent hotspot');
    expect(comments.find((l) => l.startsWith('# classification: '))).toContain('persistent: share of periods >= 0.9');
    // Recent share 0.4 of 5 periods: the last floor(0.4 x 5) = 2 are recent; May's block still
    // qualifies as emerging (older 0 of 3 < 0.1, recent 1 of 2 = 0.5 >= 0.4).
    const out2 = path.join(dir, 'recent.csv');
    expect(await trendsCommand.run(['--project', project, '--months', '1', '--recent-share', '0.4', '--out', out2], capture())).toBe(0);
    const r2 = readCsv(out2);
    expect(r2.comments.find((l) => l.startsWith('# classification: '))).toContain('last 2 recent');
    expect(r2.trend.get(cellId(7, 7))!.trend).toBe('emerging hotspot');
  });

  it('cuts periods of --months back from --to, and writes GeoJSON with metadata', async () => {
    const gj = path.join(dir, 'trends.geojson');
    expect(await trendsCommand.run(['--project', project, '--months', '2', '--to', '2024-05', '--out', gj], capture())).toBe(0);
    const fc = JSON.parse(readFileSync(gj, 'utf8')) as {
      metadata: { methodLines: string[]; periods: { from: string; to: string }[] };
      features: { properties: { cell_id: string; trend: string }; geometry: { coordinates: number[][][] } }[];
    };
    expect(fc.metadata.periods).toEqual([{ from: '2024-01', to: '2024-01' }, { from: '2024-02', to: '2024-03' }, { from: '2024-04', to: '2024-05' }]);
    expect(fc.metadata.methodLines).toContain('periods: 2024-01, 2024-02..2024-03, 2024-04..2024-05');
    expect(fc.features.length).toBe(100);
    expect(fc.features[0]!.geometry.coordinates[0]!.length).toBe(5);
    const [lon, lat] = fc.features[0]!.geometry.coordinates[0]![0]!;
    expect(lon).toBeGreaterThan(-1.8);
    expect(lat).toBeGreaterThan(53.7);
  });

  it('refuses bad options in words', async () => {
    const out = path.join(dir, 'x.csv');
    await expect(trendsCommand.run(['--project', project, '--out', 'x.txt'], capture())).rejects.toThrow(/csv or .geojson/);
    await expect(trendsCommand.run(['--project', project, '--out', out, '--months', '0'], capture())).rejects.toBeInstanceOf(UsageError);
    await expect(trendsCommand.run(['--project', project, '--out', out, '--recent-share', '1.5'], capture())).rejects.toThrow(/between 0 and 1/);
    await expect(trendsCommand.run(['--project', project, '--out', out, '--from', '2024-1'], capture())).rejects.toThrow(/YYYY-MM/);
    // One period cannot show a trend.
    await expect(trendsCommand.run(['--project', project, '--out', out, '--months', '12'], capture())).rejects.toThrow(/at least 2 periods/);
    const io = capture();
    expect(await trendsCommand.run(['--help'], io)).toBe(0);
    expect(io.outText[0]).toMatch(/--persistent-share/);
  });
});

describe('PAI for a hotspot set', () => {
  it('is hand-worked for top N and Gi* hot sets', () => {
    const cells = { n: 4, harm: [5, 3, 2, 0], cls: [3, 2, 0, -1] };
    expect(paiForSet(cells, { kind: 'hot', level: 3 })).toEqual({ label: 'Gi* hot cells at 99% or more', cells: 1, harmShare: 0.5, areaShare: 0.25, pai: 2 });
    expect(paiForSet(cells, { kind: 'hot', level: 2 }).pai).toBeCloseTo(1.6, 12);
    expect(paiForSet(cells, { kind: 'top', n: 3 }).pai).toBeCloseTo(4 / 3, 12);
    expect(paiLine(paiForSet(cells, { kind: 'top', n: 1 }))).toBe('top 1 cells by harm: 1 cell (25.0% of the study area) hold 50.0% of harm; PAI 2.00 (harm share / area share)');
    expect(paiLine(paiForSet({ n: 2, harm: [0, 0], cls: [0, 0] }, { kind: 'top', n: 1 }))).toMatch(/no harm in the study area, so PAI is undefined$/);
    expect(paiLine(paiForSet({ n: 2, harm: [1, 0], cls: [0, 0] }, { kind: 'hot', level: 1 }))).toMatch(/0 cells .*no cells in the set, so PAI is undefined$/);
  });

  it('parses top:N and hot:90|95|99', () => {
    expect(parsePaiSet('top:20')).toEqual({ kind: 'top', n: 20 });
    expect(parsePaiSet('HOT:95')).toEqual({ kind: 'hot', level: 2 });
    expect(parsePaiSet('hot:99')).toEqual({ kind: 'hot', level: 3 });
    for (const bad of ['top:0', 'hot:80', 'top20', 'best:5']) expect(() => parsePaiSet(bad)).toThrow(/top:N .* hot:90, hot:95 or hot:99/);
  });

  it('hotspots --pai prints the PAI line and writes it in the method lines', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hp-pai-'));
    // 12 records in one cell, 6 in another, 2 in a third: 20 in all over 100 cells.
    const at = (c: number, r: number, k: number): TestCrime[] => Array.from({ length: k }, () => ({ month: '2024-01', type: 'Robbery', e: 420075 + 150 * c, n: 435075 + 150 * r, ward: 'A' }));
    const db = await makeDb(WARD, [...at(2, 2, 12), ...at(7, 7, 6), ...at(5, 1, 2)]);
    installDefaults(db);
    const project = path.join(dir, 'p.hotspot');
    writeFileSync(project, db.export());
    const out = path.join(dir, 'cells.csv');
    const io = capture();
    expect(await hotspotsCommand.run(['--project', project, '--out', out, '--pai', 'top:2'], io)).toBe(0);
    // Top 2 cells hold 18 of 20 records on 2 of 100 cells: PAI = 0.9 / 0.02 = 45.
    const line = 'top 2 cells by harm: 2 cells (2.0% of the study area) hold 90.0% of harm; PAI 45.00 (harm share / area share)';
    expect(io.outText).toContain(`PAI ${line}`);
    expect(readFileSync(out, 'utf8').split('\r\n')).toContain(`# pai: ${line}`);

    const gj = path.join(dir, 'cells.geojson');
    expect(await hotspotsCommand.run(['--project', project, '--out', gj, '--pai', 'hot:95'], capture())).toBe(0);
    const meta = (JSON.parse(readFileSync(gj, 'utf8')) as { metadata: { methodLines: string[] } }).metadata.methodLines;
    const expected = paiLine(paiForSet(runHotspotAnalysis(db, {}).cells, { kind: 'hot', level: 2 }));
    expect(meta).toContain(`pai: ${expected}`);
    expect(expected).toMatch(/^Gi\* hot cells at 95% or more: /);

    await expect(hotspotsCommand.run(['--project', project, '--out', out, '--pai', 'top:0'], capture())).rejects.toBeInstanceOf(UsageError);
  });
});
