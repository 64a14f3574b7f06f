import type { ImportReport } from '../../../shared/import/types';
import { formatNumber } from '../../map/classBreaks';

interface Props {
  report: ImportReport;
  onExportRejections(): void;
}

const PLACED_LABEL: Record<string, string> = {
  point: 'placed by coordinates (point in ward polygon)',
  lsoa11: 'placed by 2011 LSOA code (lookup)',
  lsoa21: 'placed by 2021 LSOA code (lookup)',
  'ward-field': 'placed by the ward column',
  none: 'not placed in any ward (no usable location)',
};

/** The accounting an analyst signs off: read = imported + duplicates + rejected, every rejection listed. */
export function ImportReportView({ report, onExportRejections }: Props) {
  const r = report;
  const shown = r.rejections.slice(0, 200);
  return (
    <section aria-label="Import report">
      <h3>{r.cancelled ? 'Import cancelled: nothing from this file was kept' : `Imported ${r.fileName}`}</h3>
      <table aria-label="Import totals" className="totals">
        <tbody>
          <tr><th scope="row">Rows read</th><td className="num">{formatNumber(r.rowsRead)}</td></tr>
          <tr><th scope="row">Imported</th><td className="num">{formatNumber(r.imported)}</td></tr>
          <tr><th scope="row">Duplicates (already in the project)</th><td className="num">{formatNumber(r.duplicates)}</td></tr>
          <tr><th scope="row">Rejected</th><td className="num">{formatNumber(r.rejected)}</td></tr>
          <tr><th scope="row">Imported but outside the force area</th><td className="num">{formatNumber(r.outOfArea)}</td></tr>
        </tbody>
      </table>
      {Object.keys(r.placedBy).length > 0 && (
        <ul aria-label="How records were placed">
          {Object.entries(r.placedBy).map(([k, n]) => (
            <li key={k}>{formatNumber(n)} {PLACED_LABEL[k] ?? `placed by ${k}`}</li>
          ))}
        </ul>
      )}
      {r.warnings.length > 0 && (
        <ul aria-label="Warnings" className="warnings">
          {r.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
      {r.rejected > 0 && (
        <>
          <button type="button" onClick={onExportRejections}>Export rejections CSV</button>
          <div className="table-scroll rejections">
            <table aria-label="Rejections">
              <caption>{shown.length < r.rejections.length ? `First ${shown.length} of ${r.rejections.length} rejections; the CSV has all.` : `${r.rejections.length} rejections`}</caption>
              <thead><tr><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Reason</th></tr></thead>
              <tbody>
                {shown.map((x, i) => (
                  <tr key={`${x.line}-${i}`}><td className="num">{x.line}</td><td>{x.column ?? ''}</td><td>{x.reason}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
