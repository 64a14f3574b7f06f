import * as Comlink from 'comlink';
import type { Engine } from './engine.worker';

/** The UI's handle on the engine worker; every call is async and runs off the UI thread. */
export function startEngine(): Comlink.Remote<Engine> {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  return Comlink.wrap<Engine>(worker);
}

export type EngineClient = Comlink.Remote<Engine>;
