import type { Database } from 'sql.js';
import type { CsvHead } from './csvStream';
import type { FormatHandler, HandlerContext } from './formatHandler';
import { detectFormat, headerIndex, normaliseHeader, POLICE_UK_REQUIRED, STOP_SEARCH_REQUIRED } from './headers';
import { ImportError } from './importError';
import { policeUkHandler } from './policeUkFormat';
import type { ImportFormat, ImportOptions } from './types';

export interface ResolvedFormat {
  format: ImportFormat;
  mapping?: unknown;
  mappingJson?: string;
  warnings: string[];
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
  let format: ImportFormat;
  if (requested === 'auto') {
    const d = detectFormat(header);
    format = d.format;
    if (format === 'extract' && options.mapping === undefined) {
      throw new ImportError(
        `${fileName} line 1: the header matches no known format (police.uk street crime, stop-and-search, ward counts) ` +
          `and no column mapping was given. ${d.reasons.join('; ')}. Nothing was imported.`,
        fileName,
        1,
      );
    }
    warnings.push(`Format detected from the header: ${format} (${d.reasons.join('; ')}).`);
  } else {
    format = requested;
  }
  if (format === 'police-uk') requireColumns(fileName, header, head, 'police.uk street-crime', POLICE_UK_REQUIRED);
  if (format === 'stop-search') requireColumns(fileName, header, head, 'police.uk stop-and-search', STOP_SEARCH_REQUIRED);
  return { format, warnings };
}

export function createHandler(format: ImportFormat, ctx: HandlerContext): FormatHandler {
  switch (format) {
    case 'police-uk':
      return policeUkHandler(ctx);
    default:
      throw new ImportError(`${ctx.fileName}: the ${format} format is not supported yet.`, ctx.fileName);
  }
}
