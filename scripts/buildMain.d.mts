// Types for scripts/buildMain.mjs (plain ESM so Node runs it without a TypeScript step).
export function buildMain(opts?: {
  root?: string;
  outDir?: string;
  minify?: boolean;
  logLevel?: 'verbose' | 'debug' | 'info' | 'warning' | 'error' | 'silent';
}): Promise<{ main: string; preload: string }>;
