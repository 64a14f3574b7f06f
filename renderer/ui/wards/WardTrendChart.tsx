import type { WardTrend } from '../../../shared/wards/wardTrend';
import { monthName } from '../../../shared/wards/dataCoverage';
import { formatNumber } from '../../map/classBreaks';

interface Props {
  trend: WardTrend;
  /** 'harm' for a harm scheme, 'count' for the plain count. */
  measure: 'harm' | 'count';
  /** The scheme's name for the axis title. */
  scheme: string;
  /** First month of the table's current period: months before it are the previous period (shaded). */
  currentFrom: string;
}

const W = 540, H = 150, L = 54, R = 10, T = 12, B = 30;

/**
 * The ward's harm (or count) per month as an SVG line. A month without data is a hatched gap
 * with no point and the line broken, never a 0 on the axis.
 */
export function WardTrendChart({ trend, measure, scheme, currentFrom }: Props) {
  const pts = trend.points;
  const vals = pts.map((p) => p[measure]);
  const max = Math.max(1, ...vals.map((v) => v ?? 0));
  const step = (W - L - R) / Math.max(1, pts.length);
  const x = (k: number) => L + step * (k + 0.5);
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  // Line segments only between neighbouring months that both have data.
  const segs: string[] = [];
  let run: string[] = [];
  vals.forEach((v, k) => {
    if (v === null) { if (run.length > 1) segs.push(run.join(' ')); run = []; return; }
    run.push(`${x(k).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (run.length > 1) segs.push(run.join(' '));
  const gaps = vals.filter((v) => v === null).length;
  const label = `${measure === 'harm' ? 'Harm' : 'Crimes'} per month, ${monthName(pts[0]!.month)} to ${monthName(pts[pts.length - 1]!.month)}: ${trend.monthsWithData} of ${pts.length} months have data`;
  const everyN = Math.ceil(pts.length / 12);
  const firstCurrent = pts.findIndex((p) => p.month >= currentFrom);
  return (
    <figure className="chart ward-trend">
      <svg role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`} width="100%" height={H} data-months={pts.length} data-gaps={gaps}>
        <title>{label}</title>
        <defs>
          <pattern id="no-data-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke="#c9d0d9" strokeWidth="2" />
          </pattern>
        </defs>
        {firstCurrent > 0 && <rect x={L} y={T} width={step * firstCurrent} height={H - T - B} fill="#f3f5f8" />}
        {firstCurrent > 0 && <text x={L + 3} y={T + 10} fontSize="10" fill="#5a6472">previous period</text>}
        {vals.map((v, k) => (v === null ? <rect key={`g${k}`} className="no-data-gap" x={x(k) - step / 2} y={T} width={step} height={H - T - B} fill="url(#no-data-hatch)"><title>{monthName(pts[k]!.month)}: no data</title></rect> : null))}
        <line x1={L} y1={H - B} x2={W - R} y2={H - B} stroke="#8a94a3" />
        <line x1={L} y1={T} x2={L} y2={H - B} stroke="#8a94a3" />
        <text x={L - 4} y={T + 4} fontSize="10" textAnchor="end" fill="#3c4654">{formatNumber(max, measure === 'harm' ? 0 : 0)}</text>
        <text x={L - 4} y={H - B} fontSize="10" textAnchor="end" fill="#3c4654">0</text>
        <text x={10} y={(H - B + T) / 2} fontSize="10" fill="#3c4654" transform={`rotate(-90 10 ${(H - B + T) / 2})`} textAnchor="middle">{measure === 'harm' ? 'harm' : 'crimes'}</text>
        {segs.map((s) => <polyline key={s} points={s} fill="none" stroke="#1f4e8c" strokeWidth="2" />)}
        {vals.map((v, k) => (v === null ? null : (
          <circle key={`p${k}`} className="trend-point" cx={x(k)} cy={y(v)} r="3.5" fill="#1f4e8c">
            <title>{`${monthName(pts[k]!.month)}: ${formatNumber(v, measure === 'harm' ? 1 : 0)}`}</title>
          </circle>
        )))}
        {pts.map((p, k) => (k % everyN === 0 ? (
          <text key={`m${k}`} x={x(k)} y={H - B + 12} fontSize="9" textAnchor="middle" fill="#3c4654">{monthName(p.month).slice(0, 3)}</text>
        ) : null))}
        <text x={x(0)} y={H - 4} fontSize="9" fill="#5a6472">{pts[0]!.month.slice(0, 4)}</text>
        <text x={x(pts.length - 1)} y={H - 4} fontSize="9" textAnchor="end" fill="#5a6472">{pts[pts.length - 1]!.month.slice(0, 4)}</text>
      </svg>
      <figcaption>
        {label}. {gaps > 0 ? 'Hatched months have no data (not zero). ' : ''}{measure === 'harm' ? `Scheme: ${scheme}.` : ''}
      </figcaption>
    </figure>
  );
}
