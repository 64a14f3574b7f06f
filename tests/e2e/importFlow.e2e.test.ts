import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { strToU8, zipSync } from 'fflate';
import { useApp, wardTableTotal } from './browser';

const SAMPLE = path.resolve('fixtures/west-yorkshire-street_2018-05_sample_saf98_normalised.csv');
const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-import-'));

function total(page: Page, label: string) {
  return page.getByRole('table', { name: 'Import totals' }).getByRole('row', { name: new RegExp(`^${label}`) }).locator('td');
}

async function importViaDialog(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByRole('dialog', { name: 'Import crimes' }).getByLabel('CSV files or zip').setInputFiles(file);
  await page.getByRole('region', { name: 'Preview' }).waitFor();
}

describe('importing crimes through the UI', () => {
  const app = useApp();

  it('builds the demo on first start from the bundled police.uk zip through the normal import, and says so', async () => {
    await app.page.getByRole('tab', { name: 'Imports' }).click();
    const note = app.page.getByLabel('Demo import');
    await expect.poll(() => note.textContent()).toContain('5 files, 78,812 records imported in');
    // Import time in the browser worker (a figure, not a timed assertion).
    console.log(`demo import in the browser worker: ${/imported in ([\d.]+) s/.exec((await note.textContent())!)![1]} s`);
    const history = app.page.getByRole('table', { name: 'Imports' });
    await expect(history.locator('tbody tr td:first-child').allTextContents()).resolves.toEqual([
      '2021-08-west-yorkshire-stop-and-search.csv (in west-yorkshire-demo-police-uk.zip)',
      '2014-11-west-yorkshire-street.csv (in west-yorkshire-demo-police-uk.zip)',
      '2014-10-west-yorkshire-street.csv (in west-yorkshire-demo-police-uk.zip)',
      '2014-09-west-yorkshire-street.csv (in west-yorkshire-demo-police-uk.zip)',
      '2014-08-west-yorkshire-street.csv (in west-yorkshire-demo-police-uk.zip)',
    ]);
    await app.page.getByRole('tab', { name: 'Wards' }).click();
  });

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

  it('imports every dropped file, not only the first, with a combined report', async () => {
    const lines = readFileSync(SAMPLE, 'utf8').split(/\r?\n/);
    // Two files of new records (Crime IDs changed so they are not duplicates of the sample) and a header-only file.
    const renumber = (l: string, k: number) => l.replace(/^[0-9a-f]{8}/, `d${k}`.padEnd(8, '0'));
    const a = [lines[0], ...lines.slice(1, 11).filter((l) => /^[0-9a-f]{8}/.test(l)).map((l) => renumber(l, 1))].join('\n');
    const b = [lines[0], ...lines.slice(11, 21).filter((l) => /^[0-9a-f]{8}/.test(l)).map((l) => renumber(l, 2))].join('\n');
    const rowsA = a.split('\n').length - 1, rowsB = b.split('\n').length - 1;
    const dt = await app.page.evaluateHandle(([x, y, h]) => {
      const d = new DataTransfer();
      d.items.add(new File([x], 'drop-a.csv', { type: 'text/csv' }));
      d.items.add(new File([y], 'drop-b.csv', { type: 'text/csv' }));
      d.items.add(new File([h], 'drop-header-only.csv', { type: 'text/csv' }));
      return d;
    }, [a, b, lines[0]!] as const);
    await app.page.locator('.app').dispatchEvent('dragover', { dataTransfer: dt });
    await app.page.locator('.app').dispatchEvent('drop', { dataTransfer: dt });
    const dialog = app.page.getByRole('dialog', { name: 'Import crimes' });
    await dialog.getByRole('region', { name: 'Files to import' }).waitFor();
    await dialog.getByRole('button', { name: 'Import 3 files' }).click();
    const combined = dialog.getByRole('region', { name: 'Combined import report' });
    await combined.waitFor({ timeout: 60_000 });
    const files = combined.getByRole('table', { name: 'Files' });
    await expect(files.locator('tbody tr td:first-child').allTextContents()).resolves.toEqual(['drop-a.csv', 'drop-b.csv', 'drop-header-only.csv']);
    await expect(files.locator('tbody tr td:nth-child(2)').allTextContents()).resolves.toEqual([
      'imported', 'imported', 'NOT imported: drop-header-only.csv: no rows: the file has a header and nothing else. Nothing was imported.',
    ]);
    await expect(files.locator('tfoot td[data-total="read"]').textContent()).resolves.toBe(String(rowsA + rowsB));
    await expect(files.locator('tfoot td[data-total="imported"]').textContent()).resolves.toBe(String(rowsA + rowsB));
    await app.page.screenshot({ path: 'tests/artifacts/import-multi-file.png' });
    // The Imports tab is already up to date, before the dialog is closed.
    await dialog.getByRole('button', { name: 'Done' }).click();
    await app.page.getByRole('tab', { name: 'Imports' }).click();
    const history = app.page.getByRole('table', { name: 'Imports' });
    await expect(history.locator('tbody tr td:first-child').allTextContents()).resolves.toEqual(expect.arrayContaining(['drop-a.csv', 'drop-b.csv']));
    await expect(history.getByText('drop-header-only.csv').count()).resolves.toBe(0);
    await app.page.getByRole('tab', { name: 'Wards' }).click();
  });

  it('imports a police.uk download zip member by member, skips outcomes, and an import can be removed again', async () => {
    const before = await wardTableTotal(app.page);
    const lines = readFileSync(SAMPLE, 'utf8').split(/\r?\n/);
    const street = [lines[0], ...lines.slice(21, 61).filter((l) => /^[0-9a-f]{8}/.test(l)).map((l) => l.replace(/^[0-9a-f]{8}/, 'e0e0e0e0').replace(',2018-05,', ',2018-06,'))];
    const outcomes = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n';
    const zipFile = path.join(dir, 'police-uk-download.zip');
    writeFileSync(zipFile, zipSync({ '2018-06': { '2018-06-west-yorkshire-street.csv': strToU8(street.join('\r\n')), '2018-06-west-yorkshire-outcomes.csv': strToU8(outcomes) } }));
    await app.page.getByRole('button', { name: 'Import…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Import crimes' });
    await dialog.getByLabel('CSV files or zip').setInputFiles(zipFile);
    await dialog.getByRole('button', { name: 'Import 1 file' }).click();
    const combined = dialog.getByRole('region', { name: 'Combined import report' });
    await combined.waitFor({ timeout: 60_000 });
    const files = combined.getByRole('table', { name: 'Files' });
    await expect(files.locator('tbody tr td:first-child').allTextContents()).resolves.toEqual([
      '2018-06-west-yorkshire-outcomes.csv (in police-uk-download.zip)', '2018-06-west-yorkshire-street.csv (in police-uk-download.zip)',
    ]);
    await expect(files.locator('tbody tr td:nth-child(2)').allTextContents()).resolves.toEqual(['skipped: outcomes file: not imported (not needed for hotspot analysis)', 'imported']);
    const imported = Number(await files.locator('tfoot td[data-total="imported"]').textContent());
    expect(imported).toBe(street.length - 1);
    await dialog.getByText(/Report for 2018-06-west-yorkshire-street\.csv/).click();
    const outside = Number((await dialog.getByRole('row', { name: /^Imported but outside/ }).locator('td').textContent())!.replace(/,/g, ''));
    await app.page.screenshot({ path: 'tests/artifacts/import-zip.png' });
    await dialog.getByRole('button', { name: 'Done' }).click();
    // The ward table spans the 12 months to the latest month (now Jun 2018), which still holds May.
    await expect.poll(() => wardTableTotal(app.page)).toBe(before + imported - outside);

    await app.page.getByRole('tab', { name: 'Imports' }).click();
    app.page.once('dialog', (d) => void d.accept());
    await app.page.getByRole('button', { name: 'Remove import of 2018-06-west-yorkshire-street.csv (in police-uk-download.zip)' }).click();
    const history = app.page.getByRole('table', { name: 'Imports' });
    await expect.poll(() => history.getByRole('row', { name: /2018-06-west-yorkshire-street/ }).textContent()).toMatch(/removed \d{4}-\d\d-\d\d: \d+ records taken out/);
    await app.page.getByRole('tab', { name: 'Wards' }).click();
    await expect.poll(() => wardTableTotal(app.page)).toBe(before);
  });

  it('imports a folder: its CSV and zip files, subfolders included, other files left out', async () => {
    const lines = readFileSync(SAMPLE, 'utf8').split(/\r?\n/);
    const folder = path.join(dir, 'download-folder');
    mkdirSync(path.join(folder, '2018-07'), { recursive: true });
    const july = [lines[0], ...lines.slice(61, 71).filter((l) => /^[0-9a-f]{8}/.test(l)).map((l) => l.replace(/^[0-9a-f]{8}/, 'f0f0f0f0').replace(',2018-05,', ',2018-07,'))];
    writeFileSync(path.join(folder, '2018-07', '2018-07-west-yorkshire-street.csv'), july.join('\n'));
    writeFileSync(path.join(folder, 'notes.docx'), 'not data');
    await app.page.getByRole('button', { name: 'Import…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Import crimes' });
    await dialog.getByLabel('Folder').setInputFiles(folder);
    await dialog.getByRole('button', { name: 'Import 1 file' }).click();
    const files = dialog.getByRole('region', { name: 'Combined import report' }).getByRole('table', { name: 'Files' });
    await files.waitFor({ timeout: 60_000 });
    await expect(files.locator('tbody tr td:first-child').allTextContents()).resolves.toEqual(['2018-07-west-yorkshire-street.csv']);
    await expect(files.locator('tfoot td[data-total="imported"]').textContent()).resolves.toBe(String(july.length - 1));
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('cancelling a large import keeps nothing of it', async () => {
    const header = readFileSync(SAMPLE, 'utf8').split('\n')[0];
    const rows: string[] = [header!];
    for (let i = 0; i < 300_000; i++) rows.push(`id${i},2019-0${1 + (i % 9)},West Yorkshire Police,West Yorkshire Police,-1.5${i % 1000},53.7${i % 997},On or near X,E01011000,Leeds 001A,Burglary,Under investigation,`);
    const big = path.join(dir, 'big.csv');
    writeFileSync(big, rows.join('\n'));
    const afterDrops = await wardTableTotal(app.page);
    await importViaDialog(app.page, big);
    const dialog = app.page.getByRole('dialog', { name: 'Import crimes' });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('button', { name: 'Cancel import' }).click();
    await app.page.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 60_000 });
    await expect(dialog.getByRole('heading', { level: 3 }).textContent()).resolves.toContain('cancelled');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => wardTableTotal(app.page)).toBe(afterDrops);
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

  it('imports a large police.uk file on the engine\'s row-splitting worker, every row accounted for', async () => {
    // 32 copies of the real sample, each row with a Crime ID of its own: ~10 MB, over the size
    // from which the engine splits rows on a second worker (SPLIT_MIN_BYTES).
    const [header, ...sample] = readFileSync(SAMPLE, 'utf8').split(/\r?\n/).filter(Boolean);
    const lines = [header!];
    let n = 0;
    for (let copy = 0; copy < 32; copy++) {
      for (const line of sample) {
        const f = line.split(',');
        // A Crime ID is keyed by its first 16 digits (they differ between real IDs); a month no
        // other test imports, so no row is a duplicate of theirs.
        if (f[0]) f[0] = (++n).toString(16).padStart(16, '0') + f[0].slice(16);
        f[1] = '2016-01';
        lines.push(f.join(','));
      }
    }
    const big = path.join(dir, 'large-street.csv');
    writeFileSync(big, lines.join('\n') + '\n');
    await importViaDialog(app.page, big);
    const dialog = app.page.getByRole('dialog', { name: 'Import crimes' });
    const started: string[] = [];
    const onWorker = (w: { url(): string }) => void started.push(w.url());
    app.page.on('worker', onWorker);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await app.page.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 60_000 });
    app.page.off('worker', onWorker);
    await expect(total(app.page, 'Rows read').textContent()).resolves.toBe('51,552');
    await expect(total(app.page, 'Imported').first().textContent()).resolves.toBe('51,552');
    await expect(total(app.page, 'Rejected').textContent()).resolves.toBe('0');
    await expect(total(app.page, 'Imported but outside').textContent()).resolves.toBe('192');
    // Split on the row-splitting worker (without it the engine reads on its own thread), which
    // the engine stops once the import is over.
    expect(started.some((u) => /rowSplitter\.worker/.test(u))).toBe(true);
    await expect.poll(() => app.page.workers().some((w) => /rowSplitter\.worker/.test(w.url()))).toBe(false);
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('raised no errors and made no external requests', () => {
    expect(app.errors).toEqual([]);
  });
});
