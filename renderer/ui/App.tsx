import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ProjectSummary, WardCountRow } from '../../shared/project/projectSummary';
import { quantileBreaks } from '../map/classBreaks';
import { startEngine, type EngineClient } from '../engine/engineClient';
import { detectPlatform } from '../platform/index';
import type { Platform, ShellAction } from '../platform/platform';
import { Legend } from './Legend';
import { MapView } from './MapView';
import { Toolbar } from './Toolbar';
import { WardTable } from './WardTable';

interface Session {
  engine: EngineClient;
  platform: Platform;
}

function describePeriod(s: ProjectSummary | null): string {
  if (!s?.firstMonth) return 'no crimes imported';
  return s.firstMonth === s.lastMonth ? s.firstMonth : `${s.firstMonth} to ${s.lastMonth}`;
}

export function App() {
  const session = useRef<Session | null>(null);
  session.current ??= { engine: startEngine(), platform: detectPlatform() };
  const { engine, platform } = session.current;

  const [summary, setSummary] = useState<ProjectSummary | null>(null);
  const [areas, setAreas] = useState<FeatureCollection<Polygon | MultiPolygon> | null>(null);
  const [rows, setRows] = useState<WardCountRow[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<string | null>('Opening the West Yorkshire demo…');
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const [s, a, r, d] = await Promise.all([engine.summary(), engine.wards(), engine.wardCounts({}), engine.isDirty()]);
    setSummary(s);
    setAreas(a);
    setRows(r);
    setDirty(d);
  }, [engine]);

  /** Runs a job with a status line; errors become a message the user can act on. */
  const run = useCallback(async (label: string, job: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await job();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }, []);

  useEffect(() => {
    void run('Opening project…', async () => {
      const initial = await platform.initialProject();
      if (initial) {
        await engine.openBytes(initial.bytes, initial.name);
        setPath(initial.path);
      } else {
        await engine.openDemo();
      }
      await refresh();
    });
  }, [engine, platform, refresh, run]);

  const save = useCallback(
    async (saveAs: boolean) => {
      const bytes = await engine.exportBytes();
      const name = `${(summary?.name ?? 'project').replace(/[^\w.-]+/g, '_').slice(0, 60)}.hotspot`;
      const r = await platform.saveProject({ path, bytes, saveAs, suggestedName: name });
      if (!r) return;
      setPath(r.path);
      await engine.markSaved();
      setDirty(false);
    },
    [engine, platform, path, summary],
  );

  const onAction = useCallback(
    (action: ShellAction | 'demo' | 'export-wards') => {
      switch (action) {
        case 'new':
          return void run('Creating a new project…', async () => {
            await engine.newProject('Untitled project');
            setPath(null);
            setSelected(null);
            await refresh();
          });
        case 'open':
          return void run('Opening…', async () => {
            const f = await platform.openProject();
            if (!f) return;
            await engine.openBytes(f.bytes, f.name);
            setPath(f.path);
            setSelected(null);
            await refresh();
          });
        case 'save':
        case 'save-as':
          return void run('Saving…', () => save(action === 'save-as'));
        case 'demo':
          return void run('Opening the West Yorkshire demo…', async () => {
            await engine.openDemo();
            setPath(null);
            setSelected(null);
            await refresh();
          });
        case 'export-wards':
          return void run('Exporting…', async () => {
            const csv = await engine.wardCountsCsv({});
            await platform.writeExport('ward-counts.csv', csv, 'text/csv');
          });
        default:
          return undefined;
      }
    },
    [engine, platform, refresh, run, save],
  );

  useEffect(() => platform.onAction(onAction), [platform, onAction]);

  const values = useMemo(() => new Map(rows.map((r) => [r.code, r.count])), [rows]);
  const breaks = useMemo(() => quantileBreaks(rows.map((r) => r.count), 5), [rows]);
  const method = `Crime count, all categories, ${describePeriod(summary)}; out-of-area records excluded (${summary?.outOfArea ?? 0}). Classes: quantiles of non-zero wards.`;

  return (
    <div className="app">
      <Toolbar projectName={summary?.name ?? '…'} dirty={dirty} busy={busy !== null} onAction={onAction} />
      <main className="workspace">
        <MapView areas={areas} values={values} breaks={breaks} selected={selected} cells={null} onSelect={setSelected}>
          <Legend title="Crimes per ward" breaks={breaks} method={method} />
        </MapView>
        <aside className="side-pane" aria-label="Ward details">
          <WardTable rows={rows} selected={selected} onSelect={setSelected} caption={`${rows.length} wards · ${method}`} />
        </aside>
      </main>
      <footer className="status-bar" role="status" aria-live="polite">
        {error ? <span className="error" role="alert">{error}</span> : busy ?? `${summary?.crimes ?? 0} crimes · ${summary?.areas ?? 0} wards · ${describePeriod(summary)} · ${platform.kind === 'desktop' ? path ?? 'not saved yet' : 'browser mode'}`}
      </footer>
    </div>
  );
}
