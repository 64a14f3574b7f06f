#!/usr/bin/env node
// `npm run bench -- <name> [options]`: bundles bench/bench.ts with esbuild and runs it with
// plain node, so the figures (memory above all) are the app's code, not a TypeScript loader's:
// under tsx each measuring process carried ~100 MB of loader and compiler.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildRowSplitterWorker } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist/bench/bench.mjs');
await build({
  entryPoints: [path.join(root, 'bench/bench.ts')],
  outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning',
});
await buildRowSplitterWorker(path.dirname(outfile));
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
