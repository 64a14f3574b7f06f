#!/usr/bin/env node
// `npm test`: type-check, import rules between folders (layers), ESLint, unit tests, Electron security scan, end-to-end tests in Chromium.
// Runs every stage even after a failure (so one run shows everything), then prints one
// closing line "tests: N passed, N failed" and exits non-zero if anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.join(root, 'tests/artifacts');
mkdirSync(artifacts, { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let passed = 0;
let failed = 0;
const failures = [];

function stage(name, cmd, args, jsonReport) {
  const t0 = Date.now();
  if (jsonReport) rmSync(jsonReport, { force: true });
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (jsonReport && existsSync(jsonReport)) {
    const j = JSON.parse(readFileSync(jsonReport, 'utf8'));
    passed += j.numPassedTests ?? 0;
    failed += j.numFailedTests ?? 0;
    // A suite that fails to load fails no test but still fails the stage: count it once.
    if (r.status !== 0 && !j.numFailedTests) failed += 1;
  } else if (r.status === 0) {
    passed += 1;
  } else {
    failed += 1;
  }
  if (r.status !== 0) failures.push(name);
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${secs} s ===`);
}

/**
 * The static checks run side by side (each is one or two single-threaded Node processes and
 * they share no files), their output printed whole as each finishes: ~30 s less than in turn.
 */
async function staticStages(list) {
  await Promise.all(list.map(([name, cmd, args]) => new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, { cwd: root, env: process.env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(`\n=== ${name} ===\n${out.trimEnd()}\n=== ${name}: ${code === 0 ? 'ok' : 'FAILED'} in ${secs} s ===`);
      if (code === 0) passed += 1;
      else {
        failed += 1;
        failures.push(name);
      }
      resolve();
    });
  })));
}

const only = process.argv.slice(2);
const want = (s) => only.length === 0 || only.includes(s);
await staticStages([
  ['typecheck', 'node', ['scripts/typecheck.mjs']],
  ['layers', npx, ['depcruise', '.']],
  ['lint', npx, ['eslint', '.', '--max-warnings', '0']],
].filter(([name]) => want(name)));
if (want('unit')) {
  const out = path.join(artifacts, 'unit.json');
  stage('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], out);
}
if (want('security')) stage('electronegativity', 'node', ['scripts/electronegativity.mjs']);
if (want('e2e')) {
  const out = path.join(artifacts, 'e2e.json');
  stage('end-to-end tests', npx, ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], out);
}

if (failures.length) console.log(`\nFailed stages: ${failures.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
