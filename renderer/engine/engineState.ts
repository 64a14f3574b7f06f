import initSqlJs from 'sql.js';
import { Session } from '../../shared/session/session';
import { sqlWasmUrl } from './demoAssets';
import { engineRowSplitter } from './rowSplitterClient';

declare const __APP_VERSION__: string;

/**
 * The worker's single session: the open project and everything done with it. Only the worker
 * touches the database: the UI thread never parses, scores or queries.
 */
export const session = new Session(
  () => initSqlJs({ locateFile: () => sqlWasmUrl }),
  // Defined by the app's build; tests that load the engine in Node run without it.
  typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'unknown',
  // police.uk files are split into rows on a worker of their own while this one stores them.
  engineRowSplitter(),
);
