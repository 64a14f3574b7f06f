import { useEffect, useRef, useState } from 'react';
import * as Comlink from 'comlink';
import type { ExtractMapping } from '../../../shared/import/extractMapping';
import type { SourcePreview } from '../../../shared/import/previewSource';
import type { ImportFormat, ImportProgress, ImportReport } from '../../../shared/import/types';
import type { EngineClient } from '../../engine/engineClient';
import { formatNumber } from '../../map/classBreaks';
import { ImportReportView } from './ImportReportView';
import { MappingEditor } from './MappingEditor';

interface Props {
  engine: EngineClient;
  file: File | null;
  onClose(imported: boolean): void;
  onExport(name: string, bytes: Uint8Array): void;
}

const FORMATS: [ImportFormat, string][] = [
  ['police-uk', 'police.uk street crime'],
  ['stop-search', 'police.uk stop and search'],
  ['extract', 'Force extract (map the columns)'],
  ['ward-counts', 'Ward-level counts'],
];

type Stage = { kind: 'pick' } | { kind: 'preview'; preview: SourcePreview } | { kind: 'running' } | { kind: 'report'; report: ImportReport };

/** File -> detected format (confirmed by the user) -> mapping -> import with progress and cancel -> report. */
export function ImportDialog({ engine, file: initialFile, onClose, onExport }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [file, setFile] = useState<File | null>(initialFile);
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const [format, setFormat] = useState<ImportFormat>('police-uk');
  const [mapping, setMapping] = useState<ExtractMapping>({});
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    if (!file) return;
    setError(null);
    engine.previewFile(file).then(
      (p) => {
        setFormat(p.detectedFormat);
        setMapping(p.savedMapping ?? p.suggestedMapping ?? {});
        setStage({ kind: 'preview', preview: p });
      },
      (e: Error) => {
        setError(e.message);
        setStage({ kind: 'pick' });
      },
    );
  }, [engine, file]);

  const start = async () => {
    if (!file) return;
    setStage({ kind: 'running' });
    setProgress(null);
    setError(null);
    try {
      const report = await engine.importFile(file, { format, mapping: format === 'extract' ? mapping : undefined }, Comlink.proxy(setProgress));
      if (!report.cancelled && report.imported > 0) setImported(true);
      setStage({ kind: 'report', report });
    } catch (e) {
      setError((e as Error).message);
      setStage({ kind: 'pick' });
    }
  };

  const close = () => {
    dialog.current?.close();
    onClose(imported);
  };

  return (
    <dialog ref={dialog} aria-label="Import crimes" onCancel={(e) => { e.preventDefault(); if (stage.kind !== 'running') close(); }}>
      <h2>Import crimes</h2>
      {error && <p role="alert" className="error">{error}</p>}
      {(stage.kind === 'pick' || stage.kind === 'preview') && (
        <label className="file-pick">
          <span>CSV file</span>
          <input type="file" accept=".csv,.txt,text/csv" aria-label="CSV file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
      )}
      {stage.kind === 'preview' && (
        <section aria-label="Preview">
          <p>
            <strong>{stage.preview.fileName}</strong>: {stage.preview.encoding}{stage.preview.bom ? ' with BOM' : ''}, delimiter “{stage.preview.delimiter === '\t' ? 'tab' : stage.preview.delimiter}”, {stage.preview.header.length} columns.
          </p>
          <label>
            <span>Format </span>
            <select aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
              {FORMATS.map(([f, label]) => (
                <option key={f} value={f}>{label}{f === stage.preview.detectedFormat ? ' (detected)' : ''}</option>
              ))}
            </select>
          </label>
          <ul className="reasons">
            {stage.preview.reasons.map((r) => <li key={r}>{r}</li>)}
            {stage.preview.warnings.map((w) => <li key={w} className="warning">{w}</li>)}
            {format === 'extract' && stage.preview.savedMapping && <li>Using the mapping saved in this project for files with this header.</li>}
          </ul>
          {format === 'extract' && <MappingEditor header={stage.preview.header} mapping={mapping} onChange={setMapping} />}
          <div className="table-scroll preview">
            <table aria-label="First rows">
              <thead><tr><th scope="col">Line</th>{stage.preview.header.map((h, i) => <th scope="col" key={i}>{h}</th>)}</tr></thead>
              <tbody>
                {stage.preview.rows.map((r, i) => (
                  <tr key={i}><td className="num">{stage.preview.lines[i]}</td>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {stage.kind === 'running' && (
        <section aria-label="Import progress">
          <progress aria-label="Import progress" max={progress?.totalBytes ?? 1} value={progress?.bytesRead ?? 0} />
          <p aria-live="polite">
            {progress ? `${formatNumber(progress.rowsRead)} rows read · ${formatNumber(progress.rowsPerSecond)} rows/s` : 'Starting…'}
          </p>
          <button type="button" onClick={() => void engine.cancelImport()}>Cancel import</button>
        </section>
      )}
      {stage.kind === 'report' && (
        <ImportReportView
          report={stage.report}
          onExportRejections={() => {
            const id = stage.report.importId;
            if (id !== null) void engine.rejectionsCsv(id).then((b) => onExport(`${stage.report.fileName}.rejections.csv`, b));
          }}
        />
      )}
      <div className="dialog-buttons">
        {stage.kind === 'preview' && <button type="button" className="primary" onClick={() => void start()}>Import</button>}
        {stage.kind !== 'running' && <button type="button" onClick={close}>{stage.kind === 'report' ? 'Done' : 'Close'}</button>}
      </div>
    </dialog>
  );
}
