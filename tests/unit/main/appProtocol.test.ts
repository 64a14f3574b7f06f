import { mkdtempSync, mkdirSync, promises as fs, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../main/protocol/appProtocolHandler';
import { mimeTypeFor } from '../../../main/protocol/mimeTypes';
import { resolveAppPath } from '../../../main/protocol/resolveAppPath';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

const base = mkdtempSync(path.join(tmpdir(), 'hp-proto-'));
const root = path.join(base, 'dist', 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Hotspot Planner</title>');
writeFileSync(path.join(root, 'assets', 'engine.worker-abc.js'), 'self.onmessage = () => {};');
writeFileSync(path.join(root, 'assets', 'sql-wasm.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
writeFileSync(path.join(root, 'assets', 'crimes 2018.csv'), 'Crime ID\n1\n');
// A vector tile and a glyph range of the basemap, at the paths the style and the PDF worker use.
mkdirSync(path.join(root, 'basemap', 'tiles', '14', '8121'), { recursive: true });
mkdirSync(path.join(root, 'basemap', 'fonts', 'Open Sans Regular'), { recursive: true });
const TILE = new Uint8Array([0x1a, 0x05, 0x78, 0x02, 0x0a, 0x01, 0x61]);
writeFileSync(path.join(root, 'basemap', 'tiles', '14', '8121', '5276.pbf'), TILE);
writeFileSync(path.join(root, 'basemap', 'fonts', 'Open Sans Regular', '0-255.pbf'), new Uint8Array([0x0a, 0x00]));
// A secret beside the renderer folder, which must stay out of reach.
writeFileSync(path.join(base, 'dist', 'secret.txt'), 'secret');
writeFileSync(path.join(base, 'dist', 'renderer-evil.txt'), 'sibling with a shared prefix');
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppPath(root, 'app://hotspot/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://hotspot/assets/sql-wasm.wasm?x=1#f')).toBe(path.join(root, 'assets', 'sql-wasm.wasm'));
    expect(resolveAppPath(root, 'app://hotspot/assets/crimes%202018.csv')).toBe(path.join(root, 'assets', 'crimes 2018.csv'));
  });

  it('serves index.html for the origin and for folders', () => {
    expect(resolveAppPath(root, 'app://hotspot')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://hotspot/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://hotspot/assets/')).toBe(path.join(root, 'assets', 'index.html'));
  });

  it.each([
    'app://hotspot/../secret.txt',
    'app://hotspot/%2e%2e/secret.txt',
    'app://hotspot/assets/%2E%2E/%2E%2E/secret.txt',
    'app://hotspot/%2e%2e%2fsecret.txt',
    'app://hotspot/..%2Fsecret.txt',
    'app://hotspot/..%5Csecret.txt',
    'app://hotspot/assets%5C..%5C..%5Csecret.txt',
    'app://hotspot/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://hotspot/%2Fetc%2Fpasswd',
    'app://hotspot/C:%5CWindows%5Cwin.ini',
    'app://hotspot/index.html%00.png',
    'app://hotspot/%E0%A4%A',
    'app://hotspot/..%2F..%2Frenderer-evil.txt',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://hotspot/index.html',
    'not a url',
  ])('never leaves the root for %s', (url) => {
    // The URL parser itself folds `..` and `%2e%2e` segments (as a browser would), so some of
    // these resolve to a harmless path inside the root; none may reach the files beside it.
    const r = resolveAppPath(root, url);
    if (r === null) return;
    const rel = path.relative(root, r);
    expect(rel.startsWith('..') || path.isAbsolute(rel)).toBe(false);
    expect(r).not.toBe(path.join(base, 'dist', 'secret.txt'));
    expect(r).not.toBe(path.join(base, 'dist', 'renderer-evil.txt'));
  });

  it('refuses outright what the URL parser leaves for us: encoded separators, NUL, drive letters, bad escapes', () => {
    for (const url of [
      'app://hotspot/..%2Fsecret.txt',
      'app://hotspot/..%5Csecret.txt',
      'app://hotspot/%2e%2e%2fsecret.txt',
      'app://hotspot/assets%5C..%5C..%5Csecret.txt',
      'app://hotspot/%2Fetc%2Fpasswd',
      'app://hotspot/C:%5CWindows%5Cwin.ini',
      'app://hotspot/index.html%00.png',
      'app://hotspot/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('folds parsed dot segments inside the root', () => {
    expect(resolveAppPath(root, 'app://hotspot/../secret.txt')).toBe(path.join(root, 'secret.txt'));
    expect(resolveAppPath(root, 'app://hotspot/assets/%2E%2E/index.html')).toBe(path.join(root, 'index.html'));
  });
});

describe('mimeTypeFor', () => {
  it('gives module scripts, wasm and styles the types Chromium requires', () => {
    expect(mimeTypeFor('a/engine.worker-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('sql-wasm.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('maplibre-gl.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('wards.geojson')).toBe('application/geo+json; charset=utf-8');
    expect(mimeTypeFor('noextension')).toBe('application/octet-stream');
    expect(mimeTypeFor('basemap/tiles/14/8121/5276.pbf')).toBe('application/x-protobuf');
  });
});

describe('createAppProtocolHandler', () => {
  const handler = createAppProtocolHandler(root, (f) => fs.readFile(f));

  it('serves a file with its type and the CSP header', async () => {
    const res = await handler(new Request('app://hotspot/assets/sql-wasm.wasm'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  });

  it('serves index.html for the origin, with the CSP header', async () => {
    const res = await handler(new Request('app://hotspot/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('Hotspot Planner');
  });

  it('answers 404 with the CSP header for traversal, missing files and folders', async () => {
    for (const url of ['app://hotspot/%2e%2e/secret.txt', 'app://hotspot/missing.js', 'app://hotspot/assets']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).not.toContain('secret');
    }
  });

  it('serves basemap tiles and glyphs as application/x-protobuf, byte for byte', async () => {
    const tile = await handler(new Request('app://hotspot/basemap/tiles/14/8121/5276.pbf'));
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('application/x-protobuf');
    expect(tile.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(new Uint8Array(await tile.arrayBuffer())).toEqual(TILE);
    const glyphs = await handler(new Request('app://hotspot/basemap/fonts/Open%20Sans%20Regular/0-255.pbf'));
    expect(glyphs.status).toBe(200);
    expect(glyphs.headers.get('content-type')).toBe('application/x-protobuf');
  });

  it('answers a tile missing from the county tile set with an empty 204, and nothing else that way', async () => {
    const corner = await handler(new Request('app://hotspot/basemap/tiles/14/8000/5200.pbf'));
    expect(corner.status).toBe(204);
    expect((await corner.arrayBuffer()).byteLength).toBe(0);
    expect(corner.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    // A missing glyph range, or a .pbf outside tiles/, is still a plain 404.
    expect((await handler(new Request('app://hotspot/basemap/fonts/Open%20Sans%20Regular/256-511.pbf'))).status).toBe(404);
    expect((await handler(new Request('app://hotspot/basemap/tiles/14/8121/x.pbf'))).status).toBe(404);
  });

  it('never lets a basemap URL climb out of the renderer root', async () => {
    for (const url of [
      'app://hotspot/basemap/tiles/..%2F..%2F..%2Fsecret.txt',
      'app://hotspot/basemap/tiles/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt',
      'app://hotspot/basemap/fonts/..%5C..%5C..%5Csecret.txt',
      'app://hotspot/basemap/tiles/14/8121/..%2F..%2F..%2F..%2F..%2Fsecret.pbf',
      'app://hotspot/basemap/../../secret.txt',
    ]) {
      const res = await handler(new Request(url));
      expect([404, 204], url).toContain(res.status);
      expect(await res.text(), url).not.toContain('secret');
    }
  });

  it("serves the user's own tile folder under basemap/user/, gunzipped, and only its tiles", async () => {
    const folder = path.join(base, 'lancashire-tiles');
    mkdirSync(path.join(folder, '12', '2017'), { recursive: true });
    writeFileSync(path.join(folder, '12', '2017', '1318.pbf'), gzipSync(TILE));
    writeFileSync(path.join(folder, '12', '2017', '1319.mvt'), TILE);
    writeFileSync(path.join(folder, 'notes.txt'), 'not a tile');
    let picked: string | null = null;
    const h = createAppProtocolHandler(root, (f) => fs.readFile(f), () => picked);
    // Nothing picked yet: not found.
    expect((await h(new Request('app://hotspot/basemap/user/12/2017/1318.pbf'))).status).toBe(404);
    picked = folder;
    const gz = await h(new Request('app://hotspot/basemap/user/12/2017/1318.pbf'));
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-type')).toBe('application/x-protobuf');
    expect(gz.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(new Uint8Array(await gz.arrayBuffer())).toEqual(TILE);
    expect(new Uint8Array(await (await h(new Request('app://hotspot/basemap/user/12/2017/1319.pbf'))).arrayBuffer())).toEqual(TILE);
    expect((await h(new Request('app://hotspot/basemap/user/12/2017/9999.pbf'))).status).toBe(204);
    for (const url of [
      'app://hotspot/basemap/user/notes.txt',
      'app://hotspot/basemap/user/..%2Fsecret.txt',
      'app://hotspot/basemap/user/12/2017/..%2F..%2F..%2Fnotes.txt',
      'app://hotspot/basemap/user/%2e%2e/%2e%2e/%2e%2e/dist/secret.txt',
      'app://hotspot/basemap/user/12/2017/1318.pbf%00.txt',
    ]) {
      const res = await h(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toMatch(/secret|not a tile/);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await handler(new Request('app://hotspot/index.html', { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
    const head = await handler(new Request('app://hotspot/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
