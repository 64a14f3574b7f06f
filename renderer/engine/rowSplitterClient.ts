import * as Comlink from 'comlink';
import { remoteRowSplitter, type RowSplitter, type SplitWorkerApi } from '../../shared/import/rowSplitter';

/**
 * The engine's RowSplitter: a worker of its own, started by a big police.uk import and stopped
 * when the import is over (its memory back before a save). Undefined where a worker cannot
 * start one (no Worker there, as when tests load the engine in Node).
 */
export function engineRowSplitter(): RowSplitter | undefined {
  if (typeof Worker === 'undefined') return undefined;
  const splitter = remoteRowSplitter(() => {
    const worker = new Worker(new URL('./rowSplitter.worker.ts', import.meta.url), { type: 'module', name: 'row splitter' });
    // A worker that fails to load answers nothing: its error fails the pending calls instead.
    worker.addEventListener('error', (e) => splitter.fail(new Error(e.message || 'the worker did not start')));
    return { api: Comlink.wrap<SplitWorkerApi>(worker), stop: () => worker.terminate() };
  }, Comlink.transfer);
  return splitter;
}
