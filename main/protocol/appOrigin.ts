/**
 * Where the renderer lives. A custom, privileged, standard scheme instead of file:// so that
 * relative URLs, module workers, fetch() and a real origin (for CSP 'self') all behave as on
 * the web, and so that no file outside dist/renderer can ever be addressed.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hotspot';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True for a URL on the app's own origin (app://hotspot/...), false for anything else or garbage. */
export function isAppUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** The privileges for protocol.registerSchemesAsPrivileged (before app ready). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  // Module workers and fetch() of .wasm are same-origin requests; CORS stays on for them.
  corsEnabled: true,
  // The policy is applied, never bypassed.
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: true,
  codeCache: true,
} as const;
