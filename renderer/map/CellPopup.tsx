import type { CellDetails } from '../engine/analysisApi';
import { GI_CLASSES, GI_NOT_SIGNIFICANT, giClass } from '../../shared/legend/classes';
import { formatNumber } from './classBreaks';

/** Gi* class names as the legend says them, by class code. */
export const CLASS_NAMES: Record<number, string> = Object.fromEntries([...GI_CLASSES, GI_NOT_SIGNIFICANT].map((c) => [c.code, c.label]));

/** p-values as analysts read them: three significant digits, or "< 0.001" rather than 1.2e-12. */
export function formatP(p: number | null): string {
  if (p === null) return 'undefined';
  // Three significant digits: rounding 0.0096 to "0.010" would contradict a 99% class.
  return p < 0.001 ? '< 0.001' : p.toPrecision(3);
}

export interface CellPopupProps {
  id: string;
  /** Null while loading, or when the cell is outside the last analysis's study area. */
  details: CellDetails | null;
  loading: boolean;
  error: string | null;
  wardName: string | null;
  /** Trend class when trends were run ("emerging hotspot"), and how ("3 periods of 1 month"). */
  trend: { label: string; note: string } | null;
}

/** What one cell holds and how it scored: the popup a click on the map (or a list row) opens. */
export function CellPopup({ id, details: d, loading, error, wardName, trend }: CellPopupProps) {
  return (
    <div className="cell-popup" role="dialog" aria-label={`Cell ${id}`}>
      <div className="cell-popup-name">{loading ? 'Loading…' : d?.name ?? (d?.count === 0 ? 'No records in this cell' : 'No street named in its records')}</div>
      <div className="cell-popup-id">{id}{wardName ? ` · ${wardName}` : ''}</div>
      {error && <p role="alert" className="error">Could not read this cell: {error}</p>}
      {!loading && !error && !d && <p>This cell is outside the study area of the last hotspot analysis.</p>}
      {d && (
        <table aria-label="Cell figures" className="totals">
          <tbody>
            <tr><th scope="row">Records</th><td className="num">{formatNumber(d.count)}</td></tr>
            <tr><th scope="row">Harm ({d.scheme})</th><td className="num">{formatNumber(d.harm, 1)}</td></tr>
            <tr><th scope="row">Gi* z</th><td className="num">{d.z === null ? 'undefined' : d.z.toFixed(2)}</td></tr>
            <tr><th scope="row">p</th><td className="num">{formatP(d.p)}</td></tr>
            <tr><th scope="row">p (FDR)</th><td className="num">{d.pFdr === null ? 'not corrected' : formatP(d.pFdr)}</td></tr>
            <tr><th scope="row">Class</th><td>{giClass(d.cls).label}</td></tr>
            {trend && <tr><th scope="row">Trend</th><td>{trend.label}</td></tr>}
            {d.kde !== null && <tr><th scope="row">KDE density</th><td className="num">{formatNumber(d.kde, 1)} per km²</td></tr>}
          </tbody>
        </table>
      )}
      {d && (
        <div className="cell-popup-method">
          Street: most frequent police.uk location of the cell's records. {d.method}.{trend ? ` Trend: ${trend.note}.` : ''}
        </div>
      )}
    </div>
  );
}
