import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../cli/command';
import { openSession, saveSession } from '../../../cli/cliSession';
import { hotspotsCommand } from '../../../cli/commands/hotspots';
import { importCommand } from '../../../cli/commands/import';
import { trendsCommand } from '../../../cli/commands/trends';
import { progressPrinter, progressText } from '../../../cli/progressLine';
import { resolveHarmScheme } from '../../../shared/harm/harmSchemes';
import { getMeta } from '../../../shared/project/projectDb';
import { exportHotspots, runHotspots } from '../../../shared/session/analysisUseCases';
import { importFiles } from '../../../shared/session/importUseCases';
import { isCancellation } from '../../../shared/session/jobs';
import { closeProject, summary } from '../../../shared/session/projectUseCases';
import { exportTrends, runTrends } from '../../../shared/session/trendUseCases';
import { csvSource, policeUkCsv, wardsSession } from '../session/sessionHelpers';

function capture(extra: Partial<CliIO> = {}): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [], errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t), ...extra };
}

/** A project file with two months of police.uk rows, made through the session and saved as the CLI saves. */
async function projectFile(dir: string): Promise<string> {
  const s = await wardsSession();
  await importFiles(s, [
    { kind: 'csv', source: csvSource('2024-01-t-street.csv', policeUkCsv(1500, '2024-01')) },
    { kind: 'csv', source: csvSource('2024-02-t-street.csv', policeUkCsv(1200, '2024-02')) },
  ]);
  const file = path.join(dir, 'p.hotspot');
  await saveSession(s, file);
  closeProject(s);
  return file;
}

describe('the CLI runs the session use cases', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-parity-'));
  const project = await projectFile(dir);

  it('hotspots: the CLI file is byte for byte the session export of the same run', async () => {
    const out = path.join(dir, 'cells.csv');
    expect(await hotspotsCommand.run(['--project', project, '--scheme', 'cchi', '--out', out], capture())).toBe(0);
    const s = await openSession(project);
    await runHotspots(s, {
      from: undefined, to: undefined, types: undefined, schemeId: resolveHarmScheme(s.db, 'cchi')!.id, categorySetId: undefined,
      cellSize: undefined, shape: 'square', distance: undefined, fdr: true, kde: true, studyArea: { kind: 'force' }, inference: { kind: 'normal' },
    });
    const mine = await exportHotspots(s, 'csv');
    closeProject(s);
    const cli = readFileSync(out);
    expect(cli.length).toBeGreaterThan(1000);
    expect(Buffer.from(mine.bytes).equals(cli)).toBe(true);
  });

  it('trends: the same, for the GeoJSON file', async () => {
    const out = path.join(dir, 'trends.geojson');
    expect(await trendsCommand.run(['--project', project, '--months', '1', '--out', out], capture())).toBe(0);
    const s = await openSession(project);
    await runTrends(s, { from: undefined, to: undefined, types: undefined, schemeId: 'count', categorySetId: undefined, months: 1, shape: 'square', fdr: true, studyArea: { kind: 'force' } });
    const mine = exportTrends(s, 'geojson');
    closeProject(s);
    expect(Buffer.from(mine.bytes).equals(readFileSync(out))).toBe(true);
  });

  it('import: Ctrl-C (the signal) mid-file stops it and leaves the project file as it was', async () => {
    const csv = path.join(dir, '2024-03-big-street.csv');
    writeFileSync(csv, policeUkCsv(60_000, '2024-03'));
    const before = readFileSync(project);
    const ctl = new AbortController();
    const progress: string[] = [];
    const io = capture({
      signal: ctl.signal,
      progress: (p) => {
        progress.push(progressText(p));
        if ((p.rows ?? 0) > 0) ctl.abort();
      },
    });
    const failed = await importCommand.run(['--project', project, '--crimes', csv], io).then(() => null, (e: unknown) => e);
    expect(isCancellation(failed)).toBe(true);
    expect(progress.some((l) => /^Reading 2024-03-big-street\.csv · \d+% · [\d,]+ rows/.test(l))).toBe(true);
    expect(readFileSync(project).equals(before)).toBe(true);
    expect(io.outText).toEqual([]);
  });

  it('import --boundaries records boundaries_source in the saved project, as the app does', async () => {
    const copy = path.join(dir, 'b.hotspot');
    writeFileSync(copy, readFileSync(project));
    const b = path.join(dir, 'square.geojson');
    writeFileSync(b, JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { WD25CD: 'E05999999', WD25NM: 'Test ward' }, geometry: { type: 'Polygon', coordinates: [[[-1.6, 53.7], [-1.5, 53.7], [-1.5, 53.9], [-1.6, 53.9], [-1.6, 53.7]]] } }],
    }));
    const io = capture();
    expect(await importCommand.run(['--project', copy, '--boundaries', b], io)).toBe(0);
    expect(io.outText.join('\n')).toContain('Re-placed 2700 stored records in the new wards');
    const s = await openSession(copy);
    expect(getMeta(s.db, 'boundaries_source')).toBe('square.geojson (1 areas, WGS84)');
    expect(summary(s).areas).toBe(1);
    closeProject(s);
  });

  it('shows progress on a terminal as one line rewritten in place, and as lines into a file', () => {
    const tty: string[] = [];
    const t = progressPrinter({ isTTY: true, write: (x) => tty.push(x) });
    t.show({ phase: 'Reading a.csv', done: 50, total: 200, rows: 1234, rowsPerSecond: 5678.4 });
    t.clear();
    expect(tty).toEqual(['\r\x1b[2KReading a.csv · 25% · 1,234 rows, 5,678 rows/s', '\r\x1b[2K']);
    const file: string[] = [];
    const f = progressPrinter({ write: (x) => file.push(x) });
    f.show({ phase: 'Permutations', fraction: 0.5 });
    f.show({ phase: 'Permutations', fraction: 0.6 });
    f.show({ phase: 'Writing', fraction: 1 });
    expect(file).toEqual(['Permutations · 50%\n', 'Writing · 100%\n']);
  });
});
