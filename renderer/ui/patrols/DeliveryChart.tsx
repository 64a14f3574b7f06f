import { DELIVERY_BANDS, deliveryColour } from '../../../shared/legend/classes';

export interface DeliveryBar {
  key: string;
  label: string;
  /** Short text after the label, e.g. the district. */
  sub?: string;
  deliveredMinutes: number;
  targetMinutes: number;
  /** Delivered / target x 100; null when there is no target. */
  pct: number | null;
  /** False when no input covers this row: the bar is hatched "not measured", never a zero. */
  measured: boolean;
}

const W = 560;
const LABEL_W = 214;
const VALUE_W = 106;
const ROW = 22;
const TOP = 20;

/** Colours by share of target delivered: under half, half to 90%, 90% or more (see shared/legend/classes.ts). */
export const BANDS: [number, string, string][] = DELIVERY_BANDS.map((b) => [b.below, b.colour, b.label]);

export const bandColour = deliveryColour;

const h = (m: number) => (m / 60).toFixed(m >= 600 ? 0 : 1);

/**
 * Delivered patrol hours against target, one horizontal bar per row: the bar is what was
 * delivered, the black tick the target, the colour the share delivered.
 */
export function DeliveryChart({ title, bars }: { title: string; bars: DeliveryBar[] }) {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.deliveredMinutes, b.targetMinutes))) * 1.04;
  const plotW = W - LABEL_W - VALUE_W;
  const x = (m: number) => LABEL_W + (m / max) * plotW;
  const height = TOP + bars.length * ROW + 18;
  const ticks = niceTicks(max / 60);
  return (
    <figure className="chart delivery-chart">
      <svg width={W} height={height} role="img" aria-label={title}>
        <text x={0} y={12} fontSize={11} fontWeight={600} fill="#1d2430">{title}</text>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t * 60)} x2={x(t * 60)} y1={TOP - 2} y2={TOP + bars.length * ROW} stroke="#e3e8ee" />
            <text x={x(t * 60)} y={TOP + bars.length * ROW + 12} fontSize={9} fill="#5a6472" textAnchor="middle">{t} h</text>
          </g>
        ))}
        {bars.map((b, i) => {
          const y = TOP + i * ROW;
          const colour = bandColour(b.pct);
          return (
            <g key={b.key} className="bar-row" aria-label={`${b.label}: ${h(b.deliveredMinutes)} of ${h(b.targetMinutes)} hours`}>
              <title>{`${b.label}${b.sub ? ` (${b.sub})` : ''}: ${h(b.deliveredMinutes)} h delivered of ${h(b.targetMinutes)} h target${b.pct === null ? '' : ` (${b.pct.toFixed(0)}%)`}`}</title>
              <text x={LABEL_W - 6} y={y + 14} fontSize={11} textAnchor="end" fill="#1d2430">
                {truncate(b.label, b.sub ? 24 : 34)}
                {b.sub && <tspan fill="#7a8594" fontSize={10}>{` ${truncate(b.sub, 10)}`}</tspan>}
              </text>
              <rect x={LABEL_W} y={y + 4} width={plotW} height={ROW - 8} fill="#f3f5f8" />
              {b.measured ? (
                <rect x={LABEL_W} y={y + 4} width={Math.max(0, x(b.deliveredMinutes) - LABEL_W)} height={ROW - 8} fill={colour} rx={2} />
              ) : (
                <rect x={LABEL_W} y={y + 4} width={plotW} height={ROW - 8} fill="url(#not-measured)" />
              )}
              <line x1={x(b.targetMinutes)} x2={x(b.targetMinutes)} y1={y + 1} y2={y + ROW - 1} stroke="#111" strokeWidth={2} />
              <text x={W - VALUE_W + 6} y={y + 14} fontSize={11} fill="#1d2430" className="bar-value">
                {b.measured ? `${h(b.deliveredMinutes)} / ${h(b.targetMinutes)} h` : 'not measured'}
                {b.measured && b.pct !== null && <tspan fill={b.pct < 50 ? '#b00020' : '#3c4654'} fontWeight={600}>{` ${b.pct.toFixed(0)}%`}</tspan>}
              </text>
            </g>
          );
        })}
        <defs>
          <pattern id="not-measured" width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={6} height={6} fill="#f3f5f8" />
            <line x1={0} y1={0} x2={0} y2={6} stroke="#c4ccd6" strokeWidth={2} />
          </pattern>
        </defs>
      </svg>
    </figure>
  );
}

export function BandLegend() {
  return (
    <div className="band-legend" aria-label="Chart legend">
      {BANDS.map(([, colour, label]) => <span key={label}><span className="swatch" style={{ background: colour }} /> {label}</span>)}
      <span><span className="target-tick" /> target</span>
    </div>
  );
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function niceTicks(maxHours: number): number[] {
  const step = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].find((s) => maxHours / s <= 5) ?? 10000;
  const out: number[] = [];
  for (let t = 0; t <= maxHours; t += step) out.push(+t.toFixed(2));
  return out;
}
