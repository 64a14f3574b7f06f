/**
 * The Content-Security-Policy of the app, shared by the Electron shell (sent as a response
 * header on every app:// response) and the renderer build (the same text in a <meta> tag, so
 * the browser mode is held to the same policy). Pure: no imports.
 *
 * Each source is here because something needs it:
 * - script-src 'wasm-unsafe-eval': sql.js compiles its .wasm; without it WebAssembly.instantiate
 *   is refused. It does not allow eval() of JavaScript.
 * - worker-src blob:: maplibre creates its workers from a blob URL; our engine worker is a file.
 * - style-src 'self' only: maplibre's CSS is a file; its element.style writes from script are
 *   CSSOM, which CSP does not govern. No inline script or style is allowed anywhere.
 * - img-src data: blob:: maplibre sprites/icons and canvas exports.
 * - connect-src data: blob:: fetch() of bundled fixtures, wasm and tiles made in memory.
 * Nothing names a remote host: the app makes no network requests.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['worker-src', ["'self'", 'blob:']],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['connect-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

/** The policy as one header value. */
export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');

/**
 * The policy for a <meta http-equiv> tag: browsers ignore frame-ancestors there (and warn),
 * so it is left out; the header still carries it.
 */
export const CONTENT_SECURITY_POLICY_META: string = CSP_DIRECTIVES.filter(([name]) => name !== 'frame-ancestors')
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
