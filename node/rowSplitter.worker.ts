/**
 * The CLI's row-splitting thread (see shared/import/rowSplitter.ts): splits pieces of police.uk
 * files while the main thread stores the ones before. Built next to the CLI and the benchmark
 * (scripts/build.mjs buildRowSplitterWorker) as rowSplitter.worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { splitWorkerApi } from '../shared/import/rowSplitter';

Comlink.expose(splitWorkerApi(Comlink.transfer), nodeEndpoint(parentPort!));
