#!/usr/bin/env node
// `npm run typecheck`: checks each folder's TypeScript project (the references of the root
// tsconfig.json), two at a time. Each project is checked with `tsc -p` and its incremental
// build info, which notices a change in any file the project reads (shared/ files included);
// `tsc -b` would not, because it only compares the times of a project's own folder.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const solution = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
if (solution.error) throw new Error(ts.flattenDiagnosticMessageText(solution.error.messageText, '\n'));
const projects = solution.config.references.map((r) => r.path);
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

function check(project) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project], { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      process.stdout.write(`${code === 0 ? 'ok' : 'FAILED'}  ${project} (${secs} s)\n${out}`);
      resolve(code === 0);
    });
  });
}

const queue = [...projects];
let ok = true;
await Promise.all(
  [0, 1].map(async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) ok = (await check(p)) && ok;
  }),
);
process.exit(ok ? 0 : 1);
