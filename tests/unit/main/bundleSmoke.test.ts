import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMain } from '../../../scripts/buildMain.mjs';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

const here = path.dirname(fileURLToPath(import.meta.url));
const base = mkdtempSync(path.join(tmpdir(), 'hp-bundle-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

// Starts the shipped bundle in Node with electron faked, then asks its protocol handler for
// the page, a module worker and the wasm, as the renderer would.
const probe = `
  require(process.env.MAIN_BUNDLE);
  setTimeout(async () => {
    const r = globalThis.__fakeElectron;
    const get = async (url) => {
      const res = await r.protocolHandler(new Request(url));
      return { status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), size: (await res.arrayBuffer()).byteLength };
    };
    const win = r.windows[0];
    console.log(JSON.stringify({
      sandbox: r.sandbox,
      schemes: r.schemes,
      handles: r.handles,
      menu: r.menu && r.menu.map((m) => m.label || m.role),
      url: win && win.url,
      webPreferences: win && win.options.webPreferences,
      index: await get('app://hotspot/index.html'),
      worker: await get('app://hotspot/assets/engine.worker-x.js'),
      wasm: await get('app://hotspot/assets/sql-wasm-x.wasm'),
      traversal: await get('app://hotspot/..%2F..%2Fpackage.json'),
    }));
  }, 50);
`;

describe('the built main bundle', () => {
  it('starts, registers everything and serves the renderer with the right types and CSP', async () => {
    const appPath = path.join(base, 'app');
    const out = await buildMain({ outDir: path.join(appPath, 'dist', 'main'), logLevel: 'silent' });
    const renderer = path.join(appPath, 'dist', 'renderer', 'assets');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(path.join(appPath, 'package.json'), '{"secret":true}');
    writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(path.join(renderer, 'engine.worker-x.js'), 'self.onmessage = () => {};');
    writeFileSync(path.join(renderer, 'sql-wasm-x.wasm'), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));

    const { stdout } = await promisify(execFile)(process.execPath, ['--require', path.join(here, 'fakeElectron.cjs'), '-e', probe], {
      env: { ...process.env, MAIN_BUNDLE: out.main, FAKE_APP_PATH: appPath },
    });
    const r = JSON.parse(stdout.trim().split('\n').at(-1)!);

    expect(r.sandbox).toBe(true);
    expect(r.schemes[0].scheme).toBe('app');
    expect(r.handles).toHaveLength(13); // twelve project/file channels (six of them the chunked open and save) and pickBasemapTiles
    expect(r.menu).toEqual(['&File', 'editMenu', '&View', '&Help']);
    expect(r.url).toBe('app://hotspot/index.html');
    expect(r.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    // The preload the window names is the one buildMain wrote next to main.cjs.
    expect(r.webPreferences.preload).toBe(out.preload);
    expect(existsSync(r.webPreferences.preload)).toBe(true);

    expect(r.index).toEqual({ status: 200, type: 'text/html; charset=utf-8', csp: CONTENT_SECURITY_POLICY, size: 31 });
    expect(r.worker).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', csp: CONTENT_SECURITY_POLICY });
    expect(r.wasm).toMatchObject({ status: 200, type: 'application/wasm', size: 8 });
    expect(r.traversal).toMatchObject({ status: 404, csp: CONTENT_SECURITY_POLICY });
  });
});
