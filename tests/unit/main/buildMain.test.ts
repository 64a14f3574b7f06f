import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMain } from '../../../scripts/buildMain.mjs';

const outDir = mkdtempSync(path.join(tmpdir(), 'hp-buildmain-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const requires = (file: string) => [...readFileSync(file, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!);

describe('buildMain', () => {
  it('bundles main and a preload that requires nothing but electron', async () => {
    const out = await buildMain({ outDir, logLevel: 'silent' });
    expect(out).toEqual({ main: path.join(outDir, 'main.cjs'), preload: path.join(outDir, 'preload.cjs') });

    // A sandboxed preload can require only a handful of modules; ours needs only electron.
    expect(new Set(requires(out.preload))).toEqual(new Set(['electron']));
    const preload = readFileSync(out.preload, 'utf8');
    expect(preload).toContain('exposeInMainWorld("hotspot"');
    expect(preload).not.toMatch(/\bimport\s/);

    // Main is CJS with electron and Node built-ins left to the runtime, everything else bundled.
    const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const mainRequires = requires(out.main);
    expect(mainRequires).toContain('electron');
    for (const r of mainRequires) expect(allowed.has(r), r).toBe(true);
  });
});
