#!/usr/bin/env node
// Builds everything package.json points at: the renderer (Vite), the Electron main process
// and preload (esbuild, scripts/buildMain.mjs) and the CLI bundle (dist/cli/cli.mjs). The
// renderer build includes the offline basemap in dist/renderer/basemap (scripts/basemapAssets.mjs).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { copyBasemap } from './basemapAssets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildRenderer() {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  // After Vite, which empties dist/renderer: the street basemap (tiles, fonts, sprites).
  await copyBasemap(path.join(root, 'dist', 'renderer'));
}

/** One ES module for Node 20 from a TypeScript entry. */
function nodeBundle(entry, outfile, options = {}) {
  return esbuild({
    entryPoints: [path.join(root, entry)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', ...options,
  });
}

export async function buildCli() {
  // Dependencies stay in node_modules (sql.js finds its wasm there at run time). The entry's
  // own #! line is kept by esbuild, so no banner.
  await nodeBundle('cli/cli.ts', path.join(root, 'dist/cli/cli.mjs'), { packages: 'external' });
}

/**
 * The CLI's row-splitting thread (node/rowSplitter.ts looks for it next to the bundle that starts
 * it), with its dependencies bundled in: loading them from node_modules (all of turf) took the
 * thread ~300 ms to start, this file ~40 ms.
 */
export async function buildRowSplitterWorker(outdir) {
  await nodeBundle('node/rowSplitter.worker.ts', path.join(outdir, 'rowSplitter.worker.mjs'));
}

export async function buildMainProcess() {
  const file = path.join(root, 'scripts/buildMain.mjs');
  if (!existsSync(file)) return;
  const mod = await import(pathToFileURL(file).href);
  await (mod.buildMain ?? mod.default)();
}

export default async function buildAll() {
  const t0 = Date.now();
  await buildRenderer();
  await buildMainProcess();
  await buildCli();
  await buildRowSplitterWorker(path.join(root, 'dist/cli'));
  console.log(`Built renderer, main, preload and CLI into dist/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildAll().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
