import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp } from './browser';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-harm-'));

describe('harm schemes and category sets are editable and stored in the project', () => {
  const app = useApp();

  it('shows the CCHI category weights labelled as derived averages, and saves an edit', async () => {
    await app.page.getByRole('tab', { name: 'Harm' }).click();
    const schemes = app.page.getByRole('region', { name: 'Harm schemes' });
    await expect(schemes.getByLabel('Scheme to edit').locator('option:checked').textContent()).resolves.toContain('CCHI, derived category averages');
    const robbery = schemes.getByLabel('Weight for Robbery');
    await expect(robbery.inputValue()).resolves.toBe('365');
    await robbery.fill('400');
    await schemes.getByRole('button', { name: 'Save weights' }).click();
    await expect.poll(() => schemes.getByRole('status').last().textContent()).toMatch(/^Saved \d+ weights\.$/);
    await expect.poll(() => app.page.getByLabel('Project name').textContent()).toContain('•');
  });

  it('adds an offence-code scheme from a CSV, reporting bad rows by line instead of weighting them 0', async () => {
    const csv = path.join(dir, 'css.csv');
    writeFileSync(csv, 'Offence code,Severity score\n1,8000\n034B,1200\n8N,\n5A,abc\n');
    const schemes = app.page.getByRole('region', { name: 'Harm schemes' });
    await schemes.getByLabel('New scheme name').fill('ONS CSS (test)');
    await schemes.getByRole('button', { name: 'Add scheme' }).click();
    await expect.poll(() => schemes.getByLabel('Scheme to edit').locator('option:checked').textContent()).toContain('ONS CSS (test)');
    await schemes.getByLabel('Weights CSV').setInputFiles(csv);
    const parsed = schemes.locator('.parse-result');
    await expect.poll(() => parsed.textContent()).toContain('4 rows read');
    await expect(parsed.textContent()).resolves.toContain('2 weights, 2 problems');
    await expect(parsed.locator('li').allTextContents()).resolves.toEqual([expect.stringMatching(/^line 4: /), expect.stringMatching(/^line 5: /)]);
    await parsed.getByRole('button', { name: 'Use these weights' }).click();
    await expect.poll(() => schemes.getByRole('table', { name: 'Weights' }).locator('tbody tr td:first-child').allTextContents()).toEqual(['1', '34B']);
  });

  it('creates a category set that the hotspot analysis can use', async () => {
    const sets = app.page.getByRole('region', { name: 'Category sets' });
    await sets.getByRole('button', { name: 'New set' }).click();
    const form = app.page.getByRole('form', { name: 'Category set New set' });
    await form.getByLabel('Set name').fill('Burglary only');
    await form.getByRole('checkbox', { name: 'Burglary' }).check();
    await form.getByRole('button', { name: 'Save set' }).click();
    await expect.poll(() => sets.getByRole('button', { name: 'Burglary only' }).count()).toBe(1);
    await app.page.getByRole('tab', { name: 'Hotspots' }).click();
    await expect.poll(() => app.page.getByLabel('Category set').locator('option').allTextContents()).toContain('Burglary only');
  });

  it('asks before discarding unsaved edits, and keeps them when the user says no', async () => {
    const page = app.page;
    let message = '';
    page.once('dialog', (d) => {
      message = d.message();
      void d.dismiss();
    });
    await page.getByRole('button', { name: 'Demo', exact: true }).click();
    await expect.poll(() => message).toBe('"West Yorkshire demo (police.uk, Aug-Nov 2014 street crime; stop and search Aug 2021)" has unsaved changes. Discard them?');
    await page.getByRole('tab', { name: 'Harm' }).click();
    await expect(page.getByRole('region', { name: 'Category sets' }).getByRole('button', { name: 'Burglary only' }).count()).resolves.toBe(1);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Demo', exact: true }).click();
    // Rebuilding the whole-force demo takes several seconds.
    await expect.poll(() => page.getByRole('region', { name: 'Category sets' }).getByRole('button', { name: 'Burglary only' }).count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => page.getByLabel('Project name').textContent()).not.toContain('•');
  });

  it('raised no errors', () => {
    expect(app.errors).toEqual([]);
  });
});
