import { isAppUrl } from '../protocol/appOrigin';

/**
 * The shell's security decisions as pure functions, so each is unit-tested without Electron.
 * The app shows only its own bundled pages and makes no network requests: anything else a
 * page tries (navigate away, open a window, ask for a permission, fetch a remote URL) is
 * refused.
 */

/** Navigation and redirects are allowed only within the app origin. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** window.open, target=_blank and middle-clicks never create a window. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** No permission (camera, geolocation, notifications, clipboard-read, USB, ...) is ever granted. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:']);

/**
 * Which web requests may proceed: the app origin, in-memory data:/blob: URLs, and DevTools'
 * own pages when DevTools are allowed (development only). http(s), ws(s), file:, ftp: and any
 * other scheme are cancelled: crime data must not leave the machine, and the app reads files
 * only through the main process.
 */
export function isRequestAllowed(url: string, allowDevTools: boolean): boolean {
  if (isAppUrl(url)) return true;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(u.protocol)) return true;
  if (allowDevTools && (u.protocol === 'devtools:' || u.protocol === 'chrome-devtools:')) return true;
  return false;
}
