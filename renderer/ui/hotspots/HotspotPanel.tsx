import { useEffect, useRef, useState } from 'react';
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
  /** How the KDE was made (kernel, bandwidth and its rule, scheme, period), for its legend. */
  kdeLegend?: string;
  /** Trend class per cell id (cells with a pattern) and how trends were run, once they have been. */
  trends?: { byId: Map<string, string>; note: string } | null;
}

/** The KDE legend's method statement: kernel, bandwidth and the rule that set it, scheme, period. */
export function kdeLegendText(v: HotspotView): string {
  const k = v.method.kde;
  if (!k) return '';
  const rule = k.chosen === 'default' ? `default: 2 x the ${v.method.cell.size} m cell` : k.chosen === 'rule-of-thumb' ? 'rule of thumb, MASS bandwidth.nrd' : 'set by you';
  const period = `${v.method.period.from ?? 'start'} to ${v.method.period.to ?? 'end'}`;
  return `Quartic kernel, bandwidth ${k.bandwidth.toFixed(0)} m (${rule}); ${v.method.scheme}${v.method.categorySet ? `, ${v.method.categorySet}` : ''}; ${period}; colour on a square-root scale of the peak so lesser clusters show; under 1% of the peak not drawn.`;
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

/** Gi* hotspot analysis on the BNG grid: settings, run in the worker, results and exports. */
export function HotspotPanel({ engine, revision, firstMonth, lastMonth, wardNames, onLayer, onExport, onInspectCell }: Props) {
  const [schemes, setSchemes] = useState<HarmSchemeSummary[]>([]);
  const [sets, setSets] = useState<CategorySet[]>([]);
  const [view, setView] = useState<HotspotView | null>(null);
  const [lastParams, setLastParams] = useState<HotspotParams | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [districts, setDistricts] = useState<string[]>([]);
  const [studyArea, setStudyArea] = useState<StudyAreaSpec>({ kind: 'force' });
  // Trend classes of the current analysis, kept for the cell popup whichever layer is drawn.
  const trends = useRef<CellLayer['trends']>(null);

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
      trends.current = null;
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

  const exportCells = async (kind: 'csv' | 'geojson') => {
    const bytes = await engine.exportHotspots(kind);
    onExport(kind === 'csv' ? 'hotspot-cells.csv' : 'hotspot-cells.geojson', bytes, kind === 'csv' ? 'text/csv' : 'application/geo+json');
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
          onInspect={onInspectCell}
          onShowKde={(show) => {
            const layer = { kind: 'gi' as const, cells: view.cells, legend: giLegendText(view), trends: trends.current };
            if (!show) return onLayer(layer);
            void engine.kdeRaster().then((kde) => onLayer({ ...layer, kde, kdeLegend: kdeLegendText(view) }), (e: Error) => setError(e.message));
          }}
        />
      )}
      <TrendSection
        engine={engine}
        params={lastParams}
        onResult={(t) => {
          const note = t ? `${t.periods.length} periods, ${t.periods[0]?.from ?? ''} to ${t.periods.at(-1)?.to ?? ''}` : '';
          trends.current = t ? { byId: new Map(t.cells.features.map((f) => [String(f.properties?.id), String(f.properties?.trend)])), note } : null;
          onLayer(t ? { kind: 'trend', cells: t.cells, legend: `Trend classes over ${t.periods.length} periods; ${t.methodLines.slice(0, 4).join('; ')}.`, trends: trends.current } : null);
        }}
        onExport={onExport}
      />
    </div>
  );
}
