#!/usr/bin/env node
// `npm test`: type-check, import rules between folders (layers), ESLint, unit tests, Electron security scan, end-to-end tests in Chromium.
// Runs every stage even after a failure (so one run shows everything), then prints one
// closing line "tests: N passed, N failed" and exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
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

const only = process.argv.slice(2);
const want = (s) => only.length === 0 || only.includes(s);
if (want('typecheck')) stage('typecheck', 'node', ['scripts/typecheck.mjs']);
if (want('layers')) stage('layers', npx, ['depcruise', '.']);
if (want('lint')) stage('lint', npx, ['eslint', '.', '--max-warnings', '0']);
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
