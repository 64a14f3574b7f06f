import type { ProjectDb as Database } from '../repository/db';
import { isBlankRow, readCsv, type CsvHead } from './csvStream';
import { NotUtf8Error, type TextEncodingName } from './decodeText';
import { loadSavedMapping, suggestMapping, type ExtractMapping } from './extractMapping';
import { detectFormat, headerSignature } from './headers';
import { ImportError } from './importError';
import type { ImportFormat, ImportSource } from './types';

/** What the import dialog shows before the user confirms: all plain data. */
export interface SourcePreview {
  fileName: string;
  encoding: TextEncodingName;
  bom: boolean;
  delimiter: string;
  header: string[];
  /** The first data rows as read (not validated). */
  rows: string[][];
  /** 1-based line of each preview row. */
  lines: number[];
  detectedFormat: ImportFormat;
  confidence: number;
  reasons: string[];
  /** Header signature under which an extract mapping is saved. */
  signature: string;
  /** For extracts: a guess from the header names. */
  suggestedMapping: ExtractMapping | null;
  /** For extracts: the mapping saved in the project for this header, if any. */
  savedMapping: ExtractMapping | null;
  warnings: string[];
}

async function read(source: ImportSource, maxRows: number, encoding?: TextEncodingName) {
  let head: CsvHead | undefined;
  let header: string[] | undefined;
  const rows: string[][] = [];
  const lines: number[] = [];
  for await (const batch of readCsv(source, { encoding, onHead: (h) => (head = h) })) {
    for (let i = 0; i < batch.rows.length; i++) {
      const r = batch.rows[i]!;
      if (isBlankRow(r)) continue;
      if (!header) header = r.map((h) => h.trim());
      else if (rows.length < maxRows) {
        rows.push(r);
        lines.push(batch.lines[i]!);
      }
    }
    if (header && rows.length >= maxRows) break;
  }
  return { head, header, rows, lines };
}

/**
 * Reads only the start of a file: encoding, delimiter, header, the first rows, and the format
 * the header suggests with the reasons, so the user can confirm it (and map an extract's
 * columns) before anything is imported.
 */
export async function previewSource(source: ImportSource, maxRows = 20, db?: Database): Promise<SourcePreview> {
  let r: Awaited<ReturnType<typeof read>>;
  const warnings: string[] = [];
  try {
    r = await read(source, maxRows);
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
    r = await read(source, maxRows, 'windows-1252');
    warnings.push('The file is not valid UTF-8; it is read as Windows-1252.');
  }
  const { head, header, rows, lines } = r;
  if (!head || !header) {
    throw new ImportError(`${source.name} is empty: expected a header line and at least one row.`, source.name, 1);
  }
  if (head.delimiter !== ',') warnings.push(`The file uses "${head.delimiter === '\t' ? 'tab' : head.delimiter}" as its delimiter, not a comma.`);
  const d = detectFormat(header);
  return {
    fileName: source.name,
    encoding: head.encoding,
    bom: head.bom,
    delimiter: head.delimiter,
    header,
    rows,
    lines,
    detectedFormat: d.format,
    confidence: d.confidence,
    reasons: d.reasons,
    signature: headerSignature(header),
    suggestedMapping: d.format === 'extract' ? suggestMapping(header) : null,
    savedMapping: db ? loadSavedMapping(db, header) : null,
    warnings,
  };
}
