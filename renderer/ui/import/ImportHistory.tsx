import { useEffect, useState } from 'react';
import type { ImportSummary } from '../../../shared/import/importHistory';
import type { EngineClient } from '../../engine/engineClient';
import { formatNumber } from '../../map/classBreaks';

interface Props {
  engine: EngineClient;
  revision: number;
  onExport(name: string, bytes: Uint8Array, mime: string): void;
  /** After a removal: the project's data changed, every view refreshes. */
  onChanged(): void;
}

const FORMAT_LABEL: Record<string, string> = {
  'police-uk': 'police.uk street crime',
  'stop-search': 'police.uk stop and search',
  extract: 'force extract',
  'ward-counts': 'ward-level counts',
};

/** Every import in the project with its accounting; rejections stay exportable afterwards. */
export function ImportHistory({ engine, revision, onExport, onChanged }: Props) {
  const [rows, setRows] = useState<ImportSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [demo, setDemo] = useState<{ files: number; rows: number; seconds: number } | null>(null);
  const remove = (r: ImportSummary) => {
    const what = r.imported === 1 ? '1 record' : `${r.imported.toLocaleString('en-GB')} records`;
    if (!window.confirm(`Remove the ${what} imported from ${r.fileName}? The history will keep the import, marked removed.`)) return;
    setError(null);
    engine.removeImport(r.id).then(onChanged, (e: Error) => setError(e.message));
  };
  useEffect(() => {
    if (revision === 0) return;
    void engine.importHistory().then(setRows);
    void engine.demoImport().then((d) => setDemo(d ? { files: d.report.totals.importedFiles, rows: d.report.totals.imported, seconds: d.importMs / 1000 } : null));
  }, [engine, revision]);

  return (
    <div className="table-scroll import-history">
      {error && <p role="alert" className="error">{error}</p>}
      {demo && (
        <p aria-label="Demo import">
          This demo was built on this machine from the bundled police.uk download (West Yorkshire street crime Aug to Nov 2014, stop and search
          Aug 2021; Open Government Licence v3.0) through the normal import: {demo.files} files, {formatNumber(demo.rows)} records imported in {demo.seconds.toFixed(1)} s.
        </p>
      )}
      <table aria-label="Imports">
        <caption>{rows.length === 0 ? 'No imports yet: use Import… or drop CSV files, a folder or a police.uk zip on the window.' : 'Rows read = imported + duplicates + rejected.'}</caption>
        <thead>
          <tr>
            <th scope="col">File</th><th scope="col">Format</th><th scope="col" className="num">Read</th><th scope="col" className="num">Imported</th>
            <th scope="col" className="num">Duplicates</th><th scope="col" className="num">Rejected</th><th scope="col" className="num">Out of area</th><th scope="col" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} title={`Imported ${r.importedAt}`} className={r.removed ? 'removed' : undefined}>
              <td>
                {r.fileName}
                {r.removed && (
                  <div className="removed-note">
                    removed {r.removed.removedAt.slice(0, 10)}: {formatNumber(r.removed.crimes + r.removed.stopSearches + r.removed.wardCounts)} records taken out
                  </div>
                )}
              </td>
              <td>{FORMAT_LABEL[r.format] ?? r.format}</td>
              <td className="num">{formatNumber(r.rowsRead)}</td>
              <td className="num">{formatNumber(r.imported)}</td>
              <td className="num">{formatNumber(r.duplicates)}</td>
              <td className="num">{formatNumber(r.rejected)}</td>
              <td className="num">{formatNumber(r.outOfArea)}</td>
              <td>
                {!r.removed && (
                  <button type="button" aria-label={`Remove import of ${r.fileName}`} onClick={() => remove(r)}>Remove</button>
                )}
                {r.rejected > 0 && (
                  <button type="button" onClick={() => void engine.rejectionsCsv(r.id).then((b) => onExport(`${r.fileName}.rejections.csv`, b, 'text/csv'))}>
                    Rejections CSV
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
