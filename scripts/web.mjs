#!/usr/bin/env node
// Browser mode: serves the built renderer on 127.0.0.1 (never on a public interface: crime
// data is sensitive) and prints the URL. Builds the renderer first unless --no-build.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { preview } from 'vite';
import { buildRenderer } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function serveWeb({ port = 5178, build = true } = {}) {
  if (build) await buildRenderer();
  const server = await preview({
    configFile: path.join(root, 'vite.config.ts'),
    preview: { host: '127.0.0.1', port, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  return { url, close: () => server.close() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 5178);
  const { url } = await serveWeb({ port, build: !process.argv.includes('--no-build') });
  console.log(`Hotspot Planner (browser mode) is running at ${url}\nOpen it in a browser; press Ctrl+C to stop.`);
}
