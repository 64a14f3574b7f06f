import { useEffect, useState } from 'react';
import type { ImportSummary } from '../../../shared/import/importHistory';
import type { EngineClient } from '../../engine/engineClient';
import { formatNumber } from '../../map/classBreaks';

interface Props {
  engine: EngineClient;
  revision: number;
  onExport(name: string, bytes: Uint8Array, mime: string): void;
}

/** Every import in the project with its accounting; rejections stay exportable afterwards. */
export function ImportHistory({ engine, revision, onExport }: Props) {
  const [rows, setRows] = useState<ImportSummary[]>([]);
  useEffect(() => {
    if (revision > 0) void engine.importHistory().then(setRows);
  }, [engine, revision]);

  return (
    <div className="table-scroll import-history">
      <table aria-label="Imports">
        <caption>{rows.length === 0 ? 'No imports yet: use Import… or drop a CSV on the window.' : 'Rows read = imported + duplicates + rejected.'}</caption>
        <thead>
          <tr>
            <th scope="col">File</th><th scope="col">Format</th><th scope="col" className="num">Read</th><th scope="col" className="num">Imported</th>
            <th scope="col" className="num">Dupl.</th><th scope="col" className="num">Rejected</th><th scope="col" className="num">Out of area</th><th scope="col" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} title={`Imported ${r.importedAt}`}>
              <td>{r.fileName}</td>
              <td>{r.format}</td>
              <td className="num">{formatNumber(r.rowsRead)}</td>
              <td className="num">{formatNumber(r.imported)}</td>
              <td className="num">{formatNumber(r.duplicates)}</td>
              <td className="num">{formatNumber(r.rejected)}</td>
              <td className="num">{formatNumber(r.outOfArea)}</td>
              <td>
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
