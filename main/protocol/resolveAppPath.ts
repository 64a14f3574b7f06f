import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './appOrigin';

/**
 * Maps an app:// URL to a file inside `root` (dist/renderer), or null when the URL must not be
 * served: another scheme or host, a malformed escape, a NUL or backslash, or a path that
 * would leave `root` after normalisation. Chromium already normalises `..` in standard-scheme
 * URLs; this check does not rely on it.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  // An encoded separator would turn one URL segment into several after decoding; no file
  // Vite emits needs one, so such a URL is refused rather than interpreted.
  if (/%2f|%5c/i.test(u.pathname)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  // A backslash is a separator on Windows and a drive letter or colon could make the path
  // absolute there; no file Vite emits needs either.
  if (rel.includes('\0') || rel.includes('\\') || rel.includes(':')) return null;
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const segments = rel.split('/');
  if (segments.some((s) => s === '..')) return null;
  const rootAbs = path.resolve(root);
  const target = path.resolve(rootAbs, '.' + path.posix.normalize('/' + rel));
  const within = path.relative(rootAbs, target);
  if (within === '' || within.startsWith('..') || path.isAbsolute(within)) return null;
  return target;
}
