import { createRequire } from 'node:module';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let cached: Promise<SqlJsStatic> | undefined;

/** sql.js in Node, loading the wasm from node_modules (no network, no fetch). */
export function loadSqlJs(): Promise<SqlJsStatic> {
  const require = createRequire(import.meta.url);
  cached ??= initSqlJs({ locateFile: (f: string) => require.resolve(`sql.js/dist/${f}`) });
  return cached;
}
