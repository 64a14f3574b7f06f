import { lastRowEnd } from '../import/csvStream';
import Papa from 'papaparse';
import { detectDelimiter, type Delimiter } from '../import/csvStream';
import { assertText, createDecoder, sniffEncoding, type TextEncodingName } from '../import/decodeText';
import { ImportError } from '../import/importError';
import type { ImportProgress, ImportSource } from '../import/types';
import { ContentHash } from './contentHash';

export interface DosageReadOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

const MAX_ROW_CHARS = 16_000_000;

/** A quote-free row as offsets into `text`: field k is text.slice(starts[k], starts[k + 1] - 1), k < count. */
export type FieldsCallback = (text: string, starts: Int32Array, count: number, line: number) => void;


/**
 * Streams a dosage CSV (tens of millions of fixes): decoding, encoding sniffing and the
 * delimiter rule are the shared import's (decodeText.ts, csvStream.ts); rows are split here.
 * A slice of rows without any quote character (what GPS exports are) is split on newlines and
 * the delimiter directly, which is about twice as fast as papaparse on the same text; a slice
 * with quotes goes through papaparse, which handles quoting. The raw bytes are hashed as they
 * pass so a re-import can be recognised. Calls `onHeader` once, then `onRow` per non-blank row
 * with its 1-based physical line and papaparse's complaint, if any. The signal is checked
 * between chunks and aborts with its reason.
 */
export async function readDosageCsv(
  source: ImportSource,
  opts: DosageReadOptions,
  encoding: TextEncodingName | undefined,
  onHeader: (header: string[]) => void,
  onRow: (row: string[], line: number, error: string | undefined) => void,
  onLine?: FieldsCallback,
): Promise<{ contentHash: string; rowsRead: number; encoding: string }> {
  const hash = new ContentHash();
  let decode: ((b: Uint8Array | null) => string) | undefined;
  let enc: TextEncodingName = encoding ?? 'utf-8';
  let delimiter: Delimiter = ',';
  let crlf = false;
  let header: string[] | null = null;
  let carry = '';
  let line = 1;
  let rowsRead = 0;
  let bytesRead = 0;
  const t0 = Date.now();

  const row = (fields: string[], at: number, error?: string) => {
    if (header === null) {
      header = fields.map((h) => h.trim());
      onHeader(header);
      return;
    }
    if (fields.length === 1 && fields[0]!.trim() === '') return; // a blank line is not a row
    rowsRead++;
    onRow(fields, at, error);
  };

  let starts = new Int32Array(16);
  const parse = (body: string, quoted: boolean) => {
    if (!quoted && onLine && header !== null) {
      // Quote-free rows straight from the text: field k of a line is
      // body.slice(starts[k], starts[k + 1] - 1); no per-row arrays or strings.
      const len = body.length;
      let a = 0;
      while (a <= len) {
        let b = body.indexOf('\n', a);
        if (b < 0) b = len;
        let e = b;
        if (crlf && e > a && body.charCodeAt(e - 1) === 13) e--;
        let nf = 0;
        let p = a;
        for (;;) {
          if (nf + 1 >= starts.length) { const s2 = new Int32Array(starts.length * 2); s2.set(starts); starts = s2; }
          starts[nf++] = p;
          const q = body.indexOf(delimiter, p);
          if (q < 0 || q >= e) break;
          p = q + 1;
        }
        starts[nf] = e + 1;
        const blank = e === a || (nf === 1 && body.slice(a, e).trim() === '');
        if (!blank) {
          rowsRead++;
          onLine(body, starts, nf, line);
        }
        line++;
        a = b + 1;
        if (b === len) break;
      }
      return;
    }
    if (!quoted) {
      const lines = body.split('\n');
      for (let i = 0; i < lines.length; i++) {
        let l = lines[i]!;
        if (crlf && l.charCodeAt(l.length - 1) === 13) l = l.slice(0, -1);
        row(l.split(delimiter), line++);
      }
      return;
    }
    if (crlf && body.endsWith('\r')) body = body.slice(0, -1);
    const res = Papa.parse<string[]>(body, { delimiter, newline: crlf ? '\r\n' : '\n', quoteChar: '"', skipEmptyLines: false });
    const errors = new Map<number, string>();
    for (const e of res.errors) if (e.row !== undefined && e.row >= 0 && !errors.has(e.row)) errors.set(e.row, e.message);
    res.data.forEach((fields, i) => {
      const at = line;
      for (const f of fields) for (let k = f.indexOf('\n'); k >= 0; k = f.indexOf('\n', k + 1)) line++;
      line++;
      row(fields, at, errors.get(i));
    });
  };

  const learnHeader = () => {
    if (carry.charCodeAt(0) === 0xfeff) carry = carry.slice(1);
    const end = carry.indexOf('\n');
    const headerLine = end < 0 ? carry : carry.slice(0, end);
    crlf = headerLine.endsWith('\r');
    delimiter = detectDelimiter(headerLine);
  };

  let headerSeen = false;
  for await (const chunk of source.chunks()) {
    if (chunk.length === 0) continue;
    if (!decode) {
      const sniffed = encoding ? { encoding, bom: false } : sniffEncoding(chunk);
      assertText(source.name, chunk, sniffed.encoding);
      enc = sniffed.encoding;
      decode = createDecoder(enc);
    }
    hash.update(chunk);
    bytesRead += chunk.length;
    carry += decode(chunk);
    if (!headerSeen) {
      if (carry.indexOf('\n') < 0) continue;
      learnHeader();
      headerSeen = true;
    }
    // One scan for a quote per chunk: the carry before it was quote-free or already handled.
    const quoted = carry.indexOf('"') >= 0;
    const end = lastRowEnd(carry, quoted);
    if (end < 0) {
      if (carry.length > MAX_ROW_CHARS) {
        throw new ImportError(
          `${source.name} line ${line}: a row runs on for over ${MAX_ROW_CHARS / 1e6} million characters; a quote (") is probably never closed. Nothing was imported.`,
          source.name, line,
        );
      }
      continue;
    }
    const body = carry.slice(0, end);
    carry = carry.slice(end + 1);
    parse(body, quoted && body.indexOf('"') >= 0);
    opts.signal?.throwIfAborted();
    const secs = (Date.now() - t0) / 1000;
    opts.onProgress?.({ bytesRead, totalBytes: source.size, rowsRead, rowsPerSecond: secs > 0 ? Math.round(rowsRead / secs) : 0 });
  }
  if (!decode) throw new ImportError(`${source.name} is empty: expected a header line and at least one row. Nothing was imported.`, source.name);
  carry += decode(null);
  if (!headerSeen) learnHeader();
  if (carry.endsWith('\n')) carry = carry.slice(0, -1);
  if (carry.length > 0 && carry !== '\r') parse(carry, carry.indexOf('"') >= 0);
  opts.signal?.throwIfAborted();
  if (header === null) {
    throw new ImportError(`${source.name} has no header line: expected column names on line 1. Nothing was imported.`, source.name, 1);
  }
  return { contentHash: hash.digest(), rowsRead, encoding: enc };
}
