import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ProjectSummary } from '../../shared/project/projectSummary';
import { startEngine, type EngineClient } from '../engine/engineClient';
import { detectPlatform } from '../platform/index';
import type { Platform } from '../platform/platform';

export type ProjectAction = 'new' | 'open' | 'save' | 'save-as' | 'demo';

/** The open project as the UI sees it, and the file actions on it. All data work is in the worker. */
export function useProjectSession() {
  const session = useRef<{ engine: EngineClient; platform: Platform } | null>(null);
  session.current ??= { engine: startEngine(), platform: detectPlatform() };
  const { engine, platform } = session.current;

  const [summary, setSummary] = useState<ProjectSummary | null>(null);
  const [areas, setAreas] = useState<FeatureCollection<Polygon | MultiPolygon> | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<string | null>('Opening the West Yorkshire demo…');
  const [error, setError] = useState<string | null>(null);
  /** Bumped whenever the project's data changes, so panels refetch. */
  const [revision, setRevision] = useState(0);

  const refresh = useCallback(async () => {
    const [s, a, d] = await Promise.all([engine.summary(), engine.wards(), engine.isDirty()]);
    setSummary(s);
    setAreas(a);
    setDirty(d);
    setRevision((v) => v + 1);
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

  // Closing with unsaved work: the browser asks; in the desktop app the main process shows a native prompt.
  useEffect(() => {
    if (!dirty) return undefined;
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [dirty]);

  const exportFile = useCallback(
    (name: string, bytes: Uint8Array, mime: string) => void run('Exporting…', async () => void (await platform.writeExport(name, bytes, mime))),
    [platform, run],
  );

  const act = useCallback(
    (action: ProjectAction) => {
      const reopen = (label: string, open: () => Promise<string | null | false>) => {
        // Replacing the open project loses unsaved imports and edits: ask first.
        if (dirty && !window.confirm(`"${summary?.name ?? 'This project'}" has unsaved changes. Discard them?`)) return;
        void run(label, async () => {
          const p = await open();
          if (p === false) return;
          setPath(p);
          await refresh();
        });
      };
      switch (action) {
        case 'new':
          return reopen('Creating a new project…', async () => (await engine.newProject('Untitled project'), null));
        case 'demo':
          return reopen('Opening the West Yorkshire demo…', async () => (await engine.openDemo(), null));
        case 'open':
          return reopen('Opening…', async () => {
            const f = await platform.openProject();
            if (!f) return false;
            await engine.openBytes(f.bytes, f.name);
            return f.path;
          });
        case 'save':
        case 'save-as':
          return void run('Saving…', async () => {
            const bytes = await engine.exportBytes();
            const name = `${(summary?.name ?? 'project').replace(/[^\w.-]+/g, '_').slice(0, 60)}.hotspot`;
            const r = await platform.saveProject({ path, bytes, saveAs: action === 'save-as', suggestedName: name });
            if (!r) return;
            setPath(r.path);
            await engine.markSaved();
            setDirty(false);
          });
      }
    },
    [engine, platform, path, summary, dirty, refresh, run],
  );

  return { engine, platform, summary, areas, path, dirty, busy, error, revision, refresh, act, exportFile };
}
