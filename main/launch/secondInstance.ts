import path from 'node:path';
import { PROJECT_EXTENSION } from '../ipc/limits';
import { projectPathFromArgv } from './projectPaths';

/**
 * The .hotspot path a second instance was started with. additionalData carries it exactly
 * (argv may be reordered or extended by Chromium); argv is the fallback, for instances started
 * by an older build or a launcher that drops the data.
 */
export function secondInstancePath(additionalData: unknown, argv: readonly string[], cwd: string): string | null {
  if (typeof additionalData === 'object' && additionalData !== null) {
    const p = (additionalData as { openPath?: unknown }).openPath;
    if (
      typeof p === 'string' &&
      !p.includes('\0') &&
      path.isAbsolute(p) &&
      path.extname(p).toLowerCase() === `.${PROJECT_EXTENSION}`
    ) {
      return p;
    }
  }
  return projectPathFromArgv(argv, cwd);
}
