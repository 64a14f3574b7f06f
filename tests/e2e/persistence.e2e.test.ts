import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../cli/sqlNode';
import { getMeta, openProjectDb } from '../../shared/project/projectDb';
import { launch, screenshotPng, useApp, waitForApp } from './browser';
import { copyBasemap } from '../../scripts/basemapAssets.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-persist-'));
// The whole-force demo takes seconds to rebuild a table or rerun Gi*: polls wait for it.
const slow = { timeout: 60_000 };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the analysis persists (browser mode)', () => {
  const app = useApp();

  it('a renamed project with ward and hotspot settings comes back after save and reload, analysis redrawn', async () => {
    const page = app.page;
    // Name the project.
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New project name').fill('Leeds night-time economy');
    await page.getByLabel('New project name').press('Enter');
    await expect.poll(() => page.getByLabel('Project name').textContent(), slow).toContain('Leeds night-time economy');
    await expect.poll(() => page.title(), slow).toContain('Leeds night-time economy');

    // Ward table settings.
    const wards = page.getByRole('form', { name: 'Ward table settings' });
    await wards.getByLabel('Ward harm scheme').selectOption('cchi-category');
    await wards.getByLabel('Ward category set').selectOption('serious-violence');

    // A hotspot run with non-default cells.
    await page.getByRole('tab', { name: 'Hotspots' }).click();
    const settings = page.getByRole('form', { name: 'Hotspot analysis settings' });
    await settings.getByLabel('Harm scheme').selectOption('cchi-category');
    await settings.getByLabel('Cell size in metres').fill('200');
    await settings.getByLabel('Cell shape').selectOption('hex');
    await settings.getByLabel('False discovery rate correction').uncheck();
    await settings.getByRole('button', { name: 'Find hotspots' }).click();
    const results = page.getByRole('region', { name: 'Hotspot results' });
    await results.waitFor({ timeout: 60_000 });
    const methodBefore = await results.getByRole('list', { name: 'Method' }).allTextContents();
    expect(methodBefore.join('\n')).toContain('cell size: 200 m');

    // Save: the download holds the name and every tab's settings.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const file = path.join(dir, 'saved.hotspot');
    await (await download).saveAs(file);
    const db = openProjectDb(await loadSqlJs(), new Uint8Array(readFileSync(file)), 'saved.hotspot');
    expect(getMeta(db, 'name')).toBe('Leeds night-time economy');
    expect(JSON.parse(getMeta(db, 'ui:wards')!)).toMatchObject({ schemeId: 'cchi-category', categorySetId: 'serious-violence' });
    expect(JSON.parse(getMeta(db, 'ui:hotspots')!)).toMatchObject({ ran: true, params: { schemeId: 'cchi-category', cellSize: 200, shape: 'hex', fdr: false } });
    await expect.poll(() => page.getByLabel('Project name').textContent(), slow).not.toContain('•');

    // Reload: the same project, not the demo, with its settings and its analysis.
    await page.reload();
    await waitForApp(page);
    await expect.poll(() => page.getByLabel('Project name').textContent(), slow).toBe('Leeds night-time economy');
    await expect.poll(() => wards.getByLabel('Ward harm scheme').inputValue(), slow).toBe('cchi-category');
    await expect.poll(() => wards.getByLabel('Ward category set').inputValue(), slow).toBe('serious-violence');
    // The table itself was rebuilt with them (its method list sits in a closed details element).
    await expect.poll(() => page.locator('ul[aria-label="Ward table method"]').textContent(), slow).toMatch(/Serious violence/);
    await page.getByRole('tab', { name: 'Hotspots' }).click();
    await expect.poll(() => settings.getByLabel('Cell size in metres').inputValue(), slow).toBe('200');
    await expect.poll(() => settings.getByLabel('Cell shape').inputValue(), slow).toBe('hex');
    await expect.poll(() => settings.getByLabel('Harm scheme').inputValue(), slow).toBe('cchi-category');
    await expect.poll(() => settings.getByLabel('False discovery rate correction').isChecked(), slow).toBe(false);
    await results.waitFor({ timeout: 60_000 });
    await expect.poll(() => results.getByRole('list', { name: 'Method' }).allTextContents(), slow).toEqual(methodBefore);
    await screenshotPng(page, 'persistence-after-reload');
    expect(app.errors).toEqual([]);
  });

  it('a change without Save is kept too (shortly after it is made), and marks nothing as unsaved', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: 'Wards' }).click();
    const wards = page.getByRole('form', { name: 'Ward table settings' });
    await wards.getByLabel('Ward category set').selectOption('');
    // Kept about 1.5 s after the change; exporting and storing the whole-force project takes a few more.
    await page.waitForTimeout(8000);
    await page.reload();
    await waitForApp(page);
    await expect.poll(() => page.getByLabel('Project name').textContent(), slow).toBe('Leeds night-time economy');
    await expect.poll(() => wards.getByLabel('Ward harm scheme').inputValue(), slow).toBe('cchi-category');
    await expect.poll(() => wards.getByLabel('Ward category set').inputValue(), slow).toBe('');
  });

  it('Demo still opens the demo, and a reload after it opens the demo again', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Demo' }).click();
    // Building the demo runs the normal import over every record: seconds, not milliseconds.
    await expect.poll(() => page.getByLabel('Project name').textContent(), { timeout: 120_000 }).toContain('West Yorkshire demo');
    // The demo has no saved settings: the ward table is back to its defaults.
    await page.getByRole('tab', { name: 'Wards' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Ward table settings' }).getByLabel('Ward harm scheme').inputValue(), slow).toBe('count');
    await page.reload();
    await waitForApp(page);
    await expect.poll(() => page.getByLabel('Project name').textContent(), slow).toContain('West Yorkshire demo');
  });

  it('browser mode advertises no keyboard shortcuts the browser does not have', async () => {
    const titles = await app.page.getByRole('toolbar', { name: 'Project' }).locator('button[title]').evaluateAll((bs) => bs.map((b) => b.getAttribute('title')));
    expect(titles.length).toBeGreaterThan(3);
    for (const t of titles) expect(t).not.toMatch(/Ctrl\+/);
  });
});

describe('the KDE checkbox', () => {
  const app = useApp();

  it('rapid ticks and unticks end with exactly what the box says, and no errors', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: 'Hotspots' }).click();
    await page.getByRole('form', { name: 'Hotspot analysis settings' }).getByRole('button', { name: 'Find hotspots' }).click();
    const results = page.getByRole('region', { name: 'Hotspot results' });
    await results.waitFor({ timeout: 60_000 });
    const box = results.getByLabel('Show KDE surface');
    const hasKde = () => page.evaluate(() => (window as unknown as { hotspotMap: { hasKde(): boolean } }).hotspotMap.hasKde());
    // Five clicks in one task: each starts a surface request before the previous one is drawn.
    await box.evaluate((el: HTMLInputElement) => {
      for (let i = 0; i < 5; i++) el.click();
    });
    await expect.poll(() => box.isChecked(), slow).toBe(true);
    await expect.poll(hasKde, slow).toBe(true);
    // Ending on an untick while surfaces for the ticks are still being made: none may be drawn.
    await box.evaluate((el: HTMLInputElement) => {
      for (let i = 0; i < 5; i++) el.click();
    });
    expect(await box.isChecked()).toBe(false);
    await page.waitForTimeout(2000);
    expect(await hasKde()).toBe(false);
    expect(app.errors).toEqual([]);
  });
});

describe('failures nobody waited for', () => {
  const app = useApp();

  it('reach the user in the status bar instead of only the console', async () => {
    await app.page.evaluate(() => {
      void Promise.reject(new Error('The worker could not read the project.'));
    });
    await expect.poll(() => app.page.getByRole('alert').allTextContents(), slow).toContain('The worker could not read the project.');
  });
});

describe('the production build', () => {
  it('has no window.hotspotMap test hook (the e2e build has it)', async () => {
    const outDir = path.join(dir, 'prod');
    const before = process.env.HOTSPOT_TEST_HOOKS;
    delete process.env.HOTSPOT_TEST_HOOKS;
    try {
      await build({ configFile: path.resolve('vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
    } finally {
      if (before !== undefined) process.env.HOTSPOT_TEST_HOOKS = before;
    }
    // The shipped build carries the basemap as npm run build does (vite alone does not copy it).
    await copyBasemap(outDir);
    const js = readdirSync(path.join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    for (const f of js) expect(readFileSync(path.join(outDir, 'assets', f), 'utf8')).not.toContain('hotspotMap');

    // And the app it builds runs without it.
    const server = await preview({ configFile: path.resolve('vite.config.ts'), build: { outDir }, preview: { host: '127.0.0.1', port: 5299, strictPort: false }, logLevel: 'warn' });
    const b = await launch();
    try {
      await b.page.goto(server.resolvedUrls!.local[0]!);
      await b.page.getByRole('table', { name: 'Wards', exact: true }).locator('tr.ward-row').first().waitFor({ timeout: 60_000 });
      expect(await b.page.evaluate(() => 'hotspotMap' in window)).toBe(false);
      expect(b.errors).toEqual([]);
    } finally {
      await b.context.close();
      await server.close();
    }
  });
});
