/**
 * Sizes the main process accepts across IPC and from disk. The limits stop a runaway renderer
 * (or a wrong file) from exhausting memory, with a message. Projects have no size limit: they
 * cross IPC in chunks (at most `chunkBytes` each) between the renderer and a file, so the main
 * process never holds one whole.
 */
const MB = 1024 * 1024;

export const LIMITS = {
  /** The largest piece of a project one writeChunk or readChunk call carries. */
  chunkBytes: 64 * MB,
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
