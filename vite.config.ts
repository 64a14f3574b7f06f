import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY_META } from './shared/security/csp.ts';

/**
 * The same policy the Electron shell sends as a header goes into a <meta> tag, so browser
 * mode is held to it too. Dev server is exempt: Vite's HMR needs inline styles.
 */
function cspMeta(): Plugin {
  return {
    name: 'hotspot-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' },
    ],
  };
}

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root: 'renderer',
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    // window.hotspotMap (renderer/map/mapController.ts) exists only in the build the e2e tests serve.
    __TEST_HOOKS__: JSON.stringify(process.env.HOTSPOT_TEST_HOOKS === '1'),
  },
  base: './',
  plugins: [react(), cspMeta()],
  // Fixture files are fetched as separate assets; inlining them as data: URLs would bloat JS.
  assetsInclude: ['**/*.geojson'],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', strictPort: true },
});
