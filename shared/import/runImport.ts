import type { ProjectDb as Database } from '../repository/db';
import { readCsv, isBlankRow, type CsvHead, type RawRows } from './csvStream';
import type { SqlValue } from '../repository/db';
import type { FastRows } from './policeUkFastRows';
import type { SplitPiece } from './policeUkSplit';
import { RowSplitterError } from './rowSplitter';
import { PlaceMemo } from './placeMemo';
import { NotUtf8Error, type TextEncodingName } from './decodeText';
import { createHandler, resolveFormat } from './formats';
import { isRejection } from './formatHandler';
import { ImportError } from './importError';
import { finishImportRow, insertImportRow, RejectionLog } from '../repository/records/importRecords';
import { openSink } from './sinks';
import { openSavepoint } from '../repository/db';
import { StoredKeys } from '../repository/records/keyIndex';
import type { RecordSink } from '../repository/records/recordSink';
import { Placer } from './placement';
import type { ImportOptions, ImportReport, ImportSource } from './types';

let savepointSeq = 0;

/**
 * Imports one file into the project as a single transaction (a savepoint, so it also nests in
 * a caller's transaction). Every row read ends up imported, a duplicate or a rejection with
 * line, column and reason. Cancelling, or any file-level error, leaves nothing of the file.
 */
export async function runImport(db: Database, source: ImportSource, options: ImportOptions = {}): Promise<ImportReport> {
  try {
    return await inEncoding(db, source, options);
  } catch (e) {
    // The row-splitting thread failed: nothing of the file was kept, so read it again without it.
    if (!(e instanceof RowSplitterError) || !options.splitter) throw e;
    return inEncoding(db, source, { ...options, splitter: undefined });
  }
}

async function inEncoding(db: Database, source: ImportSource, options: ImportOptions): Promise<ImportReport> {
  try {
    return await attempt(db, source, options);
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    // Valid UTF-8 at the start but not later: it is a Windows-1252 file; start again as that.
    const report = await attempt(db, source, options, 'windows-1252');
    report.warnings.unshift(`${source.name} is not valid UTF-8 throughout; it was read as Windows-1252.`);
    return report;
  }
}

async function attempt(db: Database, source: ImportSource, options: ImportOptions, encoding?: TextEncodingName): Promise<ImportReport> {
  const started = Date.now();
  const sp = `import_${++savepointSeq}`;
  let head: CsvHead | undefined;
  const counts = { rowsRead: 0, imported: 0, duplicates: 0, rejected: 0, outOfArea: 0 };
  const placedBy: Record<string, number> = {};
  const warnings: string[] = [];
  const notes: string[] = [];
  let importId: number | null = null;
  let log: RejectionLog | undefined;
  let sink: RecordSink | undefined;
  let handler: ReturnType<typeof createHandler> | undefined;
  let header: string[] | undefined;
  let cancelled = false;

  // A small file is split on this thread (see SPLIT_MIN_BYTES).
  const splitter = options.splitter && (source.size ?? Infinity) >= (options.splitter.minBytes ?? 0) ? options.splitter : undefined;
  // The splitting thread starts while this one reads the header and loads the ward layer.
  splitter?.warm?.();
  const keys = options.storedKeys ?? new StoredKeys();
  const placeMemo = options.placeMemo ?? new PlaceMemo();
  const savepoint = openSavepoint(db, sp);
  let fast: FastRows | null = null;

  /** One row by the full path: the runner's checks, the handler and the store. The values when imported. */
  const processRow = (f: string[], line: number, parseError?: string): SqlValue[] | null => {
    const width = header!.length;
    if (isBlankRow(f) && width > 1) return null;
    counts.rowsRead++;
    if (parseError !== undefined || f.length !== width) {
      const delim = head!.delimiter;
      const reason = parseError
        ? `the row is not valid CSV (${parseError}); check the quotes`
        : `expected ${width} fields as in the header, found ${f.length}` +
          (f.length > width ? ` (an unquoted "${delim}" inside a value?)` : '');
      log!.add({ line, reason, raw: f.join(delim) });
      return null;
    }
    const r = handler!.row(f, line);
    if (isRejection(r)) {
      log!.add({ line, column: r.column, reason: r.reason, raw: f.join(head!.delimiter) });
      return null;
    }
    if (!sink!.add(r, handler!.placement, handler!.placeText ?? null)) {
      counts.duplicates++;
      return null;
    }
    counts.imported++;
    const p = handler!.placement;
    if (p) {
      placedBy[p.placedBy] = (placedBy[p.placedBy] ?? 0) + 1;
      counts.outOfArea += p.outOfArea;
    }
    return r;
  };
  const raw: RawRows<SplitPiece> | undefined = options.fastRows === false ? undefined : {
    prepare: splitter ? (bytes) => fast?.prepare(bytes) : undefined,
    read: (bytes, line, prepared) => (fast ? fast.read(bytes, line, processRow, prepared) : null),
  };

  try {
    for await (const batch of readCsv(source, { encoding, onHead: (h) => (head = h), raw })) {
      let start = 0;
      if (!header) {
        while (start < batch.rows.length && isBlankRow(batch.rows[start]!)) start++;
        if (start >= batch.rows.length) continue;
        header = batch.rows[start]!.map((h) => h.trim());
        if (start > 0 || batch.lines[start] !== 1) {
          warnings.push(`${source.name}: the header is on line ${batch.lines[start]}, after blank lines.`);
        }
        start++;
        const fmt = resolveFormat(db, source.name, header, head!, options);
        warnings.push(...fmt.warnings);
        notes.push(...fmt.notes);
        importId = insertImportRow(db, source.name, fmt.format, fmt.mappingJson ?? null);
        const wards = placeMemo.wards(db);
        if (wards.size === 0) warnings.push('The project has no ward layer: records are stored without wards and none is marked out of area.');
        handler = createHandler(fmt.format, {
          db, fileName: source.name, header, importId, wards, placer: new Placer(wards), mapping: fmt.mapping,
        });
        // v4 rows are appended in id order with no secondary index, so SQLite's default page
        // cache is enough: the 64 MiB bulk cache the v1 UNIQUE text index needed is gone, and
        // with it 64 MiB of WASM heap that never shrinks.
        sink = openSink(db, handler, keys);
        // police.uk rows are ~200 bytes; a guess on the low side only means the table grows.
        sink.reserve?.(Math.ceil((source.size ?? 0) / 256));
        log = new RejectionLog(db, importId);
        fast = handler.fastRows?.(sink, head!, placeMemo, splitter) ?? null;
      }
      const { rows, lines, errors } = batch;
      for (let i = start; i < rows.length; i++) processRow(rows[i]!, lines[i]!, errors.get(i));
      const elapsed = Math.max(1, Date.now() - started) / 1000;
      const rowsRead = counts.rowsRead + (fast?.tally.imported ?? 0);
      options.onProgress?.({
        bytesRead: batch.bytesRead, totalBytes: source.size, rowsRead, rowsPerSecond: Math.round(rowsRead / elapsed),
      });
      if (options.signal?.aborted || (options.isCancelled && (await options.isCancelled()))) {
        cancelled = true;
        break;
      }
    }
    if (!header) {
      throw new ImportError(`${source.name} is empty: expected a header line and at least one row. Nothing was imported.`, source.name, 1);
    }
    if (fast) {
      // Rows the byte reader stored itself were all placed by point.
      const t = fast.tally;
      counts.rowsRead += t.imported;
      counts.imported += t.imported;
      counts.outOfArea += t.outOfArea;
      if (t.imported > 0) placedBy.point = (placedBy.point ?? 0) + t.imported;
    }
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- a sentinel caught below, never seen by callers
    if (cancelled) throw CANCEL;
    if (counts.rowsRead === 0) {
      // A header alone is not a successful import: nothing is recorded, so the history never lists an empty file as done.
      throw new ImportError(`${source.name}: no rows: the file has a header and nothing else. Nothing was imported.`, source.name, 2);
    }
    counts.rejected = log!.count;
    finishImportRow(db, importId!, counts);
    warnings.push(...handler!.warnings());
    if (head!.delimiter !== ',') {
      warnings.unshift(`${source.name} uses "${head!.delimiter === '\t' ? 'tab' : head!.delimiter}" as its delimiter (detected from the header), not a comma.`);
    }
    if (counts.outOfArea > 0) {
      warnings.push(`${counts.outOfArea} record${counts.outOfArea === 1 ? " lies" : "s lie"} outside every ward: imported and marked out of area.`);
    }
    if (log!.count > log!.list.length) warnings.push(`${log!.count} rows were rejected; the report lists the first ${log!.list.length}, the project holds all.`);
    const rejections = log!.list;
    fast?.close();
    sink!.finish();
    sink?.free();
    log?.free();
    sink = undefined;
    log = undefined;
    savepoint.release();
    return {
      importId, fileName: source.name, format: handler!.format, ...counts, placedBy,
      rejections, warnings, notes, cancelled: false, encoding: head!.encoding, delimiter: head!.delimiter,
    };
  } catch (e) {
    fast?.close();
    sink?.free();
    log?.free();
    keys.forget();
    placeMemo.forget();
    savepoint.rollback();
    if (e !== CANCEL) throw e;
    // Nothing of the file is kept, so the report accounts for nothing; the warning says how far it got.
    return {
      importId: null, fileName: source.name, format: handler!.format, rowsRead: 0, imported: 0, duplicates: 0,
      rejected: 0, outOfArea: 0, placedBy: {}, rejections: [],
      warnings: [`Import of ${source.name} was cancelled after ${counts.rowsRead} rows; nothing from the file was kept.`],
      cancelled: true, encoding: head?.encoding, delimiter: head?.delimiter,
    };
  }
}

const CANCEL = Symbol('cancelled');
