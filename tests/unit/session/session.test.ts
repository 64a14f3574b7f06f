import { describe, expect, it } from 'vitest';
import { scalar } from '../import/helpers';
import { exportHotspots, runHotspots } from '../../../shared/session/analysisUseCases';
import { importFiles, replaceBoundaries } from '../../../shared/session/importUseCases';
import { isCancellation, type JobProgress } from '../../../shared/session/jobs';
import { closeProject, openProject, projectBytes, summary } from '../../../shared/session/projectUseCases';
import { runTrends } from '../../../shared/session/trendUseCases';
import { getMeta } from '../../../shared/project/projectDb';
import { csvSource, policeUkCsv, wardsSession } from './sessionHelpers';

const ROWS = 20_000;

describe('Session: open, import, cancel', () => {
  it('reports progress while importing: bytes of the file, rows and rows per second', async () => {
    const s = await wardsSession();
    const text = policeUkCsv(ROWS);
    const seen: JobProgress[] = [];
    const r = await importFiles(s, [{ kind: 'csv', source: csvSource('2024-01-test-street.csv', text) }], {}, { onProgress: (p) => seen.push(p) });
    expect(r.totals).toMatchObject({ importedFiles: 1, read: ROWS, imported: ROWS, duplicates: 0, rejected: 0 });
    const reads = seen.filter((p) => p.rows !== undefined);
    expect(reads.length).toBeGreaterThan(1);
    expect(reads.every((p) => p.phase === 'Reading 2024-01-test-street.csv')).toBe(true);
    // Bytes read only grow, up to the file's size, which is the total.
    const total = new TextEncoder().encode(text).length;
    expect(reads.every((p) => p.total === total && p.done! <= total)).toBe(true);
    expect(reads.map((p) => p.done!)).toEqual([...reads.map((p) => p.done!)].sort((a, b) => a - b));
    expect(reads.at(-1)!.rowsPerSecond).toBeGreaterThan(0);
    expect(s.isDirty).toBe(true);
    expect(summary(s).crimes).toBe(ROWS);
  });

  it('a cancel mid-import keeps nothing of the file (nor later files), and the next import works', async () => {
    const s = await wardsSession();
    const before = projectBytes(s);
    const ctl = new AbortController();
    let rowsAtCancel = 0;
    const r = await importFiles(
      s,
      [{ kind: 'csv', source: csvSource('2024-01-a-street.csv', policeUkCsv(ROWS)) }, { kind: 'csv', source: csvSource('2024-02-b-street.csv', policeUkCsv(100, '2024-02')) }],
      {},
      {
        signal: ctl.signal,
        onProgress: (p) => {
          if ((p.rows ?? 0) > 0 && !ctl.signal.aborted) {
            rowsAtCancel = p.rows!;
            ctl.abort();
          }
        },
      },
    );
    expect(rowsAtCancel).toBeGreaterThan(0);
    expect(rowsAtCancel).toBeLessThan(ROWS);
    expect(r.cancelled).toBe(true);
    expect(r.files.map((f) => f.status)).toEqual(['cancelled', 'cancelled']);
    expect(r.totals.importedFiles).toBe(0);
    expect(scalar(s.db, 'SELECT COUNT(*) FROM crimes')).toBe(0);
    expect(summary(s).imports).toBe(0);
    expect(s.isDirty).toBe(false);
    // The project is what it was before: same tables, same rows (the file's bytes may differ only in page layout).
    const reopened = await wardsSession();
    await openProject(reopened, before, 'before.hotspot');
    expect(summary(s)).toEqual({ ...summary(reopened), name: summary(s).name });

    const again = await importFiles(s, [{ kind: 'csv', source: csvSource('2024-01-a-street.csv', policeUkCsv(ROWS)) }]);
    expect(again.totals).toMatchObject({ importedFiles: 1, imported: ROWS });
    expect(summary(s).crimes).toBe(ROWS);
    const hot = await runHotspots(s, { cellSize: 150 });
    expect(hot.summary.recordsInCells).toBe(ROWS);
  });

  it('replacing boundaries records where they came from, in the project, as the worker and the CLI both do', async () => {
    const s = await wardsSession();
    await importFiles(s, [{ kind: 'csv', source: csvSource('2024-01-a-street.csv', policeUkCsv(500)) }]);
    s.markSaved();
    const square = {
      type: 'FeatureCollection',
      features: [{
        type: 'Feature',
        properties: { WD25CD: 'E05999999', WD25NM: 'Test ward' },
        geometry: { type: 'Polygon', coordinates: [[[-1.6, 53.7], [-1.5, 53.7], [-1.5, 53.9], [-1.6, 53.9], [-1.6, 53.7]]] },
      }],
    };
    const r = replaceBoundaries(s, JSON.stringify(square), 'square.geojson');
    expect(r.imported).toBe(1);
    expect(r.reassigned.records).toBe(500);
    expect(getMeta(s.db, 'boundaries_source')).toBe('square.geojson (1 areas, WGS84)');
    expect(s.isDirty).toBe(true);
  });
});

describe('Session: analysis jobs', () => {
  it('a cancelled hotspot run throws a cancellation, keeps no result, and the next run works', async () => {
    const s = await wardsSession();
    await importFiles(s, [{ kind: 'csv', source: csvSource('2024-01-a-street.csv', policeUkCsv(3000)) }]);
    const ctl = new AbortController();
    const fractions: number[] = [];
    const params = { cellSize: 150, inference: { kind: 'permutation' as const, permutations: 999, seed: 1 } };
    const failed = await runHotspots(s, params, {
      signal: ctl.signal,
      onProgress: (p) => {
        if (p.fraction !== undefined) fractions.push(p.fraction);
        if (p.fraction !== undefined && p.fraction > 0) ctl.abort();
      },
    }).then(() => null, (e: unknown) => e);
    expect(isCancellation(failed)).toBe(true);
    expect(fractions.length).toBeGreaterThan(0);
    expect(s.last.hotspots).toBeNull();
    await expect(exportHotspots(s, 'csv')).rejects.toThrow('Run the hotspot analysis first.');

    const done = await runHotspots(s, { cellSize: 150 });
    expect(done.summary.recordsInCells).toBe(3000);
    const file = await exportHotspots(s, 'csv');
    expect(file.name).toMatch(/\.csv$/);
    expect(new TextDecoder().decode(file.bytes)).toContain('cell_id,easting,northing');
  });

  it('a new hotspot run replaces one still running (the older caller gets a cancellation)', async () => {
    const s = await wardsSession();
    await importFiles(s, [{ kind: 'csv', source: csvSource('2024-01-a-street.csv', policeUkCsv(2000)) }]);
    const slow = runHotspots(s, { cellSize: 150, inference: { kind: 'permutation', permutations: 999, seed: 1 } });
    const quick = runHotspots(s, { cellSize: 300 });
    const [a, b] = await Promise.allSettled([slow, quick]);
    expect(a.status).toBe('rejected');
    expect(isCancellation((a as PromiseRejectedResult).reason)).toBe(true);
    expect(b.status).toBe('fulfilled');
    expect(s.last.hotspots?.result.method.cell.size).toBe(300);
  });

  it('a trend run cancelled before it starts keeps nothing; results go with the project when another opens', async () => {
    const s = await wardsSession();
    await importFiles(s, [
      { kind: 'csv', source: csvSource('2024-01-a-street.csv', policeUkCsv(300, '2024-01')) },
      { kind: 'csv', source: csvSource('2024-02-a-street.csv', policeUkCsv(300, '2024-02')) },
    ]);
    const ctl = new AbortController();
    ctl.abort();
    await expect(runTrends(s, { months: 1 }, { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.last.trends).toBeNull();
    const t = await runTrends(s, { months: 1 });
    expect(t.periods).toHaveLength(2);
    expect(s.last.trends).toBe(t);
    const generation = s.generation;
    await openProject(s, projectBytes(s), 'copy.hotspot');
    expect(s.generation).toBe(generation + 1);
    expect(s.last.trends).toBeNull();
    closeProject(s);
    expect(() => s.db).toThrow('No project is open.');
  });
});
