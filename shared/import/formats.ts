import type { ProjectDb as Database } from '../repository/db';
import type { CsvHead } from './csvStream';
import type { FormatHandler, HandlerContext } from './formatHandler';
import { detectFormat, headerIndex, normaliseHeader, POLICE_UK_REQUIRED, STOP_SEARCH_REQUIRED } from './headers';
import { ImportError } from './importError';
import { policeUkHandler } from './policeUkFormat';
import { stopSearchHandler } from './stopSearchFormat';
import { extractHandler } from './extractFormat';
import { loadSavedMapping, saveMapping, validateMapping } from './extractMapping';
import { wardCountsHandler } from './wardCountsFormat';
import type { ImportFormat, ImportOptions } from './types';

export interface ResolvedFormat {
  format: ImportFormat;
  mapping?: unknown;
  mappingJson?: string;
  warnings: string[];
  notes: string[];
}

function requireColumns(fileName: string, header: string[], head: CsvHead, what: string, cols: readonly string[]): void {
  const idx = headerIndex(header);
  const miss = cols.filter((c) => !idx.has(normaliseHeader(c)));
  if (miss.length === 0) return;
  const delimHint =
    header.length === 1
      ? ` The header is a single column: the file may use a delimiter other than "${head.delimiter}".`
      : '';
  throw new ImportError(
    `${fileName} line 1: not a ${what} header: expected columns ${cols.join(', ')}; missing ${miss.join(', ')} ` +
      `(found: ${header.join(', ')}).${delimHint} Nothing was imported.`,
    fileName,
    1,
    miss[0],
  );
}

/** Decides the format (auto-detected or forced) and checks the header can be read as it. */
export function resolveFormat(db: Database, fileName: string, header: string[], head: CsvHead, options: ImportOptions): ResolvedFormat {
  const requested = options.format ?? 'auto';
  const warnings: string[] = [];
  const notes: string[] = [];
  let format: ImportFormat;
  if (requested === 'auto') {
    const d = detectFormat(header);
    format = d.format;
    if (format === 'extract' && options.mapping === undefined && !loadSavedMapping(db, header)) {
      throw new ImportError(
        `${fileName} line 1: the header matches no known format (police.uk street crime, stop-and-search, ward counts) ` +
          `and no column mapping was given. ${d.reasons.join('; ')}. Nothing was imported.`,
        fileName,
        1,
      );
    }
    notes.push(`Format detected from the header: ${format} (${d.reasons.join('; ')}).`);
  } else {
    format = requested;
  }
  if (format === 'police-uk') requireColumns(fileName, header, head, 'police.uk street-crime', POLICE_UK_REQUIRED);
  if (format === 'stop-search') requireColumns(fileName, header, head, 'police.uk stop-and-search', STOP_SEARCH_REQUIRED);
  if (format !== 'extract') return { format, warnings, notes };
  let mapping = options.mapping;
  if (mapping === undefined) {
    const saved = loadSavedMapping(db, header);
    if (!saved) {
      throw new ImportError(
        `${fileName}: a force extract needs a column mapping, and none is saved for a file with this header. Nothing was imported.`,
        fileName, 1,
      );
    }
    mapping = saved;
    notes.push('Used the column mapping saved in the project for files with this header.');
  }
  const valid = validateMapping(fileName, header, mapping);
  if (options.saveMapping !== false) saveMapping(db, header, valid);
  return { format, mapping: valid, mappingJson: JSON.stringify(valid), warnings, notes };
}

export function createHandler(format: ImportFormat, ctx: HandlerContext): FormatHandler {
  switch (format) {
    case 'police-uk':
      return policeUkHandler(ctx);
    case 'stop-search':
      return stopSearchHandler(ctx);
    case 'extract':
      return extractHandler(ctx);
    case 'ward-counts':
      return wardCountsHandler(ctx);
    default:
      // Reached only by a caller outside TypeScript (the worker boundary passes strings).
      throw new ImportError(`${ctx.fileName}: unknown format "${String(format)}"; expected police-uk, stop-search, extract or ward-counts.`, ctx.fileName);
  }
}
