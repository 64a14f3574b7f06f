import { useEffect, useRef, useState } from 'react';
import type { CategorySet } from '../../../shared/harm/categorySets';
import type { HarmSchemeSummary } from '../../../shared/harm/harmSchemes';
import type { HotspotParams } from '../../../shared/hotspots/runHotspotAnalysis';
import type { HotspotView } from '../../engine/analysisApi';
import type { EngineClient } from '../../engine/engineClient';
import type { FeatureCollection } from 'geojson';
import type { KdeRaster } from '../../../shared/export/kdeRaster';
import { guard } from '../appEvents';
import { BusyStatus } from '../BusyStatus';
import { useBusyJob } from '../useBusyJob';
import { giLegendText } from '../GiLegend';
import { kdeLegendText as kdeMethodText, trendLegendText, trendNote } from '../../../shared/legend/methodText';
import { useSavedSettings } from '../useSavedSettings';
import { HotspotControls } from './HotspotControls';
import type { StudyAreaSpec } from '../../../shared/hotspots/studyAreaChoice';
import { TrendSection } from './TrendSection';

export interface CellLayer {
  kind: 'gi' | 'trend';
  cells: FeatureCollection;
  legend: string;
  /** KDE surface to draw under the cells, when the user asks for it. */
  kde?: KdeRaster | null;
  /** How the KDE was made (kernel, bandwidth and its rule, scheme, period), for its legend. */
  kdeLegend?: string;
  /** Trend class per cell id (cells with a pattern) and how trends were run, once they have been. */
  trends?: { byId: Map<string, string>; note: string } | null;
}

/** The KDE legend's method statement: kernel, bandwidth and the rule that set it, scheme, period. */
export function kdeLegendText(v: HotspotView): string {
  return kdeMethodText(v.method);
}
import { HotspotResults } from './HotspotResults';

interface Props {
  engine: EngineClient;
  /** Changes when the project's data changes, so lists and results are refetched. */
  revision: number;
  firstMonth: string | null;
  lastMonth: string | null;
  wardNames: Map<string, string>;
  /** The cell layer to draw: Gi* classes or trend classes, with the legend text that states the method. */
  onLayer(layer: CellLayer | null): void;
  onExport(name: string, bytes: Uint8Array, mime: string): void;
  /** A row of the hot-cell list was chosen: zoom the map to that cell and open its popup. */
  onInspectCell(id: string): void;
}

/** What the Hotspots tab keeps in the project: the settings of the last run. */
export interface SavedHotspots {
  params: HotspotParams;
  ran: boolean;
}

/** Gi* hotspot analysis on the BNG grid: settings, run in the worker, results and exports. */
export function HotspotPanel({ engine, revision, firstMonth, lastMonth, wardNames, onLayer, onExport, onInspectCell }: Props) {
  const [schemes, setSchemes] = useState<HarmSchemeSummary[]>([]);
  const [sets, setSets] = useState<CategorySet[]>([]);
  const [view, setView] = useState<HotspotView | null>(null);
  const [lastParams, setLastParams] = useState<HotspotParams | null>(null);
  const job = useBusyJob(null, engine);
  const { stop } = job;
  const busy = job.busy !== null;
  const [error, setError] = useState<string | null>(null);
  const [districts, setDistricts] = useState<string[]>([]);
  const [studyArea, setStudyArea] = useState<StudyAreaSpec>({ kind: 'force' });
  const [kdeShown, setKdeShown] = useState(false);
  // Each run or KDE request takes a ticket; an answer whose ticket is no longer the latest
  // (a newer run, another project, new data) is dropped instead of drawn.
  const ticket = useRef(0);
  const kdeTicket = useRef(0);
  const saved = useSavedSettings<SavedHotspots>(engine, 'hotspots', revision);
  // Trend classes of the current analysis, kept for the cell popup whichever layer is drawn.
  const trends = useRef<CellLayer['trends']>(null);

  useEffect(() => {
    if (revision === 0) return; // no project open yet
    ticket.current++;
    kdeTicket.current++;
    Promise.all([engine.harmSchemes(), engine.categorySets(), engine.districts()]).then(
      ([s, c, d]) => {
        setSchemes(s);
        setSets(c);
        setDistricts(d);
      },
      (e: Error) => setError(e.message),
    );
    setView(null);
    stop();
    setKdeShown(false);
    onLayer(null);
  }, [engine, revision, onLayer, stop]);

  const run = async (params: HotspotParams, restoring = false) => {
    const mine = ++ticket.current;
    kdeTicket.current++;
    setError(null);
    await job.run('Computing Gi* on the grid…', async ({ jobId, onProgress }) => {
      try {
        const v = await engine.runHotspots(params, jobId, onProgress);
        if (mine !== ticket.current) return;
        setView(v);
        setLastParams(params);
        setKdeShown(false);
        trends.current = null;
        onLayer({ kind: 'gi', cells: v.cells, legend: giLegendText(v) });
        if (!restoring) saved.save({ params, ran: true });
      } catch (e) {
        // A newer run, another project or new data took over: this answer is not wanted.
        if (mine !== ticket.current) return;
        if (restoring && (e as Error).name !== 'AbortError') throw new Error(`The saved analysis could not be re-run: ${(e as Error).message}`);
        throw e;
      }
    });
  };

  /** The data covers only some districts: rerun over those alone (the coverage warning's offer). */
  const restrictTo = (ds: string[]) => {
    const area: StudyAreaSpec = { kind: 'districts', districts: ds };
    setStudyArea(area);
    if (lastParams) void run({ ...lastParams, studyArea: area });
  };

  // Another project opened: its saved settings fill the form, and its last run is redrawn (Gi* takes well under a second).
  useEffect(() => {
    if (!saved.loaded) return;
    const last = saved.loaded.value;
    setLastParams(last?.params ?? null);
    setStudyArea(last?.params?.studyArea ?? { kind: 'force' });
    if (last?.params && last.ran) void run(last.params, true);
    // Deliberately keyed on the loaded settings only: run is recreated every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see the line above
  }, [saved.loaded]);

  const showKde = (show: boolean) => {
    if (!view) return;
    const mine = ++kdeTicket.current;
    setKdeShown(show);
    const layer = { kind: 'gi' as const, cells: view.cells, legend: giLegendText(view), trends: trends.current };
    if (!show) return onLayer(layer);
    guard(
      engine.kdeRaster().then((kde) => {
        // Unticked (or re-run) while the surface was being made: draw nothing.
        if (mine === kdeTicket.current) onLayer({ ...layer, kde, kdeLegend: kdeLegendText(view) });
      }),
      'The KDE surface could not be drawn',
    );
  };

  const exportCells = async (kind: 'csv' | 'geojson' | 'xlsx') => {
    const f = await engine.exportHotspotsFile(kind, { wardNames: Object.fromEntries(wardNames) });
    onExport(f.name, f.bytes, f.mime);
  };

  return (
    <div className="side-scroll">
      <HotspotControls
        key={saved.loaded?.generation ?? 0} initial={saved.loaded?.value?.params ?? null}
        schemes={schemes} sets={sets} districts={districts} studyArea={studyArea} onStudyArea={setStudyArea}
        busy={busy} firstMonth={firstMonth} lastMonth={lastMonth} onRun={(p) => void run(p)} onError={setError}
      />
      <BusyStatus job={job} label="Hotspot analysis progress" />
      {job.error && <p role="alert" className="error">{job.error}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {view && (
        <HotspotResults
          engine={engine}
          view={view}
          onRestrict={restrictTo}
          wardNames={wardNames}
          onExport={(k) => guard(exportCells(k), 'Export failed')}
          onInspect={onInspectCell}
          onShowKde={showKde}
          kdeShown={kdeShown}
        />
      )}
      <TrendSection
        engine={engine}
        revision={revision}
        params={lastParams}
        onResult={(t) => {
          kdeTicket.current++;
          setKdeShown(false);
          const note = t ? trendNote(t.periods) : '';
          trends.current = t ? { byId: new Map(t.cells.features.map((f) => [String(f.properties?.id), String(f.properties?.trend)])), note } : null;
          onLayer(t ? { kind: 'trend', cells: t.cells, legend: trendLegendText(t.periods, t.methodLines), trends: trends.current } : null);
        }}
        onExport={onExport}
      />
    </div>
  );
}
