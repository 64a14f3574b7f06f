import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { PNG } from 'pngjs';

export const ARTIFACTS = path.resolve('tests/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** Debian's Chromium, headless, with WebGL through SwiftShader so maplibre draws real pixels. */
export async function launch(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  // The app must make no network requests beyond its own origin.
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) errors.push(`external request: ${r.url()}`);
  });
  return { context, page, errors };
}

/** Waits until the demo is loaded and the map has finished drawing. */
export async function waitForApp(page: Page, wards = 124): Promise<void> {
  await page.getByRole('table', { name: 'Wards', exact: true }).locator('tr.ward-row').nth(wards - 1).waitFor({ timeout: 60_000 });
  await waitForMapIdle(page);
}

/**
 * window.hotspotMap is a test hook compiled only into the build globalSetup makes
 * (HOTSPOT_TEST_HOOKS=1, see vite.config.ts); the shipped app has none. Same name as before,
 * so every test that reads map state keeps working.
 */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => 'hotspotMap' in window, undefined, { timeout: 30_000 }).catch(() => {
    throw new Error('window.hotspotMap is missing: serve a renderer built with HOTSPOT_TEST_HOOKS=1 (tests/e2e/globalSetup.ts does).');
  });
  await page.waitForFunction(() => (window as unknown as { hotspotMap?: { isIdle(): boolean } }).hotspotMap?.isIdle() === true, undefined, { timeout: 60_000 });
  // One more frame so the last render is on the canvas.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export async function screenshotPng(page: Page, name: string, selector?: string): Promise<PNG> {
  const target = selector ? page.locator(selector) : page;
  const buf = await target.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  return PNG.sync.read(buf);
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Pixels within `tol` of a colour. */
export function countColour(png: PNG, rgb: [number, number, number], tol = 24): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i]! - rgb[0]) <= tol && Math.abs(png.data[i + 1]! - rgb[1]) <= tol && Math.abs(png.data[i + 2]! - rgb[2]) <= tol) n++;
  }
  return n;
}

export function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

export interface AppHandle {
  context: BrowserContext;
  page: Page;
  /** Page errors, console errors and any request off this machine, collected for the whole file. */
  errors: string[];
}

/**
 * One fresh Chromium per test file with the app loaded and the demo drawn; closed after the
 * file. Fields are filled in beforeAll, so read them inside tests.
 */
export function useApp(): AppHandle {
  const app = { errors: [] } as unknown as AppHandle;
  beforeAll(async () => {
    Object.assign(app, await launch());
    await app.page.goto(inject('baseUrl'));
    await waitForApp(app.page);
  });
  afterAll(async () => {
    await app.context?.close();
  });
  return app;
}

/** Sum of the Count column over ward rows of the Wards table. */
export async function wardTableTotal(page: Page): Promise<number> {
  const counts = await page.getByRole('table', { name: 'Wards', exact: true }).locator('tr.ward-row td:nth-child(3)').allTextContents();
  return counts.reduce((s, c) => s + Number(c.replace(/,/g, '')), 0);
}
