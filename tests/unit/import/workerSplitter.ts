import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { nodeRowSplitter } from '../../../node/rowSplitter';

/**
 * The CLI's row-splitting worker thread, built from the sources as scripts/build.mjs builds it
 * (vitest runs TypeScript; a worker thread cannot), for tests that import through it.
 */
export async function workerRowSplitter(): Promise<ReturnType<typeof nodeRowSplitter>> {
  const outfile = path.join(mkdtempSync(path.join(os.tmpdir(), 'hp-splitter-')), 'rowSplitter.worker.mjs');
  await build({
    entryPoints: [path.resolve('node/rowSplitter.worker.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
  });
  return nodeRowSplitter(pathToFileURL(outfile), 0);
}
