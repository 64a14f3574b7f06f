import { useEffect, useRef, useState } from 'react';
import type { ExtractMapping } from '../../../shared/import/extractMapping';
import type { SourcePreview } from '../../../shared/import/previewSource';
import type { BatchReport } from '../../../shared/import/runImportBatch';
import type { ImportFormat, ImportReport } from '../../../shared/import/types';
import type { EngineClient } from '../../engine/engineClient';
import { formatNumber } from '../../map/classBreaks';
import { BusyStatus } from '../BusyStatus';
import { useBusyJob } from '../useBusyJob';
import { BatchReportView } from './BatchReportView';
import { folderFiles } from './droppedFiles';
import { ImportReportView } from './ImportReportView';
import { MappingEditor } from './MappingEditor';

interface Props {
  engine: EngineClient;
  /** Files chosen before the dialog opened (a drop); one CSV gets the preview, anything else the batch import. */
  files: File[] | null;
  /** Called as soon as an import has stored something, so the project's views refresh at once. */
  onImported(): void;
  onClose(imported: boolean): void;
  onExport(name: string, bytes: Uint8Array): void;
}

const FORMATS: [ImportFormat, string][] = [
  ['police-uk', 'police.uk street crime'],
  ['stop-search', 'police.uk stop and search'],
  ['extract', 'Force extract (map the columns)'],
  ['ward-counts', 'Ward-level counts'],
];

type Stage =
  | { kind: 'pick' }
  | { kind: 'preview'; preview: SourcePreview }
  | { kind: 'batch'; files: File[] }
  | { kind: 'running' }
  | { kind: 'report'; report: ImportReport }
  | { kind: 'batch-report'; report: BatchReport };

const isSingleCsv = (files: File[]) => files.length === 1 && !/\.zip$/i.test(files[0]!.name);

/**
 * One CSV: detected format (confirmed by the user) -> mapping -> import with progress and cancel -> report.
 * Several files, a folder or a police.uk zip: the list -> one transaction per file -> combined report.
 */
export function ImportDialog({ engine, files: initialFiles, onImported, onClose, onExport }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [file, setFile] = useState<File | null>(initialFiles && isSingleCsv(initialFiles) ? initialFiles[0]! : null);
  const [stage, setStage] = useState<Stage>(initialFiles && initialFiles.length > 0 && !isSingleCsv(initialFiles) ? { kind: 'batch', files: initialFiles } : { kind: 'pick' });
  const [format, setFormat] = useState<ImportFormat>('police-uk');
  const [mapping, setMapping] = useState<ExtractMapping>({});
  const job = useBusyJob(null, engine);
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

  /** A folder always goes through the batch import (its list and combined report), even with one file in it. */
  const choose = (list: File[], folder = false) => {
    setError(null);
    if (list.length === 0) {
      if (folder) setError('That folder holds no CSV or zip files (subfolders included).');
      return;
    }
    if (isSingleCsv(list) && !folder) setFile(list[0]!);
    else {
      setFile(null);
      setStage({ kind: 'batch', files: list });
    }
  };

  const startBatch = (files: File[]) => {
    setStage({ kind: 'running' });
    setError(null);
    return job.run('Starting…', async ({ jobId, onProgress }) => {
      try {
        const report = await engine.importFiles(files, { format: 'auto' }, jobId, onProgress);
        if (report.totals.importedFiles > 0) {
          setImported(true);
          onImported();
        }
        setStage({ kind: 'batch-report', report });
      } catch (e) {
        setError((e as Error).message);
        setStage({ kind: 'pick' });
      }
    });
  };

  const start = () => {
    if (!file) return;
    setStage({ kind: 'running' });
    setError(null);
    return job.run('Starting…', async ({ jobId, onProgress }) => {
      try {
        const report = await engine.importFile(file, { format, mapping: format === 'extract' ? mapping : undefined }, jobId, onProgress);
        if (!report.cancelled && report.importId !== null) {
          setImported(true);
          onImported();
        }
        setStage({ kind: 'report', report });
      } catch (e) {
        setError((e as Error).message);
        setStage({ kind: 'pick' });
      }
    });
  };

  const close = () => {
    dialog.current?.close();
    onClose(imported);
  };

  return (
    <dialog ref={dialog} aria-label="Import crimes" onCancel={(e) => { e.preventDefault(); if (stage.kind !== 'running') close(); }}>
      <h2>Import crimes</h2>
      {error && <p role="alert" className="error">{error}</p>}
      {(stage.kind === 'pick' || stage.kind === 'preview' || stage.kind === 'batch') && (
        <div className="file-picks">
          <label className="file-pick">
            <span>CSV files or a police.uk download zip</span>
            <input type="file" multiple accept=".csv,.txt,.tsv,.zip,text/csv,application/zip" aria-label="CSV files or zip" onChange={(e) => choose([...(e.target.files ?? [])])} />
          </label>
          <label className="file-pick">
            <span>A folder (its CSV and zip files)</span>
            <input type="file" aria-label="Folder" {...{ webkitdirectory: '', directory: '' }} onChange={(e) => choose(folderFiles(e.target.files), true)} />
          </label>
        </div>
      )}
      {stage.kind === 'batch' && (
        <section aria-label="Files to import">
          <p>
            {stage.files.length} file{stage.files.length === 1 ? '' : 's'} to import, each in its own transaction. Formats are read from police.uk
            file names (street, stop-and-search; outcomes files are skipped) or detected from each header.
          </p>
          <ul className="batch-files">
            {stage.files.map((f, i) => <li key={`${f.name}-${i}`}>{f.webkitRelativePath || f.name} ({formatNumber(Math.round(f.size / 1024))} KB)</li>)}
          </ul>
        </section>
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
          <BusyStatus job={job} label="Import progress" cancelLabel="Cancel import" />
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
      {stage.kind === 'batch-report' && (
        <BatchReportView
          report={stage.report}
          onExportRejections={(id, name) => void engine.rejectionsCsv(id).then((b) => onExport(`${name}.rejections.csv`, b))}
        />
      )}
      <div className="dialog-buttons">
        {stage.kind === 'preview' && <button type="button" className="primary" onClick={() => void start()}>Import</button>}
        {stage.kind === 'batch' && (
          <button type="button" className="primary" onClick={() => void startBatch(stage.files)}>
            Import {stage.files.length} file{stage.files.length === 1 ? '' : 's'}
          </button>
        )}
        {stage.kind !== 'running' && <button type="button" onClick={close}>{stage.kind === 'report' || stage.kind === 'batch-report' ? 'Done' : 'Close'}</button>}
      </div>
    </dialog>
  );
}
