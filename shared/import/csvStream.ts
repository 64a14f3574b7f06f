import Papa from 'papaparse';
import { assertText, createDecoder, sniffEncoding, type TextEncodingName } from './decodeText';
import { ImportError } from './importError';
import type { ImportSource } from './types';

export type Delimiter = ',' | ';' | '\t' | '|';

/** What the reader learned about the file from its first line. */
export interface CsvHead {
  encoding: TextEncodingName;
  bom: boolean;
  delimiter: Delimiter;
  newline: '\n' | '\r\n';
}

/** Parsed rows of one chunk. lines[i] is the 1-based physical line where rows[i] starts. */
export interface CsvBatch {
  rows: string[][];
  lines: number[];
  /** Papa's complaint about a row (unbalanced quotes), by index into rows. */
  errors: Map<number, string>;
  bytesRead: number;
}

const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];
/** Characters parsed into one batch at most (when the rows allow). */
const PIECE_CHARS = 1 << 18;
/** No real CSV row is this long. */
const MAX_ROW_CHARS = 16_000_000;

/** The delimiter that splits the header line into the most fields, counting outside quotes only. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * End of the last complete row in `text` (the index of its '\n'), or -1. `text` always starts
 * at a row boundary, so a newline is a row end exactly when an even number of quote
 * characters precedes it (an escaped "" counts twice and keeps the parity).
 */
export function lastRowEnd(text: string, quoted = text.includes('"')): number {
  let nl = text.lastIndexOf('\n');
  if (nl < 0 || !quoted) return nl;
  let quotes = 0;
  for (let i = text.indexOf('"'); i >= 0 && i < nl; i = text.indexOf('"', i + 1)) quotes++;
  while (nl >= 0 && quotes % 2 === 1) {
    const prev = text.lastIndexOf('\n', nl - 1);
    for (let i = text.indexOf('"', prev + 1); i >= 0 && i < nl; i = text.indexOf('"', i + 1)) quotes--;
    nl = prev;
  }
  return nl;
}

function countNewlines(row: string[]): number {
  let n = 0;
  for (const f of row) {
    for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/**
 * Streams a CSV source as batches of rows (the header is the first row of the first batch).
 * Decoding is streamed, so a file larger than memory never sits whole in a string; rows are
 * cut at complete-row boundaries and each slice goes to papaparse, which handles quoting.
 */
export async function* readCsv(
  source: ImportSource,
  opts: { encoding?: TextEncodingName; onHead?: (h: CsvHead) => void } = {},
): AsyncGenerator<CsvBatch, void> {
  let head: CsvHead | undefined;
  let decode: ((b: Uint8Array | null) => string) | undefined;
  let carry = '';
  let line = 1;
  let bytesRead = 0;

  const parse = (body: string): CsvBatch => {
    const h = head!;
    if (h.newline === '\r\n' && body.endsWith('\r')) body = body.slice(0, -1);
    // papaparse's own Parser, not Papa.parse: the wrapper around it (a streamer, a handle, a
    // copy of the results) cost as much again per piece (1M rows: 0.75 against 0.5 CPU-s).
    const res = new Papa.Parser({ delimiter: h.delimiter, newline: h.newline, quoteChar: '"' }).parse(body, 0, false) as Papa.ParseResult<string[]>;
    const rows = res.data;
    const lines = new Array<number>(rows.length);
    const quoted = body.indexOf('"') >= 0;
    for (let i = 0; i < rows.length; i++) {
      lines[i] = line;
      line += 1 + (quoted ? countNewlines(rows[i]!) : 0);
    }
    const errors = new Map<number, string>();
    for (const e of res.errors) {
      if (e.row !== undefined && e.row >= 0 && !errors.has(e.row)) errors.set(e.row, e.message);
    }
    return { rows, lines, errors, bytesRead };
  };

  const start = (first: Uint8Array): void => {
    const sniffed = opts.encoding ? { encoding: opts.encoding, bom: false } : sniffEncoding(first);
    assertText(source.name, first, sniffed.encoding);
    decode = createDecoder(sniffed.encoding);
    head = { encoding: sniffed.encoding, bom: sniffed.bom, delimiter: ',', newline: '\n' };
  };

  let delimiterKnown = false;
  const learnHeader = (): void => {
    const end = carry.indexOf('\n');
    const headerLine = end < 0 ? carry : carry.slice(0, end);
    head!.newline = headerLine.endsWith('\r') ? '\r\n' : '\n';
    head!.delimiter = detectDelimiter(headerLine);
    delimiterKnown = true;
    opts.onHead?.(head!);
  };

  for await (const chunk of source.chunks()) {
    if (chunk.length === 0) continue;
    if (!decode) start(chunk);
    bytesRead += chunk.length;
    carry += decode!(chunk);
    if (!delimiterKnown) {
      if (carry.charCodeAt(0) === 0xfeff) carry = carry.slice(1);
      if (carry.indexOf('\n') < 0) continue;
      learnHeader();
    }
    const end = lastRowEnd(carry);
    if (end < 0) {
      if (carry.length > MAX_ROW_CHARS) {
        // One "row" this long is an unclosed quote swallowing the file: stop before memory runs out.
        throw new ImportError(
          `${source.name} line ${line}: a row runs on for over ${MAX_ROW_CHARS / 1e6} million characters; ` +
            'a quote (") is probably never closed. Nothing was imported.',
          source.name, line,
        );
      }
      continue;
    }
    let body = carry.slice(0, end);
    carry = carry.slice(end + 1);
    // Parsed a quarter MiB at a time: a batch's rows then die young instead of being promoted
    // while the batch is stored, which kept ~500 MB of dead rows in the JS heap at 3M rows.
    while (body.length > PIECE_CHARS * 1.5) {
      const cut = lastRowEnd(body.slice(0, PIECE_CHARS));
      if (cut < 0) break;
      yield parse(body.slice(0, cut));
      body = body.slice(cut + 1);
    }
    yield parse(body);
  }
  if (!decode) {
    throw new ImportError(`${source.name} is empty: expected a header line and at least one row. Nothing was imported.`, source.name);
  }
  carry += decode(null);
  if (!delimiterKnown) {
    if (carry.charCodeAt(0) === 0xfeff) carry = carry.slice(1);
    learnHeader();
  }
  // A final line without a newline is a row; a trailing newline leaves nothing to parse.
  if (carry.endsWith('\n')) carry = carry.slice(0, -1);
  if (carry.length > 0 && carry !== '\r') yield parse(carry);
}

/** True for the [''] row papaparse gives a blank line: blank lines are not rows. */
export function isBlankRow(row: string[]): boolean {
  return row.length === 1 && row[0]!.trim() === '';
}
