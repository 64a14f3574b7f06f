import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { remoteRowSplitter, type RowSplitter, type SplitWorkerApi } from '../shared/import/rowSplitter';

/**
 * The worker script: rowSplitter.worker.mjs, built next to the bundle that runs this (dist/cli,
 * dist/bench: scripts/build.mjs buildRowSplitterWorker). Null when this runs from the
 * TypeScript sources (tests under vitest or tsx): a worker thread cannot load those.
 */
export function rowSplitterScript(): URL | null {
  const built = new URL('./rowSplitter.worker.mjs', import.meta.url);
  return existsSync(fileURLToPath(built)) ? built : null;
}

/** A RowSplitter on a worker thread where the worker is built (rowSplitterScript), else none: imports then split on their own thread. */
export function builtRowSplitter(): (RowSplitter & { close(): Promise<void> }) | undefined {
  const script = rowSplitterScript();
  return script ? nodeRowSplitter(script) : undefined;
}

/**
 * A RowSplitter on a worker thread, started when first asked. The thread keeps the process alive
 * only while a piece is being split, so a command ends when its work does.
 */
export function nodeRowSplitter(script: URL, minBytes?: number): RowSplitter & { close(): Promise<void> } {
  let worker: Worker | null = null;
  const splitter = remoteRowSplitter(
    () => {
      const w = new Worker(script);
      worker = w;
      w.unref();
      // A thread that fails (or never starts) answers nothing: pending calls fail instead of
      // waiting. A thread stopped by close() is no longer `worker`: its exit is no failure.
      w.on('error', (e) => splitter.fail(e));
      w.on('exit', (code) => {
        if (code !== 0 && worker === w) splitter.fail(new Error(`the thread exited with code ${code}`));
      });
      return {
        api: Comlink.wrap<SplitWorkerApi>(nodeEndpoint(w)),
        stop: async () => {
          if (worker === w) worker = null;
          await w.terminate();
        },
      };
    },
    Comlink.transfer,
    { busy: (pending) => (pending > 0 ? worker?.ref() : worker?.unref()), minBytes },
  );
  return splitter;
}
