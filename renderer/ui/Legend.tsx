import { formatNumber } from '../map/classBreaks';
import { WARD_RAMP, WARD_ZERO } from '../../shared/legend/classes';

interface Props {
  title: string;
  breaks: number[];
  method: string;
  /** Decimal places: 0 for counts, 1 for harm. */
  digits?: number;
}

/** Choropleth legend; `method` says how the numbers were made (scheme, period, filter). */
export function Legend({ title, breaks, method, digits = 0 }: Props) {
  let lower = 0;
  return (
    <aside className="legend" aria-label="Legend">
      <div className="legend-title">{title}</div>
      <ul>
        <li>
          <span className="swatch" style={{ background: WARD_ZERO.colour }} /> {WARD_ZERO.label}
        </li>
        {breaks.map((b, i) => {
          const from = lower;
          lower = b;
          return (
            <li key={b}>
              <span className="swatch" style={{ background: WARD_RAMP[i] }} /> {digits === 0 ? `${formatNumber(from + 1)} to ${formatNumber(b)}` : `> ${formatNumber(from, digits)} to ${formatNumber(b, digits)}`}
            </li>
          );
        })}
      </ul>
      <div className="legend-method">{method}</div>
    </aside>
  );
}
