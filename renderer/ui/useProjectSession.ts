import * as Comlink from 'comlink';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ProjectSummary } from '../../shared/project/projectSummary';
import { startEngine, type EngineClient } from '../engine/engineClient';
import { detectPlatform } from '../platform/index';
import type { OpenedProject, Platform, RecentProject } from '../platform/platform';
import { useBusyJob } from './useBusyJob';
import { guard, messageOf, onErrorReported, onSettingsChanged, reportError } from './appEvents';

export type ProjectAction = 'new' | 'open' | 'save' | 'save-as' | 'demo';

/** Browser mode keeps the project this long after the last change (one export per burst of edits). */
const KEEP_DELAY_MS = 1500;

const fileNameFor = (name: string) => `${name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'project'}.hotspot`;

/** The open project as the UI sees it, and the file actions on it. All data work is in the worker. */
export function useProjectSession() {
  const session = useRef<{ engine: EngineClient; platform: Platform } | null>(null);
  session.current ??= { engine: startEngine(), platform: detectPlatform() };
  const { engine, platform } = session.current;

  const [summary, setSummary] = useState<ProjectSummary | null>(null);
  const [areas, setAreas] = useState<FeatureCollection<Polygon | MultiPolygon> | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const { busy, error, setError, run } = useBusyJob('Opening the West Yorkshire demo…');
  /** Bumped whenever the project's data changes, so panels refetch. */
  const [revision, setRevision] = useState(0);
  /** Which project is open (the worker's count of projects opened); answers from an older one are dropped. */
  const [generation, setGeneration] = useState(0);
  const [recent, setRecent] = useState<RecentProject[]>([]);
  /** The file name browser mode keeps the project under (and offers for the next download). */
  const fileName = useRef('project.hotspot');
  const keepTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Every failure reaches the user: reported ones, and any promise nobody waited for.
  useEffect(() => {
    const off = onErrorReported(setError);
    const unhandled = (e: PromiseRejectionEvent) => {
      if ((e.reason as Error | undefined)?.name === 'AbortError') return;
      e.preventDefault();
      setError(messageOf(e.reason));
    };
    window.addEventListener('unhandledrejection', unhandled);
    return () => {
      off();
      window.removeEventListener('unhandledrejection', unhandled);
    };
  }, [setError]);

  const reload = useCallback(async () => {
    const [s, a, d, g] = await Promise.all([engine.summary(), engine.wards(), engine.isDirty(), engine.projectGeneration()]);
    setSummary(s);
    setAreas(a);
    setDirty(d);
    setGeneration(g);
    setRevision((v) => v + 1);
  }, [engine]);

  const keepSoonRef = useRef<() => void>(() => undefined);

  /** Browser mode: writes the open project to IndexedDB now, so a reload brings it back. */
  const keepNow = useCallback(async () => {
    if (keepTimer.current) clearTimeout(keepTimer.current);
    keepTimer.current = null;
    if (!platform.keepsSession) return;
    const snap = await engine.keepSnapshot();
    // An import is writing: keep it once that is done.
    if (!snap) return keepSoonRef.current();
    await platform.keepSession({ bytes: snap.bytes, fileName: fileName.current, unsaved: snap.unsaved });
  }, [engine, platform]);

  const keepSoon = useCallback(() => {
    if (!platform.keepsSession) return;
    if (keepTimer.current) clearTimeout(keepTimer.current);
    keepTimer.current = setTimeout(() => guard(keepNow()), KEEP_DELAY_MS);
  }, [platform, keepNow]);
  keepSoonRef.current = keepSoon;

  useEffect(() => onSettingsChanged(keepSoon), [keepSoon]);

  /** After the project's data changed (import, edits): panels refetch; browser mode keeps it. */
  const refresh = useCallback(async () => {
    await reload();
    keepSoon();
  }, [reload, keepSoon]);

  const loadRecent = useCallback(async () => {
    if (platform.kind === 'desktop') setRecent(await platform.recentProjects());
  }, [platform]);


  const openProjectBytes = useCallback(
    async (f: OpenedProject) => {
      // Transferred, not copied: the platform read the file into a buffer of its own.
      await engine.openBytes(Comlink.transfer(f.bytes, [f.bytes.buffer as ArrayBuffer]), f.name);
      if (f.unsaved) await engine.markUnsaved();
      fileName.current = f.name;
      setPath(f.path);
    },
    [engine],
  );

  useEffect(() => {
    void run('Opening project…', async () => {
      const initial = await platform.initialProject();
      let fallback: string | null = null;
      if (initial) {
        try {
          await openProjectBytes(initial);
        } catch (e) {
          // A project kept by the browser that no longer opens must not lock the user out.
          fallback = `${initial.name} could not be reopened (${messageOf(e)}); the demo was opened instead.`;
          await platform.keepSession(null);
        }
      }
      if (!initial || fallback) await engine.openDemo();
      await reload();
      await loadRecent().catch((e: unknown) => reportError(e, 'The recent projects could not be listed'));
      if (fallback) setError(fallback);
    });
  }, [engine, platform, reload, run, openProjectBytes, loadRecent, setError]);

  // Closing with unsaved work: the browser asks; in the desktop app the main process shows a native prompt.
  useEffect(() => {
    if (!dirty) return undefined;
    const guardUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', guardUnload);
    return () => window.removeEventListener('beforeunload', guardUnload);
  }, [dirty]);

  useEffect(() => {
    if (summary) document.title = `${summary.name}${dirty ? ' •' : ''} – Hotspot Planner`;
  }, [summary, dirty]);

  const exportFile = useCallback(
    (name: string, bytes: Uint8Array, mime: string) => void run('Exporting…', async () => void (await platform.writeExport(name, bytes, mime))),
    [platform, run],
  );

  /** Replaces the open project after asking about unsaved work. */
  const reopen = useCallback(
    (label: string, open: () => Promise<'kept' | 'demo' | false>) => {
      if (dirty && !window.confirm(`"${summary?.name ?? 'This project'}" has unsaved changes. Discard them?`)) return;
      void run(label, async () => {
        const r = await open();
        if (r === false) return;
        await reload();
        // The demo is rebuilt on start anyway; any other project is kept for the next reload.
        if (r === 'demo') await platform.keepSession(null);
        else await keepNow();
        await loadRecent();
      });
    },
    [dirty, summary, run, reload, platform, keepNow, loadRecent],
  );

  const act = useCallback(
    (action: ProjectAction) => {
      switch (action) {
        case 'new':
          return reopen('Creating a new project…', async () => {
            await engine.newProject('Untitled project');
            fileName.current = fileNameFor('Untitled project');
            setPath(null);
            return 'kept';
          });
        case 'demo':
          return reopen('Opening the West Yorkshire demo…', async () => {
            await engine.openDemo();
            fileName.current = fileNameFor('West Yorkshire demo');
            setPath(null);
            return 'demo';
          });
        case 'open':
          return reopen('Opening…', async () => {
            const f = await platform.openProject();
            if (!f) return false;
            await openProjectBytes(f);
            return 'kept';
          });
        case 'save':
        case 'save-as':
          return void run('Saving…', async () => {
            const bytes = await engine.exportBytes();
            const r = await platform.saveProject({ path, bytes, saveAs: action === 'save-as', suggestedName: fileNameFor(summary?.name ?? 'project') });
            if (!r) return;
            setPath(r.path);
            fileName.current = r.name;
            await engine.markSaved();
            // Browser mode: the copy kept for a reload is written before the project reads as
            // saved, so a reload straight after Save never finds an older copy.
            await keepNow();
            setDirty(false);
            await loadRecent();
          });
      }
    },
    [engine, platform, path, summary, run, reopen, openProjectBytes, keepNow, loadRecent],
  );

  /** Opens a recent project (desktop) by its id: the path stays in the main process. */
  const openRecent = useCallback(
    (id: string) =>
      reopen('Opening…', async () => {
        await openProjectBytes(await platform.openRecent(id));
        return 'kept';
      }),
    [reopen, platform, openProjectBytes],
  );

  const rename = useCallback(
    (name: string) => {
      const clean = name.trim().replace(/\s+/g, ' ').slice(0, 120);
      if (!clean || clean === summary?.name) return;
      guard(
        engine.rename(clean).then(async (s) => {
          setSummary(s);
          setDirty(await engine.isDirty());
          keepSoon();
        }),
        'The project could not be renamed',
      );
    },
    [engine, summary, keepSoon],
  );

  return { engine, platform, summary, areas, path, dirty, busy, error, revision, generation, recent, refresh, act, openRecent, rename, exportFile };
}
