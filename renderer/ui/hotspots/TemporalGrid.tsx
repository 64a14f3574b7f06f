import type { TemporalProfile } from '../../../shared/hotspots/temporalProfile';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Hour x weekday heat table (aoristic where records carry a from-to window). */
export function TemporalGrid({ t }: { t: TemporalProfile }) {
  if (t.recordsUsed === 0) {
    return <p className="hint">No time of day: {t.recordsWithoutTime} records have only a month (police.uk files), so there is no hour x weekday profile.</p>;
  }
  const max = Math.max(...t.weights);
  const cell = (v: number) => {
    const a = max > 0 ? v / max : 0;
    return { background: `rgba(189, 0, 38, ${a.toFixed(3)})`, color: a > 0.6 ? '#fff' : '#222' };
  };
  return (
    <figure className="chart">
      <table aria-label="Hour by weekday" className="temporal">
        <thead><tr><th scope="col" />{Array.from({ length: 24 }, (_, h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
        <tbody>
          {DAYS.map((d, wd) => (
            <tr key={d}>
              <th scope="row">{d}</th>
              {Array.from({ length: 24 }, (_, h) => {
                const v = t.weights[wd * 24 + h]!;
                return <td key={h} style={cell(v)} title={`${d} ${h}:00-${h}:59: ${v.toFixed(2)}`} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption>{t.method}. {t.recordsUsed} records used, {t.recordsWithoutTime} without a time, {t.recordsInvalidWindow} with an invalid window.</figcaption>
    </figure>
  );
}
