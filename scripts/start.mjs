#!/usr/bin/env node
// `npm start`: builds, then opens the desktop app, or the browser mode when Electron cannot run
// here (no binary and it cannot be fetched, no display, or running as root on Linux).
// The choice is made by decideStart(), a pure function with unit tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const INSTALL_TIMEOUT_MS = 60_000;

/**
 * What to do next, from facts gathered about this machine. Pure.
 * @param {{
 *   platform: string,
 *   env: Record<string, string | undefined>,
 *   isRoot: boolean,
 *   forceWeb: boolean,
 *   electron: 'present' | 'missing' | 'install-failed',
 *   installError?: string,
 * }} f
 * @returns {{ action: 'electron' } | { action: 'install-electron' } | { action: 'web', reason: string }}
 */
export function decideStart(f) {
  if (f.forceWeb) return { action: 'web', reason: 'you asked for the browser mode (--web)' };
  if (f.platform === 'linux' && !f.env.DISPLAY && !f.env.WAYLAND_DISPLAY) {
    return { action: 'web', reason: 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  if (f.platform === 'linux' && f.isRoot) {
    // Chromium refuses to run as root unless its sandbox is turned off, and the sandbox is part
    // of this app's security baseline, so we do not pass --no-sandbox.
    return { action: 'web', reason: 'it is running as root, and Electron would need its sandbox switched off to run as root' };
  }
  if (f.electron === 'present') return { action: 'electron' };
  if (f.electron === 'missing') return { action: 'install-electron' };
  const detail = f.installError ? ` (${f.installError})` : '';
  return { action: 'web', reason: `the Electron runtime is not installed and could not be downloaded${detail}` };
}

/** The paragraph printed before falling back to the browser mode. */
export function fallbackMessage(reason) {
  return (
    `Hotspot Planner cannot open as a desktop app here because ${reason}. ` +
    'Serving the browser mode instead: open the address printed below in Chrome, Edge or Firefox on this ' +
    'computer. It is the same app and it runs entirely on this machine (the server listens on 127.0.0.1 only ' +
    'and nothing is sent anywhere); projects and exports are opened and saved through the browser. ' +
    'To get the desktop app, run `npm start` on a machine with a display, or install a packaged build from `npm run dist`.'
  );
}

/** Path of the Electron executable if the npm package has its binary, else null. */
export function electronBinary(dir = electronDir) {
  try {
    const rel = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return rel && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

async function build() {
  const file = path.join(root, 'scripts', 'build.mjs');
  if (!existsSync(file)) {
    console.warn('scripts/build.mjs not found: building only the main process.');
    const { buildMain } = await import('./buildMain.mjs');
    await buildMain();
    return;
  }
  const mod = await import(pathToFileURL(file).href);
  if (typeof mod.default === 'function') {
    await mod.default();
    return;
  }
  const r = spawnSync(process.execPath, [file], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`node scripts/build.mjs failed (exit ${r.status ?? r.signal})`);
}

/** Runs electron's own install.js (it downloads the binary); returns an error text or null. */
function installElectron() {
  console.log('The Electron runtime is missing; trying to download it (up to 60 s)...');
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    timeout: INSTALL_TIMEOUT_MS,
    encoding: 'utf8',
  });
  if (r.error?.code === 'ETIMEDOUT') return 'the download timed out after 60 s';
  if (r.error) return r.error.message;
  if (r.status !== 0) {
    const lines = `${r.stderr ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
    return lines.find((l) => /error/i.test(l))?.replace(/^\w*Error:\s*/, '') ?? lines[0] ?? `install.js exited with ${r.status}`;
  }
  return electronBinary() ? null : 'install.js finished but no binary appeared';
}

/** Runs a child with the terminal, forwards Ctrl+C, and resolves with its exit code. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (e) => {
      console.error(e.message);
      resolve(1);
    });
  });
}

export async function start(argv = process.argv.slice(2)) {
  await build();
  const facts = {
    platform: process.platform,
    env: process.env,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    forceWeb: argv.includes('--web'),
    electron: electronBinary() ? 'present' : 'missing',
  };
  let decision = decideStart(facts);
  if (decision.action === 'install-electron') {
    const error = installElectron();
    decision = decideStart({ ...facts, electron: error ? 'install-failed' : 'present', installError: error ?? undefined });
  }
  if (decision.action === 'electron') {
    const bin = electronBinary();
    if (bin) return run(bin, [root, ...argv.filter((a) => a !== '--web')]);
    decision = { action: 'web', reason: 'the Electron runtime disappeared after install' };
  }
  if (decision.action !== 'web') throw new Error(`unexpected start decision ${decision.action}`);
  console.log(`\n${fallbackMessage(decision.reason)}\n`);
  return run(process.execPath, [path.join(root, 'scripts', 'web.mjs'), '--no-build']);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  start().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
