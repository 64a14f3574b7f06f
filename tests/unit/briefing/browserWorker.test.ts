import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskTileSource } from '../../../cli/diskTiles';
import { renderBriefingPdf } from '../../../shared/briefing/briefingPdf';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { pageCount, pdfStreams } from './pdfText';
import { testPlan, testSchedule } from './testPlan';

/**
 * The app renders briefings in a Web Worker bundled by vite for the browser, where pdfkit has
 * no file system. This bundles a minimal worker with the same shared module, serves it with
 * the basemap tiles at 'basemap/tiles', runs it in headless Chromium and compares the PDF with
 * the one the CLI path makes, under the app's Content-Security-Policy.
 */
const fixtures = path.resolve('fixtures');
let server: Server;
let browser: Browser;
let origin: string;
let outDir: string;

beforeAll(async () => {
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hp-briefing-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      lib: { entry: path.resolve('tests/unit/briefing/briefingWorkerEntry.ts'), formats: ['es'], fileName: () => 'worker.js' },
    },
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a failing handler fails the request, and so the test
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file: string | null = null;
    if (url.pathname === '/assets/worker.js') file = path.join(outDir, 'worker.js');
    else if (url.pathname.startsWith('/basemap/tiles/')) file = path.join(fixtures, url.pathname.slice(1));
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': CONTENT_SECURITY_POLICY }).end('<!doctype html><title>briefing worker</title>');
      return;
    }
    try {
      const body = await fs.readFile(file ?? '/nonexistent');
      // The app's own policy on the page and the worker: pdfkit's browser build must live with it.
      res.writeHead(200, { 'content-type': file!.endsWith('.js') ? 'text/javascript' : 'application/x-protobuf', 'content-security-policy': CONTENT_SECURITY_POLICY }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  if (outDir) await fs.rm(outDir, { recursive: true, force: true });
});

describe('briefing in a browser worker', () => {
  it('renders the same PDF in a vite-bundled worker as in Node', async () => {
    const plan = testPlan();
    const schedule = testSchedule(plan);
    const generatedAt = '2026-11-30T09:00:00Z';
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(origin)) errors.push(`external request ${r.url()}`);
    });
    await page.goto(`${origin}/`);
    const started = Date.now();
    const result = await page.evaluate(
      (msg) =>
        new Promise<{ base64?: string; ms?: number; error?: string }>((resolve) => {
          const w = new Worker('assets/worker.js', { type: 'module' });
          w.onerror = (e) => resolve({ error: e.message });
          w.onmessage = (e: MessageEvent<{ bytes?: Uint8Array; ms?: number; error?: string }>) => {
            const b = e.data.bytes;
            if (!b) return resolve({ error: e.data.error ?? 'no reply' });
            // Base64 crosses to the test far faster than an array of numbers.
            let bin = '';
            for (let i = 0; i < b.length; i += 0x8000) bin += String.fromCharCode(...b.subarray(i, i + 0x8000));
            resolve({ base64: btoa(bin), ms: e.data.ms });
          };
          w.postMessage({ ...msg, tilesBase: new URL('basemap/tiles', location.href).href });
        }),
      { plan, schedule, generatedAt },
    );
    console.log(`briefing rendered in the browser worker in ${result.ms} ms (${Date.now() - started} ms with the transfer to the test)`);
    await page.close();
    expect(result.error).toBeUndefined();
    expect(errors).toEqual([]);
    const browserPdf = new Uint8Array(Buffer.from(result.base64!, 'base64'));
    const nodePdf = await renderBriefingPdf({ plan, schedule, tiles: diskTileSource(), generatedAt });
    expect(new TextDecoder('latin1').decode(browserPdf.subarray(0, 5))).toBe('%PDF-');
    // Same pages, drawing and text: every content stream inflates to the same bytes. The
    // deflate encoding itself differs (pdfkit uses Node's zlib in Node, fflate in the browser).
    const a = pdfStreams(browserPdf);
    const b = pdfStreams(nodePdf);
    expect(a.length).toBe(b.length);
    expect(a.every((s, i) => Buffer.from(s).equals(Buffer.from(b[i]!)))).toBe(true);
    expect(pageCount(browserPdf)).toBe(pageCount(nodePdf));
  }, 180_000);
});
