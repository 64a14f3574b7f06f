import type { Database, SqlJsStatic } from 'sql.js';
import type { Evaluation } from '../evaluation/evaluatePlan';
import type { ProjectTrends } from '../hotspots/projectTrends';
import type { HotspotParams, HotspotResult } from '../hotspots/runHotspotAnalysis';
import type { BatchReport } from '../import/runImportBatch';
import type { RowSplitter } from '../import/rowSplitter';
import type { PlanRequest } from '../patrols/buildPlan';
import type { PatrolPlan, Schedule } from '../patrols/types';
import { Superseding } from './jobs';
import type { PlanMapData } from './planView';

/** The last Gi* run, kept for the popup, PAI, KDE and exports so its cells never travel twice. */
export interface LastHotspots {
  result: HotspotResult;
  /** The filter it ran with: street names are tallied over the same records. */
  params: HotspotParams;
  /** Cell id -> index in the result, built when first needed. */
  index: Map<string, number> | null;
}

/** The plan on screen (built or opened), with its schedule; saved once it is stored in the project. */
export interface PlanDraft {
  plan: PatrolPlan;
  schedule: Schedule;
  request: PlanRequest;
  saved: boolean;
  /** The plan's map layers (its hotspots, the Gi* cells to pick from), worked out when the view first asks for them. */
  map?: PlanMapData;
}

/** Everything a session keeps from its last runs; all of it belongs to the open project. */
export interface LastResults {
  hotspots: LastHotspots | null;
  trends: ProjectTrends | null;
  evaluation: Evaluation | null;
  plan: PlanDraft | null;
  /** The last demo build: its combined import report and how long the import took. */
  demo: { report: BatchReport; importMs: number } | null;
}

const noResults = (): LastResults => ({ hotspots: null, trends: null, evaluation: null, plan: null, demo: null });

/**
 * One open project and what has been done with it: the sql.js database, whether it has unsaved
 * changes, which project it is (a generation number), the last results kept for exports, and
 * the runs that a newer run replaces. The app's worker holds one; each CLI command holds one.
 * The use cases (projectUseCases, importUseCases, analysisUseCases, patrolUseCases, ...) are
 * plain functions over it, so the app and the CLI run the same steps.
 */
export class Session {
  private current: Database | undefined;
  private dirty = false;
  private gen = 0;
  private sqlPromise: Promise<SqlJsStatic> | undefined;
  last: LastResults = noResults();
  readonly runs = new Superseding();

  /**
   * @param loadSql loads sql.js (the worker fetches the wasm, the CLI reads it from node_modules)
   * @param softwareVersion the app's version, stated in the files it writes (the quarterly return)
   * @param rowSplitter splits police.uk files on another thread while this one stores them (the
   *   worker and the CLI each start one of their own); imports split on this thread without it
   */
  constructor(
    private readonly loadSql: () => Promise<SqlJsStatic>,
    readonly softwareVersion = 'unknown',
    readonly rowSplitter?: RowSplitter,
  ) {}

  /** sql.js, loaded once. */
  sql(): Promise<SqlJsStatic> {
    this.sqlPromise ??= this.loadSql();
    return this.sqlPromise;
  }

  get isOpen(): boolean {
    return this.current !== undefined;
  }

  get db(): Database {
    if (!this.current) throw new Error('No project is open.');
    return this.current;
  }

  /** Makes `next` the open project: the old one is closed and its results dropped. */
  replace(next: Database): void {
    if (this.current !== next) this.current?.close();
    this.current = next;
    this.dirty = false;
    this.gen++;
    this.last = noResults();
  }

  /** Another handle on the same project (reopened with room for a big import): unsaved state and results stay. */
  swap(next: Database): void {
    this.current = next;
  }

  close(): void {
    this.current?.close();
    this.current = undefined;
    this.dirty = false;
    this.gen++;
    this.last = noResults();
  }

  /** How many projects this session has opened; a new number means a different project. */
  get generation(): number {
    return this.gen;
  }

  markDirty(): void {
    this.dirty = true;
  }

  markSaved(): void {
    this.dirty = false;
  }

  get isDirty(): boolean {
    return this.dirty;
  }
}
