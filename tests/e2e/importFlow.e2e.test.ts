import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp, wardTableTotal } from './browser';

const SAMPLE = path.resolve('fixtures/west-yorkshire-street_2018-05_sample_saf98_normalised.csv');
const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-import-'));

function total(page: Page, label: string) {
  return page.getByRole('table', { name: 'Import totals' }).getByRole('row', { name: new RegExp(`^${label}`) }).locator('td');
}

async function importViaDialog(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByRole('dialog', { name: 'Import crimes' }).getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('region', { name: 'Preview' }).waitFor();
}

describe('importing crimes through the UI', () => {
  const app = useApp();

  it('detects police.uk, shows the first rows, imports with every row accounted for', async () => {
    await app.page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => wardTableTotal(app.page)).toBe(0);
    await importViaDialog(app.page, SAMPLE);
    const dialog = app.page.getByRole('dialog', { name: 'Import crimes' });
    await expect(dialog.getByLabel('Format').inputValue()).resolves.toBe('police-uk');
    await expect(dialog.getByRole('table', { name: 'First rows' }).locator('tbody tr').count()).resolves.toBe(20);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await app.page.getByRole('region', { name: 'Import report' }).waitFor();
    await expect(total(app.page, 'Rows read').textContent()).resolves.toBe('1,611');
    await expect(total(app.page, 'Imported').first().textContent()).resolves.toBe('1,611');
    await expect(total(app.page, 'Duplicates').textContent()).resolves.toBe('0');
    await expect(total(app.page, 'Rejected').textContent()).resolves.toBe('0');
    await expect(total(app.page, 'Imported but outside').textContent()).resolves.toBe('6');
    await app.page.screenshot({ path: 'tests/artifacts/import-report.png' });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => wardTableTotal(app.page)).toBe(1605);
  });

  it('re-importing the same file is idempotent: every row is a duplicate', async () => {
    await importViaDialog(app.page, SAMPLE);
    const dialog = app.page.getByRole('dialog', { name: 'Import crimes' });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await app.page.getByRole('region', { name: 'Import report' }).waitFor();
    await expect(total(app.page, 'Duplicates').textContent()).resolves.toBe('1,611');
    await expect(total(app.page, 'Imported').first().textContent()).resolves.toBe('0');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => wardTableTotal(app.page)).toBe(1605);
  });

  it('lists rejections with line and reason, and exports them as CSV', async () => {
    const lines = readFileSync(SAMPLE, 'utf8').split(/\r?\n/);
    // Line 3 loses its month, line 4 gets a nonsense month: both must be rejected by line number.
    const cols3 = lines[2]!.split(',');
    cols3[1] = '';
    const cols4 = lines[3]!.split(',');
    cols4[1] = 'sometime';
    const bad = path.join(dir, 'bad-rows.csv');
    writeFileSync(bad, [lines[0], lines[1]!.replace(/^[0-9a-f]{8}/, 'aaaaaaaa'), cols3.join(','), cols4.join(',')].join('\n') + '\n');
    await importViaDialog(app.page, bad);
    const dialog = app.page.getByRole('dialog', { name: 'Import crimes' });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await app.page.getByRole('region', { name: 'Import report' }).waitFor();
    await expect(total(app.page, 'Rows read').textContent()).resolves.toBe('3');
    await expect(total(app.page, 'Rejected').textContent()).resolves.toBe('2');
    const rej = dialog.getByRole('table', { name: 'Rejections' });
    await expect(rej.locator('tbody tr td:first-child').allTextContents()).resolves.toEqual(['3', '4']);
    await expect(rej.locator('tbody tr td:nth-child(2)').allTextContents()).resolves.toEqual(['Month', 'Month']);
    const download = app.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export rejections CSV' }).click();
    const file = path.join(dir, 'rejections.csv');
    await (await download).saveAs(file);
    const csv = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(/^"?3"?,"?Month"?,/);
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('opens the import dialog when a CSV is dropped on the window', async () => {
    const text = readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 30).join('\n');
    const dt = await app.page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], 'dropped.csv', { type: 'text/csv' }));
      return d;
    }, text);
    await app.page.locator('.app').dispatchEvent('dragover', { dataTransfer: dt });
    await app.page.locator('.app').dispatchEvent('drop', { dataTransfer: dt });
    await app.page.getByRole('region', { name: 'Preview' }).waitFor();
    await expect(app.page.getByRole('region', { name: 'Preview' }).textContent()).resolves.toContain('dropped.csv');
    await app.page.getByRole('dialog', { name: 'Import crimes' }).getByRole('button', { name: 'Close' }).click();
  });

  it('cancelling a large import keeps nothing of it', async () => {
    const header = readFileSync(SAMPLE, 'utf8').split('\n')[0];
    const rows: string[] = [header!];
    for (let i = 0; i < 300_000; i++) rows.push(`id${i},2019-0${1 + (i % 9)},West Yorkshire Police,West Yorkshire Police,-1.5${i % 1000},53.7${i % 997},On or near X,E01011000,Leeds 001A,Burglary,Under investigation,`);
    const big = path.join(dir, 'big.csv');
    writeFileSync(big, rows.join('\n'));
    await importViaDialog(app.page, big);
    const dialog = app.page.getByRole('dialog', { name: 'Import crimes' });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('button', { name: 'Cancel import' }).click();
    await app.page.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 60_000 });
    await expect(dialog.getByRole('heading', { level: 3 }).textContent()).resolves.toContain('cancelled');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => wardTableTotal(app.page)).toBe(1605);
  });

  it('maps a force extract in BNG with flags, and reuses the saved mapping for the next file of that shape', async () => {
    const page = app.page;
    await importViaDialog(page, path.resolve('fixtures/import/force-extract.csv'));
    const dialog = page.getByRole('dialog', { name: 'Import crimes' });
    await expect(dialog.getByLabel('Format').inputValue()).resolves.toBe('extract');
    const mapping = dialog.getByRole('group', { name: 'Column mapping' });
    await expect(mapping.getByLabel('Location given as').inputValue()).resolves.toBe('bng');
    await expect(mapping.getByLabel('Easting').inputValue()).resolves.toBe('Easting');
    await expect(mapping.getByLabel('Home Office offence code').inputValue()).resolves.toBe('HO Offence Code');
    await expect(mapping.getByLabel('Flag 1 column').inputValue()).resolves.toBe('Knife Enabled');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('region', { name: 'Import report' }).waitFor();
    await expect(total(page, 'Rows read').textContent()).resolves.toBe('6');
    await expect(total(page, 'Imported').first().textContent()).resolves.toBe('3');
    await expect(total(page, 'Duplicates').textContent()).resolves.toBe('1');
    await expect(total(page, 'Rejected').textContent()).resolves.toBe('2');
    await dialog.getByRole('button', { name: 'Done' }).click();

    const next = path.join(dir, 'extract-march.csv');
    const [header, ...rows] = readFileSync('fixtures/import/force-extract.csv', 'utf8').trim().split(/\r?\n/);
    writeFileSync(next, [header, ...rows.map((r) => r.replace('WY/10', 'WY/20').replace(/02\/2025/g, '03/2025'))].join('\n'));
    await importViaDialog(page, next);
    await expect(dialog.getByRole('region', { name: 'Preview' }).textContent()).resolves.toContain('Using the mapping saved in this project');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('imports police.uk stop and search as its own record type', async () => {
    const page = app.page;
    await importViaDialog(page, path.resolve('fixtures/2021-08-west-yorkshire-stop-and-search.csv'));
    const dialog = page.getByRole('dialog', { name: 'Import crimes' });
    await expect(dialog.getByLabel('Format').inputValue()).resolves.toBe('stop-search');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('region', { name: 'Import report' }).waitFor();
    await expect(total(page, 'Rows read').textContent()).resolves.toBe('1,312');
    await expect(total(page, 'Imported').first().textContent()).resolves.toBe('1,312');
    await expect(total(page, 'Imported but outside').textContent()).resolves.toBe('3');
    await expect(dialog.getByRole('list', { name: 'How records were placed' }).textContent()).resolves.toContain('48 not placed in any ward (no usable location)');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('1312 stop and searches');
  });

  it('raised no errors and made no external requests', () => {
    expect(app.errors).toEqual([]);
  });
});
