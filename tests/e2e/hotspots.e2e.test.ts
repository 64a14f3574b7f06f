import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countColour, hexToRgb, screenshotPng, waitForMapIdle, useApp } from './browser';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-hot-'));

describe('hotspot analysis on the demo project', () => {
  const app = useApp();

  it('finds Gi* hot spots on 150 m cells with FDR, draws them and states the method', async () => {
    await app.page.getByRole('tab', { name: 'Hotspots' }).click();
    const settings = app.page.getByRole('form', { name: 'Hotspot analysis settings' });
    await expect(settings.getByLabel('Cell size in metres').inputValue()).resolves.toBe('150');
    await expect(settings.getByLabel('False discovery rate correction').isChecked()).resolves.toBe(true);
    await settings.getByRole('button', { name: 'Find hotspots' }).click();
    const results = app.page.getByRole('region', { name: 'Hotspot results' });
    await results.waitFor({ timeout: 60_000 });
    const method = (await results.getByRole('list', { name: 'Method' }).allTextContents()).join('\n');
    expect(method).toContain('cell size: 150 m squares aligned to the British National Grid');
    expect(method).toContain('Benjamini-Hochberg');
    expect(method).toContain('self included');
    const hotRows = await results.getByRole('table', { name: 'Hot cells' }).locator('tbody tr').count();
    expect(hotRows).toBeGreaterThan(0);
    await waitForMapIdle(app.page);
    const png = await screenshotPng(app.page, 'hotspots-demo', 'section[aria-label="Map"]');
    const hot = ['#b2182b', '#ef8a62', '#fddbc7'].reduce((s, c) => s + countColour(png, hexToRgb(c), 6), 0);
    expect(hot).toBeGreaterThan(20);
    await expect(app.page.getByRole('complementary', { name: 'Hotspot legend' }).textContent()).resolves.toContain('FDR (Benjamini-Hochberg) corrected');
    await expect(results.getByRole('img', { name: /^Concentration curve: 50% of harm in \d+\.\d% of cells$/ }).count()).resolves.toBe(1);
    await app.page.screenshot({ path: 'tests/artifacts/hotspots-panel.png' });
  });

  it('exports every study-area cell as CSV led by the method lines', async () => {
    const results = app.page.getByRole('region', { name: 'Hotspot results' });
    const summaryText = (await results.locator('p', { hasText: /^[\d,]+ cells, / }).textContent())!;
    const cells = Number(/^([\d,]+) cells/.exec(summaryText)![1]!.replace(/,/g, ''));
    const download = app.page.waitForEvent('download');
    await results.getByRole('button', { name: 'Export cells CSV' }).click();
    const file = path.join(dir, 'cells.csv');
    await (await download).saveAs(file);
    const lines = readFileSync(file, 'utf8').split('\r\n').filter(Boolean);
    const comments = lines.filter((l) => l.startsWith('# '));
    expect(comments.some((l) => l.startsWith('# scheme: '))).toBe(true);
    expect(comments.some((l) => l.startsWith('# correction: Benjamini-Hochberg'))).toBe(true);
    const data = lines.filter((l) => !l.startsWith('#'));
    expect(data[0]).toBe('cell_id,easting,northing,ward_code,count,harm,gi_z,p,p_fdr,class,kde_density');
    expect(data.length - 1).toBe(cells);
    // Zeros count: most West Yorkshire cells have no crime in a one-month sample.
    expect(data.filter((l) => l.split(',')[4] === '0').length).toBeGreaterThan(cells / 2);
  });

  it('draws the KDE surface with a user bandwidth, and warns when it is below the cell size', async () => {
    const page = app.page;
    const settings = page.getByRole('form', { name: 'Hotspot analysis settings' });
    await settings.getByLabel('KDE bandwidth in metres').fill('600');
    await settings.getByRole('button', { name: 'Find hotspots' }).click();
    const results = page.getByRole('region', { name: 'Hotspot results' });
    // The whole-force demo (77,500 records) takes a few seconds to analyse on a shared 2-core machine.
    await expect.poll(() => results.getByRole('list', { name: 'Method' }).textContent(), { timeout: 60_000 }).toContain('bandwidth 600.0 m (user)');
    const before = await screenshotPng(page, 'kde-off', 'section[aria-label="Map"]');
    await results.getByLabel('Show KDE surface').check();
    await page.waitForFunction(() => document.querySelector('.map-canvas') !== null);
    await waitForMapIdle(page);
    const after = await screenshotPng(page, 'kde-on', 'section[aria-label="Map"]');
    // The surface adds ramp colours where there were none: count changed pixels.
    let changed = 0;
    for (let i = 0; i < before.data.length; i += 4) {
      const d = Math.abs(before.data[i]! - after.data[i]!) + Math.abs(before.data[i + 1]! - after.data[i + 1]!) + Math.abs(before.data[i + 2]! - after.data[i + 2]!);
      if (d > 20) changed++;
    }
    expect(changed).toBeGreaterThan(1000);
    await settings.getByLabel('KDE bandwidth in metres').fill('100');
    await settings.getByRole('button', { name: 'Find hotspots' }).click();
    await expect.poll(() => results.getByRole('list', { name: 'Warnings' }).textContent(), { timeout: 60_000 }).toContain('The KDE bandwidth (100 m) is below the cell size (150 m)');
  });

  it('raised no errors', () => {
    expect(app.errors).toEqual([]);
  });
});
