import * as Comlink from 'comlink';
import { analysisApi } from './analysisApi';
import { harmApi } from './harmApi';
import { importApi } from './importApi';
import { layersApi } from './layersApi';
import { patrolsApi } from './patrolsApi';
import { projectApi } from './projectApi';
import { trendsApi } from './trendsApi';
import { uiStateApi } from './uiStateApi';
import { wardApi } from './wardApi';

/** Everything the UI may ask of the engine. Typed on the UI side as `typeof engine`. */
export const engine = { ...projectApi, ...importApi, ...analysisApi, ...harmApi, ...wardApi, ...layersApi, ...trendsApi, ...uiStateApi, ...patrolsApi };

export type Engine = typeof engine;

Comlink.expose(engine);
