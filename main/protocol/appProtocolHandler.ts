import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { mimeTypeFor } from './mimeTypes';
import { resolveAppPath } from './resolveAppPath';

/** What a fetch Response is made from, under Node's types (main/ has no DOM lib). */
type ResponseBody = ConstructorParameters<typeof Response>[0];

/** Reads a whole file; injected so tests need no disk and main can pass fs.promises.readFile. */
export type ReadFile = (file: string) => Promise<Uint8Array>;

/**
 * A vector tile of the bundled basemap (basemap/tiles/z/x/y.pbf). The tile set covers the
 * county, not its bounding box, so tiles at the corners do not exist: those are answered with
 * an empty 204, which maplibre draws as an empty tile instead of reporting an error.
 */
const BASEMAP_TILE = /^\/basemap\/tiles\/\d{1,2}\/\d{1,6}\/\d{1,6}\.pbf$/;

/**
 * A tile of the user's own tile folder (another force's area), picked in a main-process
 * dialog: app://hotspot/basemap/user/{z}/{x}/{y}.pbf. Only digits reach the file system, so
 * no URL can name anything in that folder but a tile, let alone anything outside it.
 */
export const USER_TILE = /^\/basemap\/user\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.pbf$/;

function emptyTile(): Response {
  return new Response(null, { status: 204, headers: { ...securityHeaders(), 'Content-Type': 'application/x-protobuf' } });
}

async function userTile(folder: string, m: RegExpExecArray, readFile: ReadFile): Promise<Response> {
  let bytes: Uint8Array | null = null;
  for (const ext of ['pbf', 'mvt']) {
    try {
      bytes = await readFile(path.join(folder, m[1]!, m[2]!, `${m[3]!}.${ext}`));
      break;
    } catch {
      // try the next extension; a tile absent from the folder is an empty tile
    }
  }
  if (!bytes) return emptyTile();
  // Tile folders written by tile makers often hold gzip tiles, which a web server would send
  // with Content-Encoding; maplibre wants the raw protobuf.
  const raw = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b ? new Uint8Array(gunzipSync(bytes)) : bytes;
  return new Response(raw as ResponseBody, {
    status: 200,
    headers: { ...securityHeaders(), 'Content-Type': 'application/x-protobuf', 'Content-Length': String(raw.byteLength), 'Cache-Control': 'no-cache' },
  });
}

/** Headers on every app:// response, errors included, so no response escapes the policy. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The protocol.handle handler for app://hotspot/: serves files under `root` only, with the
 * right Content-Type and the CSP header. Uses the web Request/Response of Node 20 and Electron
 * alike, so it runs unchanged in unit tests.
 */
export function createAppProtocolHandler(root: string, readFile: ReadFile, userTilesFolder: () => string | null = () => null): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'Method not allowed');
    const user = req.url.startsWith('app://hotspot/basemap/user/') ? USER_TILE.exec(new URL(req.url).pathname) : null;
    if (user) {
      const folder = userTilesFolder();
      return folder ? userTile(folder, user, readFile) : plain(404, 'Not found');
    }
    const file = resolveAppPath(root, req.url);
    if (file === null) return plain(404, 'Not found');
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      if (BASEMAP_TILE.test(new URL(req.url).pathname)) {
        return emptyTile();
      }
      // Missing, a directory, unreadable: all the same to the page, and no path leaks out.
      return plain(404, 'Not found');
    }
    const headers = {
      ...securityHeaders(),
      'Content-Type': mimeTypeFor(file),
      'Content-Length': String(bytes.byteLength),
      // The files change only when the app is rebuilt or updated; revalidating is free locally.
      'Cache-Control': 'no-cache',
    };
    return new Response(req.method === 'HEAD' ? null : (bytes as ResponseBody), { status: 200, headers });
  };
}
