import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, promises as fsp, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atomicWrite } from '../../../node/atomicWrite';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsxLoader = createRequire(import.meta.url).resolve('tsx');
const SIZE = 8 * 1024 * 1024;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hp-atomic-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** The file is whole: exactly SIZE bytes, all one fill, and a fill one of the versions used. */
function assertWholeVersion(file: string, allowed: number[]): number {
  const bytes = readFileSync(file);
  expect(bytes.length).toBe(SIZE);
  const fill = bytes[0]!;
  expect(allowed).toContain(fill);
  // Any byte differing from the first means a torn write.
  expect(bytes.every((b) => b === fill)).toBe(true);
  return fill;
}

function runChildUntilKilled(target: string, killAfterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'atomicSaveChild.mjs'), [target, String(SIZE)], {
      execArgv: ['--import', tsxLoader],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('message', (m) => {
      if (m === 'saved-twice') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`child exited early (${code}): ${stderr}`));
    });
  });
}

describe('atomicWrite', () => {
  it('replaces the content and leaves no temp file', async () => {
    const target = path.join(dir, 'p.hotspot');
    writeFileSync(target, 'old');
    await atomicWrite(target, new TextEncoder().encode('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['p.hotspot']);
  });

  it.runIf(process.platform !== 'win32')(
    'a process SIGKILLed while saving leaves the old or the new file, byte for byte, never a partial one',
    async () => {
      const target = path.join(dir, 'plan.hotspot');
      const seen = new Set<number>();
      // Kill at different moments within the write/fsync/rename cycle.
      for (const delay of [0, 3, 7, 13, 21, 34]) {
        await runChildUntilKilled(target, delay);
        seen.add(assertWholeVersion(target, [0xa1, 0xb2]));
        // Temp files of a killed save may remain (nothing can clean up after SIGKILL), but they
        // are hidden dot-files next to the target, never the target itself.
        for (const f of readdirSync(dir).filter((f) => f !== 'plan.hotspot')) {
          expect(f).toMatch(/^\.plan\.hotspot\.tmp-\d+-[0-9a-f]{8}$/);
        }
      }
      expect(seen.size).toBeGreaterThan(0);
    },
  );

  it('a failure before the rename leaves the old file and no temp file', async () => {
    const target = path.join(dir, 'plan.hotspot');
    writeFileSync(target, 'the old project');
    const rename = vi.spyOn(fsp, 'rename').mockRejectedValueOnce(Object.assign(new Error('EXDEV simulated'), { code: 'EXDEV' }));
    await expect(atomicWrite(target, new Uint8Array(SIZE).fill(7))).rejects.toThrow('EXDEV simulated');
    expect(rename).toHaveBeenCalledTimes(1);
    expect(readFileSync(target, 'utf8')).toBe('the old project');
    expect(readdirSync(dir)).toEqual(['plan.hotspot']);
  });

  it('a failure while writing the temp file leaves the old file and no temp file', async () => {
    const target = path.join(dir, 'plan.hotspot');
    writeFileSync(target, 'the old project');
    const open = fsp.open.bind(fsp);
    vi.spyOn(fsp, 'open').mockImplementationOnce(async (...args: Parameters<typeof fsp.open>) => {
      const handle = await open(...args);
      vi.spyOn(handle, 'sync').mockRejectedValueOnce(Object.assign(new Error('EIO simulated'), { code: 'EIO' }));
      return handle;
    });
    await expect(atomicWrite(target, new Uint8Array(1024).fill(1))).rejects.toThrow('EIO simulated');
    expect(readFileSync(target, 'utf8')).toBe('the old project');
    expect(readdirSync(dir)).toEqual(['plan.hotspot']);
  });

  it('creates the file when there was none, and fails cleanly into a missing folder', async () => {
    const target = path.join(dir, 'fresh.hotspot');
    await atomicWrite(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    await expect(atomicWrite(path.join(dir, 'nope', 'x.hotspot'), new Uint8Array(1))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(path.join(dir, 'nope'))).toBe(false);
  });
});
