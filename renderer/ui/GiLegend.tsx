import type { HotspotView } from '../engine/analysisApi';
import { KDE_FLOOR, KDE_RAMP, kdeAlpha } from '../../shared/export/kdeRaster';
import { formatNumber } from '../map/classBreaks';
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

/** A categorical legend for cell classes: swatches, labels, and the method that made them. */
function ClassLegend(props: { name: string; title: string; labels: [string, string][]; colours: Record<string, string>; method: string }) {
  return (
    <aside className="legend gi-legend" aria-label={props.name}>
      <div className="legend-title">{props.title}</div>
      <ul>
        {props.labels.map(([k, label]) => (
          <li key={k}><span className="swatch" style={{ background: props.colours[k] }} /> {label}</li>
        ))}
      </ul>
      <div className="legend-method">{props.method}</div>
    </aside>
  );
}

/** Legend for Gi* classes; `method` states cell size, neighbourhood and correction. */
export function GiLegend({ method }: { method: string }) {
  return <ClassLegend name="Hotspot legend" title="Getis-Ord Gi* hot and cold spots" labels={LABELS} colours={GI_COLOURS} method={method} />;
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
  return <ClassLegend name="Trend legend" title="Hot spot trends across periods" labels={TREND_LABELS} colours={TREND_COLOURS} method={method} />;
}

/**
 * Legend for the KDE surface: its own Purples ramp from the faintest drawn share (1% of the
 * peak) to the peak density, and the kernel, bandwidth, scheme and period that made it.
 */
export function KdeLegend({ max, method }: { max: number; method: string }) {
  const css = (t: number) => {
    const [, [r, g, b]] = KDE_RAMP.reduce((best, s) => (Math.abs(s[0] - t) < Math.abs(best[0] - t) ? s : best));
    return `rgba(${r}, ${g}, ${b}, ${(kdeAlpha(t) / 255).toFixed(2)})`;
  };
  const gradient = `linear-gradient(to right, ${KDE_RAMP.map(([t]) => `${css(Math.max(t, KDE_FLOOR))} ${(100 * t).toFixed(0)}%`).join(', ')})`;
  return (
    <aside className="legend kde-legend" aria-label="KDE legend">
      <div className="legend-title">Kernel density (per km²)</div>
      <div className="kde-ramp" style={{ background: gradient }} role="img" aria-label={`Colour ramp from 1% of the peak to the peak, ${formatNumber(max, 1)} per km²`} />
      <div className="kde-ramp-labels"><span>{formatNumber(max * KDE_FLOOR, 1)}</span><span>{formatNumber(max / 2, 1)}</span><span>{formatNumber(max, 1)}</span></div>
      <div className="legend-method">{method}</div>
    </aside>
  );
}
