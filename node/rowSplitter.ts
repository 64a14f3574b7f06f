import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SplitLayout, SplitPiece } from '../shared/import/policeUkSplit';
import type { RowSplitter } from '../shared/import/rowSplitter';

interface SplitApi {
  split(file: number, layout: SplitLayout | undefined, bytes: Uint8Array): SplitPiece;
  end(file: number): void;
}

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
export function nodeRowSplitter(script: URL): RowSplitter & { close(): Promise<void> } {
  let worker: Worker | null = null;
  let api: Comlink.Remote<SplitApi> | null = null;
  let pending = 0;
  const start = (): Comlink.Remote<SplitApi> => {
    if (!api) {
      worker = new Worker(script);
      worker.unref();
      api = Comlink.wrap<SplitApi>(nodeEndpoint(worker));
    }
    return api;
  };
  return {
    async split(file, layout, bytes) {
      const remote = start();
      if (pending++ === 0) worker!.ref();
      try {
        // A copy of the piece, moved rather than cloned: a view would send its whole buffer.
        const own = bytes.slice();
        return await remote.split(file, layout, Comlink.transfer(own, [own.buffer]));
      } finally {
        if (--pending === 0) worker?.unref();
      }
    },
    end(file) {
      void api?.end(file);
    },
    async close() {
      const w = worker;
      worker = null;
      api = null;
      if (w) await w.terminate();
    },
  };
}
