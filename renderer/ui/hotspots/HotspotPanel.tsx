import { useEffect, useState } from 'react';
import * as Comlink from 'comlink';
import type { CategorySet } from '../../../shared/harm/categorySets';
import type { HarmSchemeSummary } from '../../../shared/harm/harmSchemes';
import type { HotspotParams } from '../../../shared/hotspots/runHotspotAnalysis';
import type { HotspotView } from '../../engine/analysisApi';
import type { EngineClient } from '../../engine/engineClient';
import type { FeatureCollection } from 'geojson';
import type { KdeRaster } from '../../../shared/export/kdeRaster';
import { giLegendText } from '../GiLegend';
import { HotspotControls } from './HotspotControls';
import type { StudyAreaSpec } from '../../../shared/hotspots/studyAreaChoice';
import { TrendSection } from './TrendSection';

export interface CellLayer {
  kind: 'gi' | 'trend';
  cells: FeatureCollection;
  legend: string;
  /** KDE surface to draw under the cells, when the user asks for it. */
  kde?: KdeRaster | null;
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
}

/** Gi* hotspot analysis on the BNG grid: settings, run in the worker, results and exports. */
export function HotspotPanel({ engine, revision, firstMonth, lastMonth, wardNames, onLayer, onExport }: Props) {
  const [schemes, setSchemes] = useState<HarmSchemeSummary[]>([]);
  const [sets, setSets] = useState<CategorySet[]>([]);
  const [view, setView] = useState<HotspotView | null>(null);
  const [lastParams, setLastParams] = useState<HotspotParams | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [districts, setDistricts] = useState<string[]>([]);
  const [studyArea, setStudyArea] = useState<StudyAreaSpec>({ kind: 'force' });

  useEffect(() => {
    if (revision === 0) return; // no project open yet
    Promise.all([engine.harmSchemes(), engine.categorySets(), engine.districts()]).then(
      ([s, c, d]) => {
        setSchemes(s);
        setSets(c);
        setDistricts(d);
      },
      (e: Error) => setError(e.message),
    );
    setView(null);
    onLayer(null);
  }, [engine, revision, onLayer]);

  const run = async (params: HotspotParams) => {
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      const v = await engine.runHotspots(params, Comlink.proxy((d: number) => setProgress(d)));
      setView(v);
      setLastParams(params);
      onLayer({ kind: 'gi', cells: v.cells, legend: giLegendText(v) });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  /** The data covers only some districts: rerun over those alone (the coverage warning's offer). */
  const restrictTo = (ds: string[]) => {
    const area: StudyAreaSpec = { kind: 'districts', districts: ds };
    setStudyArea(area);
    if (lastParams) void run({ ...lastParams, studyArea: area });
  };

  const exportCells = async (kind: 'csv' | 'geojson' | 'xlsx') => {
    const f = await engine.exportHotspotsFile(kind, { wardNames: Object.fromEntries(wardNames) });
    onExport(f.name, f.bytes, f.mime);
  };

  return (
    <div className="side-scroll">
      <HotspotControls
        schemes={schemes} sets={sets} districts={districts} studyArea={studyArea} onStudyArea={setStudyArea}
        busy={busy} firstMonth={firstMonth} lastMonth={lastMonth} onRun={(p) => void run(p)} onError={setError}
      />
      {busy && (
        <div role="status" className="progress-line">
          {progress === null ? 'Computing Gi* on the grid…' : `Permutations: ${Math.round(100 * progress)}% of cells done…`}
          {progress !== null && <progress max={1} value={progress} />}
          <button type="button" onClick={() => void engine.cancelHotspots()}>Cancel</button>
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      {view && (
        <HotspotResults
          engine={engine}
          view={view}
          onRestrict={restrictTo}
          wardNames={wardNames}
          onExport={(k) => void exportCells(k)}
          onShowKde={(show) => {
            const layer = { kind: 'gi' as const, cells: view.cells, legend: giLegendText(view) };
            if (!show) return onLayer(layer);
            void engine.kdeRaster().then((kde) => onLayer({ ...layer, kde }));
          }}
        />
      )}
      <TrendSection
        engine={engine}
        params={lastParams}
        onResult={(t) => onLayer(t ? { kind: 'trend', cells: t.cells, legend: `Trend classes over ${t.periods.length} periods; ${t.methodLines.slice(0, 4).join('; ')}.` } : null)}
        onExport={onExport}
      />
    </div>
  );
}
