import * as Comlink from 'comlink';
import { projectApi } from './projectApi';

/** Everything the UI may ask of the engine. Typed on the UI side as `typeof engine`. */
export const engine = { ...projectApi };

export type Engine = typeof engine;

Comlink.expose(engine);
