import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openProjectFile } from '../../cli/projectFile';
import { projectSummary } from '../../shared/project/projectSummary';
import { launch, waitForApp } from './browser';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-files-'));

async function tableTotal(page: Page): Promise<number> {
  const counts = await page.getByRole('table', { name: 'Wards', exact: true }).locator('tr.ward-row td:nth-child(3)').allTextContents();
  return counts.reduce((s, c) => s + Number(c.replace(/,/g, '')), 0);
}

describe('projects: new, open, save in browser mode', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await launch());
    await page.goto(inject('baseUrl'));
    await waitForApp(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('New gives the West Yorkshire wards with no crimes', async () => {
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => page.getByLabel('Project name').textContent()).toContain('Untitled project');
    await expect.poll(() => tableTotal(page)).toBe(0);
    // The ward table needs a period, and an empty project has none: it says what to do instead.
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The project has no crimes: import some before building the ward table.');
  });

  it('opens the project the CLI wrote, and saves it back out with the same contents', async () => {
    execFileSync(path.resolve('node_modules/.bin/tsx'), ['cli/cli.ts', 'demo', '--out', dir]);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles(path.join(dir, 'demo.hotspot'));
    await expect.poll(() => page.getByLabel('Project name').textContent()).toContain('West Yorkshire demo');
    await expect.poll(() => tableTotal(page)).toBe(1605);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = path.join(dir, 'saved.hotspot');
    await (await download).saveAs(saved);
    const s = projectSummary(await openProjectFile(saved));
    expect([s.crimes, s.areas, s.outOfArea]).toEqual([1611, 124, 6]);
  });

  it('refuses a file that is not a project with a message naming it', async () => {
    const bad = path.join(dir, 'not-a-project.hotspot');
    writeFileSync(bad, 'Crime ID,Month\n'.repeat(50));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles(bad);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('not-a-project.hotspot is not a Hotspot Planner project (not an SQLite file).');
    // The open project is untouched.
    await expect.poll(() => tableTotal(page)).toBe(1605);
  });
});
