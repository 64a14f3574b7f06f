import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideStart, electronBinary, fallbackMessage, type StartFacts } from '../../../scripts/start.mjs';

const base: StartFacts = { platform: 'linux', env: { DISPLAY: ':0' }, isRoot: false, forceWeb: false, electron: 'present' };

describe('decideStart', () => {
  it('launches Electron when it is present and there is a display', () => {
    expect(decideStart(base)).toEqual({ action: 'electron' });
    expect(decideStart({ ...base, env: { WAYLAND_DISPLAY: 'wayland-0' } })).toEqual({ action: 'electron' });
  });

  it('tries to install a missing binary, then falls back with the reason', () => {
    expect(decideStart({ ...base, electron: 'missing' })).toEqual({ action: 'install-electron' });
    const d = decideStart({ ...base, electron: 'install-failed', installError: 'getaddrinfo ENOTFOUND' });
    expect(d).toEqual({ action: 'web', reason: expect.stringMatching(/could not be downloaded \(getaddrinfo ENOTFOUND\)/) });
  });

  it('serves the browser mode on Linux without a display, without trying a download first', () => {
    for (const electron of ['present', 'missing'] as const) {
      const d = decideStart({ ...base, env: {}, electron });
      expect(d).toEqual({ action: 'web', reason: expect.stringMatching(/no graphical display/) });
    }
  });

  it('needs no DISPLAY on Windows and macOS', () => {
    expect(decideStart({ ...base, platform: 'win32', env: {} })).toEqual({ action: 'electron' });
    expect(decideStart({ ...base, platform: 'darwin', env: {}, electron: 'missing' })).toEqual({ action: 'install-electron' });
  });

  it('will not run Electron as root on Linux (that needs --no-sandbox)', () => {
    expect(decideStart({ ...base, isRoot: true })).toEqual({ action: 'web', reason: expect.stringMatching(/root/) });
  });

  it('honours --web', () => {
    expect(decideStart({ ...base, forceWeb: true })).toEqual({ action: 'web', reason: expect.stringMatching(/--web/) });
  });
});

describe('fallbackMessage', () => {
  it('is one paragraph that gives the reason and says the browser mode is being served', () => {
    const m = fallbackMessage('there is no graphical display');
    expect(m).not.toContain('\n');
    expect(m).toMatch(/cannot open as a desktop app here because there is no graphical display\./);
    expect(m).toMatch(/Serving the browser mode instead/);
  });
});

describe('electronBinary', () => {
  it('finds the binary named by path.txt, and nothing when it is absent', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hp-electron-'));
    try {
      expect(electronBinary(dir)).toBeNull();
      writeFileSync(path.join(dir, 'path.txt'), 'electron');
      expect(electronBinary(dir)).toBeNull();
      mkdirSync(path.join(dir, 'dist'));
      writeFileSync(path.join(dir, 'dist', 'electron'), '');
      expect(electronBinary(dir)).toBe(path.join(dir, 'dist', 'electron'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
