import type { TestProject } from 'vitest/node';
import { serveWeb } from '../../scripts/web.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the renderer (a production build plus the map test hook) and serves it on 127.0.0.1. */
export default async function setup(project: TestProject) {
  // The test hook window.hotspotMap (map state for assertions) is compiled in only with this flag.
  process.env.HOTSPOT_TEST_HOOKS = '1';
  const { url, close } = await serveWeb({ port: 5199, build: true });
  delete process.env.HOTSPOT_TEST_HOOKS;
  project.provide('baseUrl', url);
  return async () => {
    await close();
  };
}
