import { useCallback, useEffect, useState } from 'react';
import * as Comlink from 'comlink';
import type { DosageImportReport, DosageProgress, FixMapping } from '../../engine/patrolsApi';
import type { EngineClient } from '../../engine/engineClient';
import { formatNumber } from '../../map/classBreaks';
import { DosageReportView } from './DosageReportView';
import { FixMappingEditor } from './FixMappingEditor';
import { errorText } from './planForm';

interface Props {
  engine: EngineClient;
  planId: string;
  /** Called after an import or a removal changed the project. */
  onChanged(): void;
}

type ImportRow = Awaited<ReturnType<EngineClient['dosageImports']>>[number];
type Preview = Awaited<ReturnType<EngineClient['previewDosageFile']>>;

/** GPS fix files and patrol record files for a saved plan: preview, map, import with progress and cancel. */
export function DosageImport({ engine, planId, onChanged }: Props) {
  const [kind, setKind] = useState<'fixes' | 'records'>('fixes');
  const [files, setFiles] = useState<File[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<FixMapping | null>(null);
  const [progress, setProgress] = useState<{ file: number; p: DosageProgress } | null>(null);
  const [running, setRunning] = useState(false);
  const [reports, setReports] = useState<DosageImportReport[]>([]);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const [imports, setImports] = useState<ImportRow[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    engine.dosageImports(planId).then(setImports, (e: unknown) => setError(errorText(e)));
  }, [engine, planId]);
  useEffect(reload, [reload]);

  const pick = async (k: 'fixes' | 'records', list: File[]) => {
    setKind(k);
    setFiles(list);
    setReports([]);
    setCancelled(null);
    setError(null);
    setPreview(null);
    setMapping(null);
    if (k === 'fixes' && list[0]) {
      try {
        const p = await engine.previewDosageFile(list[0]);
        setPreview(p);
        setMapping(p.fixes.mapping ?? { device: '', timestamp: '', lon: '', lat: '' });
      } catch (e) {
        setError(errorText(e));
      }
    }
  };

  const start = async () => {
    setRunning(true);
    setError(null);
    setProgress(null);
    try {
      const useMapping = kind === 'fixes' && preview && !preview.fixes.mapping ? mapping ?? undefined : undefined;
      const r = await engine.importDosageFiles(planId, kind, files, useMapping, Comlink.proxy((file: number, p: DosageProgress) => setProgress({ file, p })));
      setReports(r.reports);
      setCancelled(r.cancelled);
      setFiles([]);
      setPreview(null);
      reload();
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  const p = progress?.p;
  const mappingIncomplete = kind === 'fixes' && preview !== null && !preview.fixes.mapping &&
    (!mapping?.device || !mapping.timestamp || !((mapping.lon && mapping.lat) || (mapping.easting && mapping.northing)));

  return (
    <section aria-label="Dosage inputs" className="panel dosage-import">
      <h2>Dosage inputs</h2>
      <p className="hint">
        GPS or radio location fixes (device, timestamp, position) are geofenced to the plan’s hotspots; only visits and the file’s accounting are kept, never the raw fixes.
        Patrol records (hotspot id, start, end, officers, outcomes) are the other source. Importing the same file again adds nothing.
      </p>
      <div className="file-pick-row">
        <label className="file-pick">
          <span>GPS fix CSVs</span>
          <input type="file" multiple accept=".csv,.txt,text/csv" aria-label="GPS fix files" disabled={running} onChange={(e) => { void pick('fixes', [...(e.target.files ?? [])]); e.target.value = ''; }} />
        </label>
        <label className="file-pick">
          <span>Patrol record CSVs</span>
          <input type="file" multiple accept=".csv,.txt,text/csv" aria-label="Patrol record files" disabled={running} onChange={(e) => { void pick('records', [...(e.target.files ?? [])]); e.target.value = ''; }} />
        </label>
      </div>
      {preview && (
        <div className="fix-preview" aria-label="Fix file preview">
          <p>
            <strong>{preview.fileName}</strong>{files.length > 1 ? ` and ${files.length - 1} more` : ''}: {preview.header.length} columns.{' '}
            {preview.fixes.mapping
              ? `Detected: device “${preview.fixes.mapping.device}”, time “${preview.fixes.mapping.timestamp}”, ${preview.fixes.mapping.lon ? `lon/lat “${preview.fixes.mapping.lon}”, “${preview.fixes.mapping.lat}”` : `easting/northing “${preview.fixes.mapping.easting}”, “${preview.fixes.mapping.northing}”`}.`
              : ''}
          </p>
          {!preview.fixes.mapping && mapping && <FixMappingEditor header={preview.header} mapping={mapping} missing={preview.fixes.missing} onChange={setMapping} />}
          <div className="table-scroll preview">
            <table aria-label="First fix rows">
              <thead><tr>{preview.header.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr></thead>
              <tbody>{preview.rows.slice(0, 5).map((r, i) => <tr key={i} className="plain-row">{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
            </table>
          </div>
        </div>
      )}
      {files.length > 0 && !running && (
        <div className="import-actions">
          <button type="button" className="primary" disabled={mappingIncomplete} onClick={() => void start()}>
            Import {files.length} {kind === 'fixes' ? 'fix' : 'patrol record'} {files.length === 1 ? 'file' : 'files'}
          </button>
          <span className="hint">{files.map((f) => f.name).join(', ')}</span>
        </div>
      )}
      {running && (
        <div aria-label="Dosage import progress" className="progress-box">
          <progress aria-label="Dosage import progress" max={p?.totalBytes ?? 1} value={p?.bytesRead ?? 0} />
          <p aria-live="polite">
            {p ? `File ${(progress?.file ?? 0) + 1} of ${files.length}: ${formatNumber(p.rowsRead ?? 0)} rows read` : 'Starting…'}
          </p>
          <button type="button" onClick={() => void engine.cancelDosageImport()}>Cancel import</button>
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      {cancelled && <p role="status" className="warning">{cancelled}</p>}
      {reports.map((r, i) => <DosageReportView key={`${r.fileName}-${i}`} report={r} />)}

      <h3>Imported for this plan</h3>
      {imports.length === 0 ? (
        <p className="hint">Nothing yet.</p>
      ) : (
        <div className="table-scroll">
          <table aria-label="Dosage imports">
            <thead>
              <tr>
                <th scope="col">File</th><th scope="col">Kind</th><th scope="col">Imported</th><th scope="col" className="num">Read</th>
                <th scope="col" className="num">Accepted</th><th scope="col" className="num">Dup.</th><th scope="col" className="num">Rejected</th><th scope="col" />
              </tr>
            </thead>
            <tbody>
              {imports.map((x) => (
                <tr key={x.id} className="plain-row">
                  <td>{x.fileName}</td>
                  <td>{x.kind === 'fixes' ? 'GPS fixes' : 'patrol records'}</td>
                  <td>{new Date(x.importedAt).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' })}</td>
                  <td className="num">{formatNumber(x.rowsRead)}</td>
                  <td className="num">{formatNumber(x.accepted)}</td>
                  <td className="num">{formatNumber(x.duplicates)}</td>
                  <td className="num">{formatNumber(x.rejected)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Remove ${x.fileName}`}
                      onClick={() => {
                        if (!window.confirm(`Remove ${x.fileName} and every visit it added?`)) return;
                        engine.removeDosageImport(x.id).then(() => { reload(); onChanged(); }, (e: unknown) => setError(errorText(e)));
                      }}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
