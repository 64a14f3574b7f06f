import { GI_CLASSES, KDE_FLOOR, TREND_CLASSES, kdeCss, kdeShade, type ClassDef } from '../../shared/legend/classes';
import { giLegendText as giMethodText } from '../../shared/legend/methodText';
import type { HotspotView } from '../engine/analysisApi';
import { formatNumber } from '../map/classBreaks';

/** The short method statement under the legend: scheme, period, cell, neighbourhood, correction. */
export function giLegendText(v: HotspotView): string {
  return giMethodText(v.method);
}

/** A categorical legend for cell classes: swatches, labels, and the method that made them. */
function ClassLegend(props: { name: string; title: string; classes: readonly ClassDef[]; method: string }) {
  return (
    <aside className="legend gi-legend" aria-label={props.name}>
      <div className="legend-title">{props.title}</div>
      <ul>
        {props.classes.map((c) => (
          <li key={c.key} title={c.explanation}><span className="swatch" style={{ background: c.colour }} /> {c.label}</li>
        ))}
      </ul>
      <div className="legend-method">{props.method}</div>
    </aside>
  );
}

/** Legend for Gi* classes; `method` states cell size, neighbourhood and correction. */
export function GiLegend({ method }: { method: string }) {
  return <ClassLegend name="Hotspot legend" title="Getis-Ord Gi* hot and cold spots" classes={GI_CLASSES} method={method} />;
}

/** Legend for trend classes across periods. */
export function TrendLegend({ method }: { method: string }) {
  return <ClassLegend name="Trend legend" title="Hot spot trends across periods" classes={TREND_CLASSES} method={method} />;
}

/**
 * Legend for the KDE surface: its own Purples ramp, from the faintest drawn density (1% of the
 * peak) to the peak, on the square-root scale the surface is drawn with, and the kernel,
 * bandwidth, scheme and period that made it.
 */
export function KdeLegend({ max, method }: { max: number; method: string }) {
  const t0 = kdeShade(KDE_FLOOR);
  const steps = Array.from({ length: 11 }, (_, k) => t0 + ((1 - t0) * k) / 10);
  const gradient = `linear-gradient(to right, ${steps.map((t, k) => `${kdeCss(t)} ${k * 10}%`).join(', ')})`;
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
