import type { HotspotView } from '../engine/analysisApi';
import { GI_COLOURS, TREND_COLOURS } from '../map/mapStyle';

/** The short method statement under the legend: scheme, period, cell, neighbourhood, correction. */
export function giLegendText(v: HotspotView): string {
  const m = v.method;
  const period = m.period.from || m.period.to ? `${m.period.from ?? 'start'} to ${m.period.to ?? 'end'}` : 'all months';
  return `${m.scheme}${m.categorySet ? `, ${m.categorySet}` : ''}, ${period}; ${m.cell.size} m ${m.cell.shape === 'square' ? 'BNG squares' : 'hexagons'}; neighbours within ${m.neighbourhood.distance.toFixed(1)} m incl. self; ${m.correction.fdr ? 'FDR (Benjamini-Hochberg) corrected' : 'no multiple-testing correction'}.`;
}

const LABELS: [string, string][] = [
  ['hot-99', 'Hot spot, 99%'],
  ['hot-95', 'Hot spot, 95%'],
  ['hot-90', 'Hot spot, 90%'],
  ['cold-90', 'Cold spot, 90%'],
  ['cold-95', 'Cold spot, 95%'],
  ['cold-99', 'Cold spot, 99%'],
];

/** Legend for Gi* classes; `method` states cell size, neighbourhood and correction. */
export function GiLegend({ method }: { method: string }) {
  return (
    <aside className="legend gi-legend" aria-label="Hotspot legend">
      <div className="legend-title">Getis-Ord Gi* hot and cold spots</div>
      <ul>
        {LABELS.map(([k, label]) => (
          <li key={k}><span className="swatch" style={{ background: GI_COLOURS[k] }} /> {label}</li>
        ))}
      </ul>
      <div className="legend-method">{method}</div>
    </aside>
  );
}

const TREND_LABELS: [string, string][] = [
  ['trend-persistent-hot', 'Persistent hot spot'],
  ['trend-emerging-hot', 'Emerging hot spot'],
  ['trend-intermittent-hot', 'Intermittent hot spot'],
  ['trend-former-hot', 'Former hot spot'],
  ['trend-mixed', 'Mixed hot/cold'],
  ['trend-persistent-cold', 'Persistent cold spot'],
  ['trend-emerging-cold', 'Emerging cold spot'],
  ['trend-intermittent-cold', 'Intermittent cold spot'],
  ['trend-former-cold', 'Former cold spot'],
];

/** Legend for trend classes across periods. */
export function TrendLegend({ method }: { method: string }) {
  return (
    <aside className="legend gi-legend" aria-label="Trend legend">
      <div className="legend-title">Hot spot trends across periods</div>
      <ul>
        {TREND_LABELS.map(([k, label]) => (
          <li key={k}><span className="swatch" style={{ background: TREND_COLOURS[k] }} /> {label}</li>
        ))}
      </ul>
      <div className="legend-method">{method}</div>
    </aside>
  );
}
