/**
 * A file-level problem that stops an import before anything is stored. The message always
 * names the file and, when known, the line and column and what was expected, because the
 * analyst has to find and fix it in the file itself.
 */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    readonly fileName: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(message);
  }
}

/** Formats "file line N, column C: what" consistently for errors and warnings. */
export function where(fileName: string, line?: number, column?: string): string {
  let s = fileName;
  if (line !== undefined) s += ` line ${line}`;
  if (column) s += `, column "${column}"`;
  return s;
}
