import type { FileFilter, Result } from '../../shared/desktopApi';
import { EXPORT_EXTENSIONS, INPUT_EXTENSIONS, LIMITS, PROJECT_EXTENSION } from './limits';
import {
  fail,
  ok,
  validateBoolean,
  validateBytes,
  validateFileName,
  validateFilters,
  validateKeys,
  validatePath,
  validateTitle,
} from './validate';

/** The IPC requests, validated into the shapes the handlers use. */

/** `size`: the project's exact byte count, which the chunks must add up to before commitSave. */
export interface BeginSaveRequest { path: string | null; size: number; saveAs: boolean; suggestedName: string }
export interface PickFilesRequest { title: string; filters: FileFilter[]; multiple: boolean }
export interface WriteExportRequest { suggestedName: string; bytes: Uint8Array; filters: FileFilter[] }

// Every SQLite database starts with this header; a .hotspot file is a SQLite database.
const SQLITE_MAGIC = 'SQLite format 3\0';

/** The fixed SQLite header; a database file is never shorter. */
export const SQLITE_HEADER_BYTES = 100;

export function looksLikeSqlite(bytes: Uint8Array): boolean {
  if (bytes.byteLength < SQLITE_HEADER_BYTES) return false;
  for (let i = 0; i < SQLITE_MAGIC.length; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

export function validateProjectPath(v: unknown): Result<string> {
  return validatePath(v, 'Project file', [PROJECT_EXTENSION]);
}

export function validateBeginSave(v: unknown): Result<BeginSaveRequest> {
  const what = 'Save project';
  const o = validateKeys(v, what, ['path', 'size', 'saveAs', 'suggestedName']);
  if (!o.ok) return o;
  const r = o.value;
  let p: string | null = null;
  if (r.path !== null) {
    const checked = validateProjectPath(r.path);
    if (!checked.ok) return checked;
    p = checked.value;
  }
  // No upper limit: a project is as large as the analyst's data (a force's ten years is GBs).
  // The bytes never sit whole in this process; they arrive in chunks of at most LIMITS.chunkBytes.
  if (typeof r.size !== 'number' || !Number.isSafeInteger(r.size) || r.size < SQLITE_HEADER_BYTES) {
    return fail(`${what}: the size must be a whole number of bytes, at least ${SQLITE_HEADER_BYTES} (an SQLite header).`);
  }
  const saveAs = validateBoolean(r.saveAs, `${what} saveAs`);
  if (!saveAs.ok) return saveAs;
  const name = validateFileName(r.suggestedName, `${what} suggested name`);
  if (!name.ok) return name;
  return ok({ path: p, size: r.size, saveAs: saveAs.value, suggestedName: name.value });
}

export function validatePickFiles(v: unknown): Result<PickFilesRequest> {
  const what = 'Pick files';
  const o = validateKeys(v, what, ['title', 'filters', 'multiple']);
  if (!o.ok) return o;
  const title = validateTitle(o.value.title, what);
  if (!title.ok) return title;
  const filters = validateFilters(o.value.filters, what, INPUT_EXTENSIONS);
  if (!filters.ok) return filters;
  const multiple = validateBoolean(o.value.multiple, `${what} multiple`);
  if (!multiple.ok) return multiple;
  return ok({ title: title.value, filters: filters.value, multiple: multiple.value });
}

export function validateWriteExport(v: unknown): Result<WriteExportRequest> {
  const what = 'Export';
  const o = validateKeys(v, what, ['suggestedName', 'bytes', 'filters']);
  if (!o.ok) return o;
  const name = validateFileName(o.value.suggestedName, `${what} suggested name`);
  if (!name.ok) return name;
  const bytes = validateBytes(o.value.bytes, 'The export', LIMITS.exportBytes);
  if (!bytes.ok) return bytes;
  const filters = validateFilters(o.value.filters, what, EXPORT_EXTENSIONS);
  if (!filters.ok) return filters;
  return ok({ suggestedName: name.value, bytes: bytes.value, filters: filters.value });
}
