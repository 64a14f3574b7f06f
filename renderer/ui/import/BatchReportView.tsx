import type { BatchReport } from '../../../shared/import/runImportBatch';
import { formatNumber } from '../../map/classBreaks';
import { ImportReportView } from './ImportReportView';

interface Props {
  report: BatchReport;
  onExportRejections(importId: number, fileName: string): void;
}

const STATUS: Record<string, string> = {
  imported: 'imported',
  'not-imported': 'NOT imported',
  skipped: 'skipped',
  cancelled: 'cancelled',
};

/** The combined report of a multi-file, folder or zip import: one row per file, the totals, then each file's own report. */
export function BatchReportView({ report, onExportRejections }: Props) {
  const t = report.totals;
  return (
    <section aria-label="Combined import report">
      <h3>
        {report.cancelled ? 'Import cancelled: ' : ''}
        {t.importedFiles} of {t.files} file{t.files === 1 ? '' : 's'} imported
        {t.notImported ? `, ${t.notImported} not imported` : ''}{t.skipped ? `, ${t.skipped} skipped` : ''}
      </h3>
      <div className="table-scroll">
        <table aria-label="Files">
          <caption>Each file is its own transaction: a file that is not imported leaves nothing behind. Read = imported + duplicates + rejected.</caption>
          <thead>
            <tr>
              <th scope="col">File</th><th scope="col">Result</th><th scope="col" className="num">Read</th><th scope="col" className="num">Imported</th>
              <th scope="col" className="num">Duplicates</th><th scope="col" className="num">Rejected</th>
            </tr>
          </thead>
          <tbody>
            {report.files.map((f, i) => (
              <tr key={`${f.name}-${i}`}>
                <td>{f.name}</td>
                <td>{STATUS[f.status]}{f.message ? `: ${f.message}` : ''}</td>
                <td className="num">{f.report ? formatNumber(f.report.rowsRead) : ''}</td>
                <td className="num">{f.report ? formatNumber(f.report.imported) : ''}</td>
                <td className="num">{f.report ? formatNumber(f.report.duplicates) : ''}</td>
                <td className="num">{f.report ? formatNumber(f.report.rejected) : ''}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total ({t.importedFiles} imported file{t.importedFiles === 1 ? '' : 's'})</th>
              <td />
              <td className="num" data-total="read">{formatNumber(t.read)}</td>
              <td className="num" data-total="imported">{formatNumber(t.imported)}</td>
              <td className="num" data-total="duplicates">{formatNumber(t.duplicates)}</td>
              <td className="num" data-total="rejected">{formatNumber(t.rejected)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {t.outOfArea > 0 && <p>{formatNumber(t.outOfArea)} imported records lie outside the force area (kept and marked).</p>}
      {report.files.filter((f) => f.report && !f.report.cancelled).map((f, i) => (
        <details key={`${f.name}-${i}`}>
          <summary>Report for {f.name}</summary>
          <ImportReportView report={f.report!} onExportRejections={() => f.report!.importId !== null && onExportRejections(f.report!.importId, f.name)} />
        </details>
      ))}
    </section>
  );
}
