// Bundles the Electron main process and preload with esbuild.
//   main/main.ts    -> dist/main/main.cjs     (package.json "main")
//   main/preload.ts -> dist/main/preload.cjs  (sandboxed: one CJS file requiring only 'electron')
// Usage: `node scripts/buildMain.mjs` or `import { buildMain } from './buildMain.mjs'`.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds both bundles. `root` defaults to the repository; `outDir` to <root>/dist/main.
 * Resolves with the output paths; rejects (with esbuild's messages) on any error.
 * @param {{ root?: string, outDir?: string, minify?: boolean, logLevel?: import('esbuild').LogLevel }} [opts]
 */
export async function buildMain(opts = {}) {
  const root = opts.root ?? repoRoot;
  const outDir = opts.outDir ?? path.join(root, 'dist', 'main');
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: /** @type {const} */ ('node'),
    format: /** @type {const} */ ('cjs'),
    target: 'node22', // Electron 45 ships Node 22.
    sourcemap: /** @type {const} */ ('linked'),
    minify: opts.minify ?? false,
    logLevel: opts.logLevel ?? 'warning',
    legalComments: /** @type {const} */ ('none'),
    // No process.env reads survive into the app: the one switch is decided at run time by app.isPackaged.
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  const mainOut = path.join(outDir, 'main.cjs');
  const preloadOut = path.join(outDir, 'preload.cjs');
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(root, 'main', 'main.ts')],
      outfile: mainOut,
      // Node built-ins come from Electron's Node; electron from the runtime.
      external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'main', 'preload.ts')],
      outfile: preloadOut,
      // A sandboxed preload may require only a few modules; everything else must be bundled,
      // and any node: import would fail at run time, so none is allowed to resolve as external.
      external: ['electron'],
      platform: 'browser',
      mainFields: ['browser', 'module', 'main'],
    }),
  ]);
  return { main: mainOut, preload: preloadOut };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildMain({ logLevel: 'info' }).then(
    (out) => console.log(`Built ${path.relative(repoRoot, out.main)} and ${path.relative(repoRoot, out.preload)}`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
