import * as Comlink from 'comlink';
import { analysisApi } from './analysisApi';
import { harmApi } from './harmApi';
import { importApi } from './importApi';
import { jobsApi } from './jobs';
import { layersApi } from './layersApi';
import { patrolsApi } from './patrolsApi';
import { projectApi } from './projectApi';
import { trendsApi } from './trendsApi';
import { uiStateApi } from './uiStateApi';
import { wardApi } from './wardApi';

/**
 * Everything the UI may ask of the engine: the worker's session use cases, each a thin call
 * (see shared/session). Long ones take a job id (cancel with `cancel(jobId)`) and a
 * Comlink.proxy progress callback. Typed on the UI side as `typeof engine`.
 */
export const engine = { ...projectApi, ...importApi, ...analysisApi, ...harmApi, ...wardApi, ...layersApi, ...trendsApi, ...uiStateApi, ...patrolsApi, ...jobsApi };

export type Engine = typeof engine;

Comlink.expose(engine);
