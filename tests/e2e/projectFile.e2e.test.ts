import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProjectFile } from '../../cli/projectFile';
import { projectSummary } from '../../shared/project/projectSummary';
import { useApp, wardTableTotal } from './browser';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-files-'));

describe('projects: new, open, save in browser mode', () => {
  const app = useApp();

  it('New gives the West Yorkshire wards with no crimes', async () => {
    await app.page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => app.page.getByLabel('Project name').textContent()).toContain('Untitled project');
    await expect.poll(() => wardTableTotal(app.page)).toBe(0);
    // The ward table needs a period, and an empty project has none: it says what to do instead.
    await expect.poll(() => app.page.getByRole('alert').textContent()).toBe('The project has no crimes and no ward counts: import some before building the ward table.');
  });

  it('opens the project the CLI wrote, and saves it back out with the same contents', async () => {
    execFileSync(path.resolve('node_modules/.bin/tsx'), ['cli/cli.ts', 'demo', '--out', dir]);
    const chooser = app.page.waitForEvent('filechooser');
    await app.page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles(path.join(dir, 'demo.hotspot'));
    await expect.poll(() => app.page.getByLabel('Project name').textContent()).toContain('West Yorkshire demo');
    // The demo's 76,204 records placed in a ward (tests/golden/demo_ward_counts.py); opening 77,500 records takes a few seconds.
    await expect.poll(() => wardTableTotal(app.page), { timeout: 60_000 }).toBe(76204);

    const download = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = path.join(dir, 'saved.hotspot');
    await (await download).saveAs(saved);
    const s = projectSummary(await openProjectFile(saved));
    expect([s.crimes, s.areas, s.outOfArea, s.stopSearches]).toEqual([77500, 124, 25, 1312]);
  });

  it('refuses a file that is not a project with a message naming it', async () => {
    const bad = path.join(dir, 'not-a-project.hotspot');
    writeFileSync(bad, 'Crime ID,Month\n'.repeat(50));
    const chooser = app.page.waitForEvent('filechooser');
    await app.page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles(bad);
    await expect.poll(() => app.page.getByRole('alert').textContent()).toBe('not-a-project.hotspot is not a Hotspot Planner project (not an SQLite file).');
    // The open project is untouched.
    await expect.poll(() => wardTableTotal(app.page)).toBe(76204);
  });
});
