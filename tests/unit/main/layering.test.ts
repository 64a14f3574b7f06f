import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const mainDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../main');
const files = readdirSync(mainDir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.split(path.sep).join('/'));
const source = (f: string) => readFileSync(path.join(mainDir, f), 'utf8');

// Only these files touch Electron at run time; everything else is testable in plain Node.
const EDGE = new Set(['main.ts', 'preload.ts', 'electronAdapters.ts']);

describe('main/ layering', () => {
  it('imports electron (other than types) only at the edge', () => {
    const offenders = files.filter((f) => !EDGE.has(f) && /^import\s+(?!type\b)[^;]*from\s+['"]electron['"]/m.test(source(f)));
    expect(offenders).toEqual([]);
  });

  it('keeps every module small', () => {
    const big = files.filter((f) => source(f).split('\n').length >= 200);
    expect(big).toEqual([]);
  });

  it('names no remote host in app code', () => {
    const remote = files.filter((f) => /\b(https?|wss?):\/\/(?!localhost)/.test(source(f)));
    expect(remote).toEqual([]);
  });
});
