import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../cli/command';
import { hotspotsCommand } from '../../../cli/commands/hotspots';
import { trendsCommand } from '../../../cli/commands/trends';
import { wardsCommand } from '../../../cli/commands/wards';
import { loadSqlJs } from '../../../cli/sqlNode';
import { resolveHarmScheme } from '../../../shared/harm/harmSchemes';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { giLegendText, kdeLegendText, trendLegendText, wardLegendText } from '../../../shared/legend/methodText';
import { analysisApi } from '../../../renderer/engine/analysisApi';
import { replaceDb } from '../../../renderer/engine/engineState';
import { trendsApi } from '../../../renderer/engine/trendsApi';
import { wardApi } from '../../../renderer/engine/wardApi';
import { giLegendText as appGiLegend } from '../../../renderer/ui/GiLegend';
import { kdeLegendText as appKdeLegend } from '../../../renderer/ui/hotspots/HotspotPanel';
import { makeDb, type TestCrime } from '../hotspots/testDb';

const quiet = (): CliIO => ({ out: () => undefined, err: () => undefined });
/** The `# ` lines a CLI file starts with, without the marker. */
const commentLines = (file: string) => readFileSync(file, 'utf8').split('\r\n').filter((l) => l.startsWith('# ')).map((l) => l.slice(2));

/** One 1.5 km square ward of 10 x 10 cells of 150 m, with a block of robberies recurring in four of five months. */
const WARD = [{ code: 'A', name: 'Alpha', district: 'North', e0: 420000, n0: 435000, e1: 421500, n1: 436500 }];
function crimes(): TestCrime[] {
  const out: TestCrime[] = [];
  for (const month of ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']) {
    for (const [c, r] of [[0, 9], [5, 0], [9, 4], [5, 5], [9, 9]] as const) out.push({ month, type: 'Other theft', e: 420075 + 150 * c, n: 435075 + 150 * r, ward: 'A' });
    if (month === '2024-03') continue;
    for (let dc = -1; dc <= 1; dc++) for (let dr = -1; dr <= 1; dr++) {
      for (let k = 0; k < 10; k++) out.push({ month, type: 'Robbery', e: 420075 + 150 * (2 + dc), n: 435075 + 150 * (2 + dr), ward: 'A' });
    }
  }
  return out;
}

describe('method text is written once: the CLI states what the app states for the same run', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-method-'));
  const db = await makeDb(WARD, crimes());
  installDefaults(db);
  const bytes = db.export();
  const project = path.join(dir, 'p.hotspot');
  writeFileSync(project, bytes);
  // The app's worker holds its own copy of the same project.
  replaceDb(new (await loadSqlJs()).Database(bytes));
  // What the scheme menu (and the CLI's --scheme cchi) resolves to.
  const schemeId = resolveHarmScheme(db, 'cchi')!.id;

  it('Gi*: the panel, the CSV and the GeoJSON carry the same method lines', async () => {
    const view = await analysisApi.runHotspots({ schemeId, fdr: true, shape: 'square', kde: true, studyArea: { kind: 'force' }, inference: { kind: 'normal' } });
    const csv = path.join(dir, 'cells.csv');
    expect(await hotspotsCommand.run(['--project', project, '--scheme', 'cchi', '--out', csv], quiet())).toBe(0);
    expect(commentLines(csv)).toEqual(view.methodLines);
    const gj = path.join(dir, 'cells.geojson');
    expect(await hotspotsCommand.run(['--project', project, '--scheme', 'cchi', '--out', gj], quiet())).toBe(0);
    const meta = (JSON.parse(readFileSync(gj, 'utf8')) as { metadata: { methodLines: string[] } }).metadata;
    expect(meta.methodLines).toEqual(view.methodLines);
    // The app's own export of the run is the CLI's file, byte for byte.
    expect(new TextDecoder().decode(analysisApi.exportHotspots('csv'))).toBe(readFileSync(csv, 'utf8'));

    // The short forms come from the same method, in the words analysts read.
    const m = view.method;
    expect(appGiLegend(view)).toBe(giLegendText(m));
    expect(appGiLegend(view)).toBe(
      `${m.scheme}, 2024-01 to 2024-05; 150 m BNG squares; neighbours within 212.1 m incl. self; FDR (Benjamini-Hochberg) corrected.`,
    );
    expect(appKdeLegend(view)).toBe(kdeLegendText(m));
    expect(kdeLegendText(m)).toMatch(/^Quartic kernel, bandwidth 300 m \(default: 2 x the 150 m cell\); /);
    expect(view.methodLines).toContain('neighbourhood: binary weights, cells with centres within 212.13 m (inclusive, relative tolerance 1e-9), self included (default: cell size x sqrt 2 = 8 touching cells + self)');
    expect(view.methodLines).toContain('correction: Benjamini-Hochberg false discovery rate over all study-area cells (classes use adjusted p)');
    const [cell] = analysisApi.cellDetails(['SQ150_E420300_N435300']);
    expect(cell!.method).toBe(`${m.scheme}; 2024-01 to 2024-05; 150 m BNG squares; FDR (Benjamini-Hochberg) corrected; ${view.studyArea.label}`);
  });

  it('trends: the Trends tab, its export and the CLI carry the same method lines', async () => {
    const view = trendsApi.runTrends({ months: 1, schemeId });
    const csv = path.join(dir, 'trends.csv');
    expect(await trendsCommand.run(['--project', project, '--months', '1', '--scheme', 'cchi', '--out', csv], quiet())).toBe(0);
    expect(commentLines(csv)).toEqual(view.methodLines);
    expect(new TextDecoder().decode(trendsApi.exportTrends())).toBe(readFileSync(csv, 'utf8'));
    // Trends state the neighbourhood in the Gi* words (they run the same Gi*).
    expect(view.methodLines).toContain('neighbourhood: binary weights, cells with centres within 212.13 m (inclusive, relative tolerance 1e-9), self included (default: cell size x sqrt 2 = 8 touching cells + self)');
    expect(trendLegendText(view.periods, view.methodLines)).toMatch(/^Trend classes over 5 periods; scheme: /);
  });

  it('ward table: the Wards tab and the CLI carry the same method lines', async () => {
    const table = wardApi.wardTable({ schemeId });
    const csv = path.join(dir, 'wards.csv');
    expect(await wardsCommand.run(['--project', project, '--scheme', 'cchi', '--out', csv], quiet())).toBe(0);
    expect(commentLines(csv).slice(0, table.methodLines.length)).toEqual(table.methodLines);
    // The map legend states the table's own period line.
    const m = table.method;
    const period = table.methodLines.find((l) => l.startsWith('period: '))!.slice('period: '.length);
    expect(wardLegendText(m)).toBe(
      `${m.scheme}; all records; ${period}; excluded: ${m.excluded.current.outOfArea} outside the force area, ${m.excluded.current.unplaced} with no ward. Classes: quantiles of non-zero wards.`,
    );
  });
});
