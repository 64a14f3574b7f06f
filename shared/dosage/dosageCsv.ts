import { isBlankRow, readCsv } from '../import/csvStream';
import type { TextEncodingName } from '../import/decodeText';
import { ImportError } from '../import/importError';
import type { ImportProgress, ImportSource } from '../import/types';
import { ContentHash } from './contentHash';

export interface DosageReadOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

/**
 * Streams a dosage CSV through the shared reader (encoding and delimiter detection, quoting),
 * hashing the raw bytes as they pass so a re-import can be recognised. Calls `onHeader` once,
 * then `onRow` per non-blank row with its physical line and papaparse's complaint, if any.
 * Cancel: the signal is checked between chunks and aborts with its reason.
 */
export async function readDosageCsv(
  source: ImportSource,
  opts: DosageReadOptions,
  encoding: TextEncodingName | undefined,
  onHeader: (header: string[]) => void,
  onRow: (row: string[], line: number, error: string | undefined) => void,
): Promise<{ contentHash: string; rowsRead: number; encoding: string }> {
  const hash = new ContentHash();
  const hashed: ImportSource = {
    name: source.name,
    size: source.size,
    async *chunks() {
      for await (const c of source.chunks()) {
        hash.update(c);
        yield c;
      }
    },
  };
  let header: string[] | null = null;
  let rowsRead = 0;
  let enc = encoding ?? 'utf-8';
  const t0 = Date.now();
  for await (const batch of readCsv(hashed, { encoding, onHead: (h) => void (enc = h.encoding) })) {
    opts.signal?.throwIfAborted();
    const { rows, lines, errors } = batch;
    let i = 0;
    if (header === null) {
      if (rows.length === 0) continue;
      header = rows[0]!.map((h) => h.trim());
      onHeader(header);
      i = 1;
    }
    for (; i < rows.length; i++) {
      const row = rows[i]!;
      if (isBlankRow(row)) continue;
      rowsRead++;
      onRow(row, lines[i]!, errors.get(i));
    }
    const secs = (Date.now() - t0) / 1000;
    opts.onProgress?.({ bytesRead: batch.bytesRead, totalBytes: source.size, rowsRead, rowsPerSecond: secs > 0 ? Math.round(rowsRead / secs) : 0 });
  }
  opts.signal?.throwIfAborted();
  if (header === null) {
    throw new ImportError(`${source.name} has no header line: expected column names on line 1. Nothing was imported.`, source.name, 1);
  }
  return { contentHash: hash.digest(), rowsRead, encoding: enc };
}
