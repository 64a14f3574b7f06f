import path from 'node:path';
import type { FileFilter, Result } from '../../shared/desktopApi';
import { formatBytes, LIMITS } from './limits';

/**
 * Hand-written checks for everything the renderer sends. The renderer is treated as
 * untrusted: each check names what was wrong in words a user (or the renderer developer who
 * will surface the message) can act on, and nothing here throws.
 */

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });

// C0 controls and DEL; a file name or title containing them is never legitimate.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** Lower-case extension without the dot ('' when none). */
export function extensionOf(file: string): string {
  const ext = path.extname(file);
  return ext.length > 1 ? ext.slice(1).toLowerCase() : '';
}

/** An absolute, NUL-free path of sane length, optionally with one of `extensions`. */
export function validatePath(v: unknown, what: string, extensions?: readonly string[]): Result<string> {
  if (typeof v !== 'string' || v.length === 0) return fail(`${what}: expected a file path, got ${describe(v)}.`);
  if (v.length > LIMITS.pathChars) return fail(`${what}: the path is longer than ${LIMITS.pathChars} characters.`);
  if (v.includes('\0')) return fail(`${what}: the path contains a NUL character.`);
  if (!path.isAbsolute(v)) return fail(`${what}: the path must be absolute, got "${v}".`);
  if (extensions && !extensions.includes(extensionOf(v))) {
    return fail(`${what}: "${path.basename(v)}" is not a ${extensions.map((e) => '.' + e).join(' or ')} file.`);
  }
  return ok(path.normalize(v));
}

/** Bytes from the renderer: a Uint8Array within `limit`. */
export function validateBytes(v: unknown, what: string, limit: number): Result<Uint8Array> {
  if (!(v instanceof Uint8Array)) return fail(`${what}: expected file contents as a Uint8Array, got ${describe(v)}.`);
  if (v.byteLength > limit) {
    return fail(`${what} is ${formatBytes(v.byteLength)}, more than the ${formatBytes(limit)} this app writes in one file.`);
  }
  return ok(v);
}

/** A file name for a dialog's default: no folders, no control characters. */
export function validateFileName(v: unknown, what: string): Result<string> {
  if (typeof v !== 'string') return fail(`${what}: expected a file name, got ${describe(v)}.`);
  const name = v.trim();
  if (name.length === 0) return fail(`${what}: the file name is empty.`);
  if (name.length > LIMITS.nameChars) return fail(`${what}: the file name is longer than ${LIMITS.nameChars} characters.`);
  if (CONTROL_CHARS.test(name)) return fail(`${what}: the file name contains control characters.`);
  if (/[/\\]/.test(name) || name === '.' || name === '..') return fail(`${what}: give a file name without folders, got "${name}".`);
  return ok(name);
}

export function validateTitle(v: unknown, what: string): Result<string> {
  if (typeof v !== 'string') return fail(`${what}: expected a dialog title, got ${describe(v)}.`);
  if (v.length > LIMITS.titleChars) return fail(`${what}: the title is longer than ${LIMITS.titleChars} characters.`);
  if (CONTROL_CHARS.test(v)) return fail(`${what}: the title contains control characters.`);
  return ok(v);
}

export function validateBoolean(v: unknown, what: string): Result<boolean> {
  return typeof v === 'boolean' ? ok(v) : fail(`${what}: expected true or false, got ${describe(v)}.`);
}

/**
 * Dialog filters whose extensions all belong to `allowed` ('*' is refused: the caller decides
 * what kinds of file make sense, and the user cannot be steered to pick anything else).
 */
export function validateFilters(v: unknown, what: string, allowed: readonly string[]): Result<FileFilter[]> {
  if (!Array.isArray(v) || v.length === 0) return fail(`${what}: expected a non-empty list of file filters.`);
  if (v.length > LIMITS.filters) return fail(`${what}: more than ${LIMITS.filters} file filters.`);
  const out: FileFilter[] = [];
  for (const f of v) {
    if (!isPlainObject(f)) return fail(`${what}: each filter must be { name, extensions }.`);
    const name = validateTitle(f.name, `${what} filter name`);
    if (!name.ok) return name;
    const exts = f.extensions;
    if (!Array.isArray(exts) || exts.length === 0 || exts.length > LIMITS.filterExtensions) {
      return fail(`${what}: filter "${name.value}" needs 1 to ${LIMITS.filterExtensions} extensions.`);
    }
    const clean: string[] = [];
    for (const e of exts) {
      const ext = typeof e === 'string' ? e.replace(/^\./, '').toLowerCase() : '';
      if (!allowed.includes(ext)) {
        return fail(`${what}: extension "${String(e)}" is not allowed here (allowed: ${allowed.join(', ')}).`);
      }
      clean.push(ext);
    }
    out.push({ name: name.value, extensions: clean });
  }
  return ok(out);
}

/** Checks that a request object has exactly the expected keys, so typos surface at once. */
export function validateKeys(v: unknown, what: string, keys: readonly string[]): Result<Record<string, unknown>> {
  if (!isPlainObject(v)) return fail(`${what}: expected an object with ${keys.join(', ')}.`);
  const extra = Object.keys(v).filter((k) => !keys.includes(k));
  if (extra.length > 0) return fail(`${what}: unexpected field(s) ${extra.join(', ')}.`);
  const missing = keys.filter((k) => !(k in v));
  if (missing.length > 0) return fail(`${what}: missing field(s) ${missing.join(', ')}.`);
  return ok(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Uint8Array) return 'bytes';
  return typeof v === 'string' ? 'a string' : typeof v;
}
