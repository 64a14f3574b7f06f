import Papa from 'papaparse';
import { assertText, NotUtf8Error, sniffEncoding, type TextEncodingName } from './decodeText';
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
/** Bytes parsed into one batch at most (when the rows allow). */
const PIECE_BYTES = 1 << 18;
/** No real CSV row is this long. */
const MAX_ROW_BYTES = 16_000_000;

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
 * End of the last complete row in `bytes` (the index of its LF), or -1: lastRowEnd on the bytes
 * of an ASCII-compatible encoding (UTF-8, Windows-1252), where the bytes of '"' and LF never
 * occur inside another character.
 */
export function lastRowEndBytes(bytes: Uint8Array, quoted = bytes.indexOf(QUOTE) >= 0): number {
  let nl = bytes.lastIndexOf(LF);
  if (nl < 0 || !quoted) return nl;
  let quotes = 0;
  for (let i = bytes.indexOf(QUOTE); i >= 0 && i < nl; i = bytes.indexOf(QUOTE, i + 1)) quotes++;
  while (nl >= 0 && quotes % 2 === 1) {
    const prev = bytes.lastIndexOf(LF, nl - 1);
    for (let i = bytes.indexOf(QUOTE, prev + 1); i >= 0 && i < nl; i = bytes.indexOf(QUOTE, i + 1)) quotes--;
    nl = prev;
  }
  return nl;
}

const LF = 10, QUOTE = 34;

/**
 * Reads pieces of complete rows as bytes instead of the text reader (see FastRows). `read`
 * returns the offset from which the text reader must parse the rest and the line it starts on,
 * or null to leave it all to the text reader. `prepare`, where given, starts work on a piece a
 * few pieces ahead of its turn (on another thread) and `read` gets what it made; it may return
 * undefined (not ready yet: it is asked again for the pieces still ahead).
 */
export interface RawRows<P = unknown> {
  prepare?(bytes: Uint8Array): Promise<P> | undefined;
  read(bytes: Uint8Array, line: number, prepared: P | undefined): { offset: number; line: number } | null;
}

/** How many pieces (of PIECE_BYTES) a RawRows may prepare ahead of the one being read. */
const AHEAD = 4;

/**
 * Streams a CSV source as batches of rows (the header is the first row of the first batch).
 * The file is cut into pieces of complete rows as bytes (UTF-16 is turned into UTF-8 first), so
 * a file larger than memory never sits whole in a string; each piece is decoded on its own and
 * parsed by papaparse, which handles quoting, unless `raw` reads it (then the batch is empty and
 * only marks progress).
 */
export async function* readCsv<P = unknown>(
  source: ImportSource,
  opts: { encoding?: TextEncodingName; onHead?: (h: CsvHead) => void; raw?: RawRows<P> } = {},
): AsyncGenerator<CsvBatch, void> {
  let head: CsvHead | undefined;
  let toUtf8: ((b: Uint8Array | null) => Uint8Array) | undefined;
  let decodePiece: ((b: Uint8Array) => string) | undefined;
  let carry: Uint8Array = new Uint8Array(0);
  let line = 1;
  let bytesRead = 0;

  const parse = (body: string): CsvBatch => {
    // A piece with nothing in it is a blank line (between a row's end and the next's), which
    // papaparse would give no row for: it is a line all the same.
    if (body.length === 0) return { rows: [['']], lines: [line++], errors: new Map(), bytesRead };
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

  const piece = (bytes: Uint8Array, prepared: P | undefined): CsvBatch => {
    if (opts.raw) {
      const done = opts.raw.read(bytes, line, prepared);
      if (done) {
        line = done.line;
        if (done.offset >= bytes.length) return { rows: [], lines: [], errors: new Map(), bytesRead };
        bytes = bytes.subarray(done.offset);
      }
    }
    return parse(decodePiece!(bytes));
  };

  const start = (first: Uint8Array): void => {
    const sniffed = opts.encoding ? { encoding: opts.encoding, bom: false } : sniffEncoding(first);
    assertText(source.name, first, sniffed.encoding);
    head = { encoding: sniffed.encoding, bom: sniffed.bom, delimiter: ',', newline: '\n' };
    if (sniffed.encoding === 'utf-16le') {
      // Rare enough to convert: decoded as a stream, re-encoded as UTF-8, then read like any file.
      const dec = new TextDecoder('utf-16le'), enc = new TextEncoder();
      toUtf8 = (b) => enc.encode(b ? dec.decode(b, { stream: true }) : dec.decode());
    }
    // Pieces end at a row's LF, so no character is ever split between two of them.
    const dec = new TextDecoder(sniffed.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8', { fatal: sniffed.encoding === 'utf-8', ignoreBOM: true });
    decodePiece = (b) => {
      try {
        return dec.decode(b);
      } catch {
        throw new NotUtf8Error('invalid UTF-8');
      }
    };
  };

  /** Pieces cut but not yet read, each with what RawRows.prepare started for it. */
  const queue: { bytes: Uint8Array; prepared?: Promise<P> }[] = [];
  /** Reads queued pieces, in order, until `keep` are left, preparing those ahead of the next one. */
  async function* drain(keep: number): AsyncGenerator<CsvBatch, void> {
    while (queue.length > keep) {
      if (opts.raw?.prepare) {
        for (let j = 0; j < Math.min(queue.length, AHEAD + 1); j++) queue[j]!.prepared ??= opts.raw.prepare(queue[j]!.bytes);
      }
      const next = queue.shift()!;
      yield piece(next.bytes, next.prepared ? await next.prepared : undefined);
    }
  }

  let delimiterKnown = false;
  const learnHeader = (): void => {
    // A UTF-8 byte-order mark is not part of the first column's name.
    if (head!.encoding === 'utf-8' && carry[0] === 0xef && carry[1] === 0xbb && carry[2] === 0xbf) carry = carry.subarray(3);
    const end = carry.indexOf(LF);
    let headerLine = decodePiece!(end < 0 ? carry : carry.subarray(0, end));
    if (headerLine.charCodeAt(0) === 0xfeff) headerLine = headerLine.slice(1);
    head!.newline = headerLine.endsWith('\r') ? '\r\n' : '\n';
    head!.delimiter = detectDelimiter(headerLine);
    delimiterKnown = true;
    opts.onHead?.(head!);
  };

  // Pieces wait in the queue only for a reader that prepares them ahead.
  const ahead = opts.raw?.prepare ? AHEAD : 0;
  try {
    for await (const chunk of source.chunks()) {
      if (chunk.length === 0) continue;
      if (!head) start(chunk);
      bytesRead += chunk.length;
      // A plain Uint8Array view even of a Node Buffer: code reading bytes then sees one kind of
      // array, not two (mixing them made V8's byte loops in the police.uk reader polymorphic).
      const bytes = toUtf8 ? toUtf8(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      carry = carry.length === 0 ? bytes : concat(carry, bytes);
      if (!delimiterKnown) {
        if (carry.indexOf(LF) < 0) continue;
        learnHeader();
      }
      // Whether any quote is there, asked once for the chunk rather than for every piece of it.
      const quoted = carry.indexOf(QUOTE) >= 0;
      const end = lastRowEndBytes(carry, quoted);
      if (end < 0) {
        if (carry.length > MAX_ROW_BYTES) {
          // One "row" this long is an unclosed quote swallowing the file: stop before memory runs out.
          throw new ImportError(
            `${source.name} line ${line}: a row runs on for over ${MAX_ROW_BYTES / 1e6} million characters; ` +
              'a quote (") is probably never closed. Nothing was imported.',
            source.name, line,
          );
        }
        continue;
      }
      let body = carry.subarray(0, end);
      // A copy, so the rest of this chunk is not kept alive by the few bytes carried over.
      carry = carry.slice(end + 1);
      // Parsed a quarter MiB at a time: a batch's rows then die young instead of being promoted
      // while the batch is stored, which kept ~500 MB of dead rows in the JS heap at 3M rows.
      while (body.length > PIECE_BYTES * 1.5) {
        const cut = lastRowEndBytes(body.subarray(0, PIECE_BYTES), quoted);
        if (cut < 0) break;
        queue.push({ bytes: body.subarray(0, cut) });
        body = body.subarray(cut + 1);
      }
      queue.push({ bytes: body });
      yield* drain(ahead);
    }
    if (!head) {
      throw new ImportError(`${source.name} is empty: expected a header line and at least one row. Nothing was imported.`, source.name);
    }
    if (toUtf8) carry = concat(carry, toUtf8(null));
    if (!delimiterKnown) learnHeader();
    // A final line without a newline is a row; a trailing newline leaves nothing to parse.
    if (carry[carry.length - 1] === LF) carry = carry.subarray(0, carry.length - 1);
    if (carry.length > 0 && !(carry.length === 1 && carry[0] === 13)) queue.push({ bytes: carry });
    yield* drain(0);
  } finally {
    // Pieces prepared but never read (the import stopped early or failed): nobody wants their rows.
    for (const q of queue) q.prepared?.catch(() => undefined);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** True for the [''] row papaparse gives a blank line: blank lines are not rows. */
export function isBlankRow(row: string[]): boolean {
  return row.length === 1 && row[0]!.trim() === '';
}
