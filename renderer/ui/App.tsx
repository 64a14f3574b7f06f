import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProjectSummary } from '../../shared/project/projectSummary';
import type { WardTable, WardTableParams } from '../../shared/wards/wardHarmTable';
import { wardLegendText } from '../../shared/legend/methodText';
import { quantileBreaks } from '../map/classBreaks';
import { AboutDialog } from './AboutDialog';
import { GiLegend, KdeLegend, TrendLegend } from './GiLegend';
import { HarmPanel } from './harm/HarmPanel';
import { HotspotPanel, type CellLayer } from './hotspots/HotspotPanel';
import { ImportDialog } from './import/ImportDialog';
import { ImportHistory } from './import/ImportHistory';
import { droppedFiles } from './import/droppedFiles';
import { ReferenceData } from './import/ReferenceData';
import { Legend } from './Legend';
import { PatrolsPanel } from './patrols/PatrolsPanel';
import { isPlanPicking } from '../map/planLayer';
import { MapView, type InspectRequest } from './MapView';
import { Toolbar, withShortcut } from './Toolbar';
import { useProjectSession } from './useProjectSession';
import { WardPanel } from './wards/WardPanel';

type Tab = 'wards' | 'hotspots' | 'patrols' | 'harm' | 'imports';
const TABS: [Tab, string][] = [['wards', 'Wards'], ['hotspots', 'Hotspots'], ['patrols', 'Patrols'], ['harm', 'Harm'], ['imports', 'Imports']];

function describePeriod(s: ProjectSummary | null): string {
  if (!s?.firstMonth) return 'no crimes imported';
  return s.firstMonth === s.lastMonth ? s.firstMonth : `${s.firstMonth} to ${s.lastMonth}`;
}

export function App() {
  const p = useProjectSession();
  const { engine, platform, summary, act, exportFile } = p;
  const [wardTable, setWardTable] = useState<WardTable | null>(null);
  const [wardParams, setWardParams] = useState<WardTableParams>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('wards');
  const [importing, setImporting] = useState<{ files: File[] | null } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [layer, setLayer] = useState<CellLayer | null>(null);
  const [about, setAbout] = useState(false);
  const [inspect, setInspect] = useState<InspectRequest | null>(null);
  // A new analysis (or none) closes the popup of a cell from the old one.
  useEffect(() => setInspect(null), [layer?.cells]);
  const describeCell = useCallback((id: string) => engine.cellDetails([id]).then((d) => d[0] ?? null), [engine]);
  const trends = layer?.trends;
  const trendOf = useCallback((id: string) => (trends ? { label: trends.byId.get(id) ?? 'no pattern', note: trends.note } : null), [trends]);
  const inspectCell = useCallback((id: string) => setInspect({ id, at: null, zoom: true }), []);

  const onAction = useCallback(
    (action: string) => {
      if (action === 'import') setImporting({ files: null });
      else if (action === 'export' || action === 'export-wards') void engine.wardTableExport(wardParams, {}, 'csv').then((f) => exportFile(f.name, f.bytes, f.mime));
      else if (action === 'about') setAbout(true);
      else {
        setSelected(null);
        act(action as Parameters<typeof act>[0]);
      }
    },
    [engine, act, exportFile, wardParams],
  );
  useEffect(() => platform.onAction(onAction), [platform, onAction]);

  const onTable = useCallback((t: WardTable | null, params: WardTableParams) => {
    setWardTable(t);
    setWardParams(params);
  }, []);
  const wardRows = useMemo(() => wardTable?.rows.filter((r) => r.kind === 'ward') ?? [], [wardTable]);
  const values = useMemo(() => new Map(wardRows.map((r) => [r.code, r.harm])), [wardRows]);
  const breaks = useMemo(() => quantileBreaks(wardRows.map((r) => r.harm), 5), [wardRows]);
  const wardNames = useMemo(() => new Map((p.areas?.features ?? []).map((f) => [String(f.properties?.code), String(f.properties?.name)])), [p.areas]);
  const isCount = wardTable?.method.schemeId === 'count';
  const legendTitle = isCount ? 'Crimes per ward' : `Harm per ward (${wardTable?.method.scheme ?? ''})`;
  const method = wardTable
    ? wardLegendText(wardTable.method)
    : `No ward figures: ${describePeriod(summary)}.`;

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        // Every dropped file (and the files of dropped folders), not just the first.
        const plain = [...e.dataTransfer.files];
        void droppedFiles(e.dataTransfer).then(
          (files) => files.length > 0 && setImporting({ files }),
          () => plain.length > 0 && setImporting({ files: plain }),
        );
      }}
    >
      <Toolbar projectName={summary?.name ?? '…'} dirty={p.dirty} busy={p.busy !== null} shortcuts={platform.shortcuts} onAction={onAction} onRename={p.rename} recent={p.recent} onOpenRecent={p.openRecent}>
        <button type="button" onClick={() => setImporting({ files: null })} disabled={p.busy !== null} title={withShortcut('Import CSV files, a folder or a police.uk zip', 'Ctrl+I', platform.shortcuts)}>Import…</button>
        <button type="button" onClick={() => setAbout(true)}>About</button>
      </Toolbar>
      <main className="workspace">
        <MapView
          areas={p.areas} values={values} breaks={breaks} selected={selected} cells={layer?.cells ?? null} kde={layer?.kde ?? null} onSelect={(c) => !isPlanPicking() && setSelected(c)}
          inspect={inspect} onInspect={setInspect} describeCell={describeCell} wardNames={wardNames} trendOf={trendOf}
        >
          <div className="legend-stack">
            <Legend title={legendTitle} breaks={breaks} method={method} digits={isCount ? 0 : 1} />
            {layer?.kind === 'gi' && <GiLegend method={layer.legend} />}
            {layer?.kind === 'trend' && <TrendLegend method={layer.legend} />}
            {layer?.kde && <KdeLegend max={layer.kde.max} method={layer.kdeLegend ?? ''} />}
          </div>
        </MapView>
        <aside className="side-pane" aria-label="Details">
          <div className="tabs" role="tablist">
            {TABS.map(([id, label]) => (
              <button key={id} id={`tab-${id}`} type="button" role="tab" aria-controls={`panel-${id}`} aria-selected={tab === id} onClick={() => setTab(id)}>{label}</button>
            ))}
          </div>
          <div hidden={tab !== 'wards'} className="side-scroll" id="panel-wards" role="tabpanel" aria-labelledby="tab-wards">
            <WardPanel engine={engine} revision={p.revision} selected={selected} onSelect={setSelected} onTable={onTable} onExport={p.exportFile} />
          </div>
          <div hidden={tab !== 'hotspots'} className="side-scroll" id="panel-hotspots" role="tabpanel" aria-labelledby="tab-hotspots">
            <HotspotPanel engine={engine} revision={p.revision} firstMonth={summary?.firstMonth ?? null} lastMonth={summary?.lastMonth ?? null} wardNames={wardNames} onLayer={setLayer} onExport={p.exportFile} onInspectCell={inspectCell} />
          </div>
          <div hidden={tab !== 'patrols'} className="side-scroll" id="panel-patrols" role="tabpanel" aria-labelledby="tab-patrols">
            <PatrolsPanel engine={engine} revision={p.revision} active={tab === 'patrols'} onChanged={() => void p.refresh()} onExport={p.exportFile} />
          </div>
          {tab === 'harm' && (
            <div className="side-scroll" id="panel-harm" role="tabpanel" aria-labelledby="tab-harm">
              <HarmPanel engine={engine} revision={p.revision} onChanged={() => void p.refresh()} />
            </div>
          )}
          {tab === 'imports' && (
            <div className="side-scroll" id="panel-imports" role="tabpanel" aria-labelledby="tab-imports">
              <ImportHistory engine={engine} revision={p.revision} onExport={p.exportFile} onChanged={() => void p.refresh()} />
              <ReferenceData engine={engine} onChanged={() => void p.refresh()} />
            </div>
          )}
        </aside>
      </main>
      {dragging && <div className="drop-hint">Drop CSV files, a folder or a police.uk zip to import them</div>}
      {importing && (
        <ImportDialog
          engine={engine}
          files={importing.files}
          onImported={() => void p.refresh()}
          onClose={() => setImporting(null)}
          onExport={(name, bytes) => p.exportFile(name, bytes, 'text/csv')}
        />
      )}
      {about && <AboutDialog onClose={() => setAbout(false)} />}
      <footer className="status-bar" role="status" aria-live="polite">
        {p.error ? <span className="error" role="alert">{p.error}</span> : p.busy ?? `${summary?.crimes ?? 0} crimes${summary?.stopSearches ? ` · ${summary.stopSearches} stop and searches` : ''} · ${summary?.areas ?? 0} wards · ${describePeriod(summary)} · ${platform.kind === 'desktop' ? p.path ?? 'not saved yet' : 'browser mode'}`}
      </footer>
    </div>
  );
}
