#!/usr/bin/env node
// `npm run cli -- <command>`: builds the CLI bundle and its row-splitting thread with esbuild
// (under a second), then runs the bundle in this process, so the command runs the code
// `hotspot-planner` ships (with its second thread for imports), not a TypeScript loader's.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli, buildRowSplitterWorker } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildCli();
await buildRowSplitterWorker(path.join(root, 'dist/cli'));
// cli.mjs reads its arguments from process.argv.slice(2), which are this script's.
await import(pathToFileURL(path.join(root, 'dist/cli/cli.mjs')).href);
