import type { HotspotView } from '../../engine/analysisApi';
import type { EngineClient } from '../../engine/engineClient';
import { PaiChooser } from './PaiChooser';
import { formatNumber } from '../../map/classBreaks';
import { kdeBandwidthText } from '../../../shared/legend/methodText';
import { ConcentrationChart } from './ConcentrationChart';
import { TemporalGrid } from './TemporalGrid';
import { HotCellTable } from './HotCellTable';

interface Props {
  engine: EngineClient;
  view: HotspotView;
  wardNames: Map<string, string>;
  onExport(kind: 'csv' | 'geojson' | 'xlsx'): void;
  onShowKde(show: boolean): void;
  /** Whether the KDE surface is on the map (the checkbox follows it, so it never claims a surface that is not drawn). */
  kdeShown?: boolean;
  /** A hot-cell row was chosen: zoom the map to it and open its popup. */
  onInspect(id: string): void;
  /** Rerun over these districts only (offered when the records cover part of the study area). */
  onRestrict(districts: string[]): void;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** What the analysis found, how concentrated harm is, and exactly how it was made. */
export function HotspotResults({ engine, view, wardNames, onExport, onShowKde, onRestrict, onInspect, kdeShown = false }: Props) {
  const s = view.summary;
  const c = s.concentration;
  const partial = view.studyArea.districtsWithData.length > 0 && view.studyArea.districtsWithData.length < view.studyArea.districts.length;
  return (
    <section aria-label="Hotspot results" className="hotspot-results">
      <p className="study-area-line">Study area: {view.studyArea.label}.</p>
      <p>
        {formatNumber(s.cells)} cells, {formatNumber(s.recordsInCells)} of {formatNumber(s.records)} records counted, total harm {formatNumber(s.totalHarm, 1)}.
      </p>
      <table aria-label="Hotspot classes" className="totals">
        <tbody>
          <tr><th scope="row">Hot 99% / 95% / 90%</th><td className="num">{s.hot.c99} / {s.hot.c95} / {s.hot.c90}</td></tr>
          <tr><th scope="row">Cold 99% / 95% / 90%</th><td className="num">{s.cold.c99} / {s.cold.c95} / {s.cold.c90}</td></tr>
          <tr><th scope="row">50% of harm in</th><td className="num">{formatNumber(c.cellsFor50)} cells ({pct(c.shareFor50)})</td></tr>
          <tr><th scope="row">25% of harm in</th><td className="num">{formatNumber(c.cellsFor25)} cells ({pct(c.shareFor25)})</td></tr>
          <tr><th scope="row">PAI of hot cells (95%+)</th><td className="num">{s.pai === null ? 'undefined (no hot cells)' : s.pai.toFixed(2)}</td></tr>
        </tbody>
      </table>
      <HotCellTable view={view} wardNames={wardNames} onInspect={onInspect} />
      {view.method.kde && (
        <label className="check">
          <input type="checkbox" aria-label="Show KDE surface" disabled={view.method.cell.shape !== 'square'} checked={kdeShown} onChange={(e) => onShowKde(e.target.checked)} />
          <span>
            Show KDE surface: quartic kernel, {kdeBandwidthText(view.method)}
            {view.method.cell.shape !== 'square' ? '; square cells only' : ''}
          </span>
        </label>
      )}
      <ConcentrationChart c={c} />
      <TemporalGrid t={s.temporal} />
      <PaiChooser engine={engine} revision={view} />
      {view.warnings.length > 0 && (
        <ul aria-label="Warnings" className="warnings">
          {view.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
      {partial && (
        <button type="button" className="primary" onClick={() => onRestrict(view.studyArea.districtsWithData)}>
          Restrict the study area to {view.studyArea.districtsWithData.join(', ')}
        </button>
      )}
      <div className="export-buttons">
        <button type="button" onClick={() => onExport('xlsx')}>Export cells XLSX</button>
        <button type="button" onClick={() => onExport('csv')}>Export cells CSV</button>
        <button type="button" onClick={() => onExport('geojson')}>Export cells GeoJSON</button>
      </div>
      <details open>
        <summary>How these numbers were made</summary>
        <ul aria-label="Method" className="method">
          {view.methodLines.map((l) => <li key={l}>{l}</li>)}
        </ul>
      </details>
    </section>
  );
}
