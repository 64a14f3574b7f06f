// Import rules between the app's folders (`npm run layers`, a stage of `npm test`).
// shared/ runs in the worker, the CLI and vitest, so it depends on nothing platform-specific;
// Electron stays at the main-process edge; the page never reaches Node. node/ holds the
// Node-only helpers that main/ and cli/ share (the atomic write).
const NODE_BUILTIN = { dependencyTypes: ['core'] };
const ELECTRON = '^node_modules/electron/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-no-other-folder',
      comment: 'shared/ is pure TypeScript used by the worker, the CLI and tests: it may not import any other folder of the app.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(main|renderer|cli|bench|scripts|tests|node)/' },
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'shared/ also runs in the Web Worker: no Node built-in modules (fs, path, node:*...).',
      severity: 'error',
      from: { path: '^shared/' },
      to: NODE_BUILTIN,
    },
    {
      name: 'electron-only-in-main',
      comment: 'Electron is the desktop shell: only main/ (which holds the preload) imports it; tests of main/ may use its types.',
      severity: 'error',
      from: { pathNot: '^(main|tests)/' },
      to: { path: ELECTRON },
    },
    {
      name: 'electron-at-the-edge',
      comment: 'Inside main/ only the edge (main.ts, preload.ts, electronAdapters.ts) imports electron at run time, so the rest is testable in plain Node; type imports are fine.',
      severity: 'error',
      from: { path: '^main/', pathNot: '^main/(main|preload|electronAdapters)\\.ts$' },
      to: { path: ELECTRON, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-no-node-builtins',
      comment: 'renderer/ runs in the page and its Web Workers: no Node built-in modules.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: NODE_BUILTIN,
    },
    {
      name: 'renderer-not-to-node-side',
      comment: 'renderer/ reaches the desktop only through the preload API (shared/desktopApi.ts), never main/, cli/ or node/ code.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(main|cli|node)/' },
    },
    {
      name: 'main-not-to-renderer',
      comment: 'The main process serves the renderer\'s built files; it never imports its code.',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: '^(renderer|cli)/' },
    },
    {
      name: 'cli-not-to-app',
      comment: 'The CLI shares code with the app through shared/ and node/ only, never renderer/ or main/.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: '^(renderer|main)/' },
    },
    {
      // SQL belongs to the storage layer: shared/repository (and the session, which owns the
      // open database), the worker's engine, the MBTiles reader, and the Node-side tools.
      name: 'sql-js-only-in-storage',
      comment: 'sql.js is imported only in shared/repository/, shared/session/, renderer/engine/, renderer/map/mbtiles*, cli/, bench/, tests/ and scripts/.',
      severity: 'error',
      from: {
        pathNot:
          '^(shared/(repository|session)/|renderer/engine/|renderer/map/mbtiles|cli/|bench/|tests/|scripts/)',
      },
      to: { path: '^node_modules/sql\\.js/' },
    },
  ],
  options: {
    // `depcruise .` then covers every source folder, node/ included once it exists.
    exclude: { path: '^(dist|release|fixtures|tests/artifacts|\\.git)/' },
    doNotFollow: { path: 'node_modules' },
    // `import type` counts: a type import still ties the folders together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.mts', '.d.mts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
