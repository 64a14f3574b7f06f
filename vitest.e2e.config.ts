import { defineConfig } from 'vitest/config';

// End-to-end: build the renderer once, serve it on localhost, drive headless Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // One Chromium at a time: the machines have 2 cores and WebGL runs in software.
    fileParallelism: false,
  },
});
