import type { DosageImportReport } from '../../engine/patrolsApi';
import { formatNumber } from '../../map/classBreaks';

const when = (t: number | null) => (t === null ? '—' : new Date(t).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' }));

/** One dosage file's accounting: read = accepted + duplicates + rejected, every rejection listed. */
export function DosageReportView({ report: r }: { report: DosageImportReport }) {
  const shown = r.rejections.slice(0, 100);
  return (
    <section aria-label={`Dosage import report ${r.fileName}`} className="dosage-report">
      <h4>{r.alreadyImported ? `${r.fileName}: already imported for this plan, nothing added` : `Imported ${r.fileName}`}</h4>
      <table aria-label="Dosage import totals" className="totals">
        <tbody>
          <tr><th scope="row">Rows read</th><td className="num">{formatNumber(r.rowsRead)}</td></tr>
          <tr><th scope="row">Accepted</th><td className="num">{formatNumber(r.accepted)}</td></tr>
          <tr><th scope="row">Duplicates</th><td className="num">{formatNumber(r.duplicates)}</td></tr>
          <tr><th scope="row">Rejected</th><td className="num">{formatNumber(r.rejected)}</td></tr>
          {r.kind === 'fixes' && (
            <>
              <tr><th scope="row">Devices</th><td className="num">{formatNumber(r.devices)}</td></tr>
              <tr><th scope="row">Visits to hotspots (2 min or more)</th><td className="num">{formatNumber(r.visits)}</td></tr>
              <tr><th scope="row">Pass-throughs (not counted)</th><td className="num">{formatNumber(r.passThroughs)}</td></tr>
              <tr><th scope="row">Median fix interval</th><td className="num">{r.medianFixIntervalSeconds === null ? 'not measured' : `${formatNumber(r.medianFixIntervalSeconds)} s`}</td></tr>
              <tr><th scope="row">Fixes from / to</th><td className="num">{when(r.firstFixUtc)} – {when(r.lastFixUtc)}</td></tr>
            </>
          )}
          {r.kind === 'records' && <tr><th scope="row">Patrol records kept</th><td className="num">{formatNumber(r.visits)}</td></tr>}
        </tbody>
      </table>
      {r.rowsRead !== r.accepted + r.duplicates + r.rejected && (
        <p role="alert" className="error">The accounting does not add up: {r.rowsRead} read, {r.accepted + r.duplicates + r.rejected} accounted for.</p>
      )}
      {r.notes.length > 0 && (
        <details>
          <summary>How the file was read</summary>
          <ul className="method" aria-label="How the file was read">{r.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>
        </details>
      )}
      {r.rejected > 0 && (
        <div className="table-scroll rejections">
          <table aria-label="Dosage rejections">
            <caption>{shown.length < r.rejected ? `First ${shown.length} of ${formatNumber(r.rejected)} rejections.` : `${r.rejected} rejections`}</caption>
            <thead><tr><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Reason</th></tr></thead>
            <tbody>
              {shown.map((x, i) => (
                <tr key={`${x.line}-${i}`} className="plain-row"><td className="num">{x.line}</td><td>{x.column ?? ''}</td><td>{x.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
