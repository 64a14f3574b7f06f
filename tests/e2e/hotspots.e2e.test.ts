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
    const summaryText = (await results.locator('p').first().textContent())!;
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

  it('raised no errors', () => {
    expect(app.errors).toEqual([]);
  });
});
