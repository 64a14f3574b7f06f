/**
 * The engine's row-splitting worker (see shared/import/rowSplitter.ts), started by the engine
 * worker: splits pieces of police.uk files while the engine stores the ones before.
 */
import * as Comlink from 'comlink';
import { splitWorkerApi } from '../../shared/import/rowSplitter';

Comlink.expose(splitWorkerApi(Comlink.transfer));
