// Types for scripts/start.mjs (plain ESM so `npm start` needs no TypeScript step).
export type StartFacts = {
  platform: string;
  env: Record<string, string | undefined>;
  isRoot: boolean;
  forceWeb: boolean;
  electron: 'present' | 'missing' | 'install-failed';
  installError?: string;
};
export type StartDecision = { action: 'electron' } | { action: 'install-electron' } | { action: 'web'; reason: string };
export function decideStart(f: StartFacts): StartDecision;
export function fallbackMessage(reason: string): string;
export function electronBinary(dir?: string): string | null;
export function start(argv?: string[]): Promise<number>;
