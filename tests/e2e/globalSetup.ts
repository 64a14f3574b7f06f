import type { TestProject } from 'vitest/node';
import { serveWeb } from '../../scripts/web.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the renderer (production build, the one users get) and serves it on 127.0.0.1. */
export default async function setup(project: TestProject) {
  const { url, close } = await serveWeb({ port: 5199, build: true });
  project.provide('baseUrl', url);
  return async () => {
    await close();
  };
}
