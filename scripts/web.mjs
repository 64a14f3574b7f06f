#!/usr/bin/env node
// Browser mode: serves the built renderer on 127.0.0.1 (never on a public interface: crime
// data is sensitive) and prints the URL. Builds the renderer first unless --no-build.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { preview } from 'vite';
import { buildRenderer } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererDir = path.join(root, 'dist', 'renderer');

/**
 * Vector tiles, glyphs and sprites under /basemap/: .pbf gets application/x-protobuf (Vite's
 * static server knows no type for it), and a tile missing inside the tile set's bounding box
 * (the county is not a rectangle) is an empty 204 rather than a 404 that maplibre reports as
 * an error. Anything else falls through to Vite's static server, which refuses traversal.
 */
export function basemapMiddleware(dir = rendererDir) {
  return (req, res, next) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return next();
    }
    if (!pathname.startsWith('/basemap/') || !pathname.endsWith('.pbf')) return next();
    res.setHeader('Content-Type', 'application/x-protobuf');
    if (/^\/basemap\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(pathname) && !existsSync(path.join(dir, pathname))) {
      res.statusCode = 204;
      return res.end();
    }
    next();
  };
}

function basemapPlugin() {
  return {
    name: 'hotspot-basemap',
    configurePreviewServer(server) {
      server.middlewares.use(basemapMiddleware());
    },
  };
}

export async function serveWeb({ port = 5178, build = true } = {}) {
  if (build) await buildRenderer();
  const server = await preview({
    configFile: path.join(root, 'vite.config.ts'),
    plugins: [basemapPlugin()],
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
