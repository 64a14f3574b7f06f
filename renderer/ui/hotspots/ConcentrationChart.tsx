import type { Concentration } from '../../../shared/hotspots/concentration';

const W = 260;
const H = 160;
const PAD = 28;

/**
 * The concentration (Lorenz) curve: share of harm against share of cells, cells ranked by harm.
 * The diagonal is "harm spread evenly"; the further the curve bows above it, the more a few
 * places carry the harm ("the power few").
 */
export function ConcentrationChart({ c }: { c: Concentration }) {
  // Harm usually sits in a few % of cells: zoom the x axis to where the curve bends.
  const xMax = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1].find((m) => m >= Math.min(1, c.shareFor50 * 4)) ?? 1;
  const x = (s: number) => PAD + (Math.min(s, xMax) / xMax) * (W - PAD - 8);
  const y = (s: number) => H - PAD - s * (H - PAD - 8);
  const pts = [{ cellShare: 0, valueShare: 0 }, ...c.lorenz.filter((p) => p.cellShare <= xMax)];
  const d = pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.cellShare).toFixed(1)},${y(p.valueShare).toFixed(1)}`).join(' ');
  return (
    <figure className="chart">
      <svg width={W} height={H} role="img" aria-label={`Concentration curve: 50% of harm in ${(100 * c.shareFor50).toFixed(1)}% of cells`}>
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(0)} stroke="#999" />
        <line x1={x(0)} y1={y(0)} x2={x(0)} y2={y(1)} stroke="#999" />
        <line x1={x(0)} y1={y(0)} x2={x(xMax)} y2={y(xMax)} stroke="#bbb" strokeDasharray="4 3" />
        <line x1={x(0)} y1={y(0.5)} x2={x(c.shareFor50)} y2={y(0.5)} stroke="#d6007a" strokeDasharray="2 2" />
        <line x1={x(c.shareFor50)} y1={y(0.5)} x2={x(c.shareFor50)} y2={y(0)} stroke="#d6007a" strokeDasharray="2 2" />
        <path d={d} fill="none" stroke="#1f4e8c" strokeWidth={2} />
        {[0, 0.5, 1].map((t) => (
          <g key={t} fontSize={10} fill="#555">
            <text x={x(t * xMax)} y={H - PAD + 12} textAnchor="middle">{+(t * xMax * 100).toFixed(1)}%</text>
            <text x={PAD - 4} y={y(t) + 3} textAnchor="end">{t * 100}%</text>
          </g>
        ))}
        <text x={(W + PAD) / 2} y={H - 2} fontSize={10} textAnchor="middle" fill="#333">share of cells (most harm first)</text>
      </svg>
      <figcaption>Share of harm held by the top {xMax * 100}% of cells (x axis zoomed); grey: harm spread evenly; pink: 50% of harm.</figcaption>
    </figure>
  );
}
