/**
 * The CLI's row-splitting thread (see shared/import/rowSplitter.ts): splits pieces of police.uk
 * files while the main thread stores the ones before. Built next to the CLI and the benchmark
 * (scripts/build.mjs, scripts/bench.mjs) as rowSplitter.worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { splitBuffers, type SplitLayout } from '../shared/import/policeUkSplit';
import { SplitService } from '../shared/import/rowSplitter';

const service = new SplitService();

Comlink.expose(
  {
    split(file: number, layout: SplitLayout | undefined, bytes: Uint8Array) {
      const piece = service.split(file, layout, bytes);
      return Comlink.transfer(piece, splitBuffers(piece));
    },
    end(file: number) {
      service.end(file);
    },
  },
  nodeEndpoint(parentPort!),
);
