import type { HotspotView } from '../engine/analysisApi';
import { KDE_FLOOR, KDE_RAMP, kdeAlpha, kdeShade } from '../../shared/export/kdeRaster';
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
 * Legend for the KDE surface: its own Purples ramp, from the faintest drawn density (1% of the
 * peak) to the peak, on the square-root scale the surface is drawn with, and the kernel,
 * bandwidth, scheme and period that made it.
 */
export function KdeLegend({ max, method }: { max: number; method: string }) {
  const t0 = kdeShade(KDE_FLOOR);
  const rgba = (t: number) => {
    // Same interpolation as the raster: between the two stops around t.
    const i = Math.max(1, KDE_RAMP.findIndex(([s]) => s >= t));
    const [a, ca] = KDE_RAMP[i - 1]!, [b, cb] = KDE_RAMP[i]!;
    const f = (t - a) / (b - a);
    const c = ca.map((x, k) => Math.round(x + f * (cb[k]! - x)));
    return `rgba(${c.join(', ')}, ${(kdeAlpha(t) / 255).toFixed(2)})`;
  };
  const steps = Array.from({ length: 11 }, (_, k) => t0 + ((1 - t0) * k) / 10);
  const gradient = `linear-gradient(to right, ${steps.map((t, k) => `${rgba(t)} ${k * 10}%`).join(', ')})`;
  const at = (t: number) => formatNumber(max * t * t, 1); // density at ramp position t (kdeShade is sqrt)
  return (
    <aside className="legend kde-legend" aria-label="KDE legend">
      <div className="legend-title">Kernel density (per km²)</div>
      <div className="kde-ramp" style={{ background: gradient }} role="img" aria-label={`Colour ramp from 1% of the peak to the peak, ${formatNumber(max, 1)} per km²`} />
      <div className="kde-ramp-labels"><span>{at(t0)}</span><span>{at((t0 + 1) / 2)}</span><span>{at(1)}</span></div>
      <div className="legend-method">{method}</div>
    </aside>
  );
}
