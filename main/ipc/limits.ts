/**
 * Sizes the main process accepts across IPC and from disk. A year of street crime for the
 * largest force is a few hundred MB of CSV; a project is a SQLite file of similar order. The
 * limits stop a runaway renderer (or a wrong file) from exhausting memory, with a message.
 */
const MB = 1024 * 1024;

export const LIMITS = {
  projectBytes: 1024 * MB,
  exportBytes: 1024 * MB,
  inputFileBytes: 1024 * MB,
  inputFiles: 50,
  pathChars: 4096,
  nameChars: 255,
  titleChars: 200,
  filters: 20,
  filterExtensions: 20,
} as const;

export const PROJECT_EXTENSION = 'hotspot';

/** What an input file may be: police.uk CSVs, boundaries, lookups, weights. */
export const INPUT_EXTENSIONS: readonly string[] = ['csv', 'tsv', 'txt', 'geojson', 'json'];

/** What an export may be written as. Nothing executable, nothing that is a project. */
export const EXPORT_EXTENSIONS: readonly string[] = ['csv', 'tsv', 'txt', 'geojson', 'json', 'xlsx', 'png', 'svg', 'pdf', 'html', 'md'];

export function formatBytes(n: number): string {
  return n >= MB ? `${Math.round(n / MB)} MB` : `${Math.round(n / 1024)} KB`;
}
