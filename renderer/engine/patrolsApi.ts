import * as Comlink from 'comlink';
import { urlTileSource } from '../../shared/basemap/tileSource';
import {
  dosageCsv, dosageDashboard, dosageImports, importDosageFiles, previewDosageFile, quarterlyReturn, removeDosageImport,
  type DosageImportReport, type DosageReport, type FixMapping,
} from '../../shared/session/dosageUseCases';
import { evaluate, evaluationCsv, type Evaluation, type EvaluationRequest } from '../../shared/session/evaluationUseCases';
import type { JobProgress } from '../../shared/session/jobs';
import {
  buildPatrolPlan, cellAt, deletePatrolPlan, exportPlan, listPatrolPlans, openPatrolPlan, patrolSetup, planView, savePatrolPlan,
  type PlanExportKind, type PlanRequest, type PlanView,
} from '../../shared/session/planUseCases';
import { session } from './engineState';
import { asJob, type ProgressCallback } from './jobs';
import { fileSource } from './sources';

/**
 * The Patrols tab's engine calls: build, save and export a plan, import dosage inputs, the
 * dashboard, the quarterly return and the evaluation, all as the session's use cases (the
 * CLI runs the same ones). Long ones are jobs: a job id to cancel them, and progress.
 */

export type { DosageImportReport, DosageReport, Evaluation, EvaluationRequest, FixMapping, PlanRequest, PlanView };
export type DosageProgress = JobProgress;

const transferred = (bytes: Uint8Array) => Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);

export const patrolsApi = {
  /** Defaults for the builder (DOMAIN.md values), the months with data, the saved plans and the plan on screen. */
  patrolSetup: () => patrolSetup(session),
  listPatrolPlans: () => listPatrolPlans(session),

  /** Chooses hotspots and schedules visits; the plan is kept (unsaved) until savePatrolPlan. */
  buildPatrolPlan(request: PlanRequest, jobId?: string, onProgress?: ProgressCallback): Promise<PlanView> {
    return asJob(jobId, onProgress, async (job) => {
      await buildPatrolPlan(session, request, job);
      return planView(session, job);
    });
  },

  /** The unit id (grid cell) under a map click, for hand-picking where no Gi* cell is drawn. */
  cellAt: (lon: number, lat: number, size: number, shape: 'square' | 'hex'): string => cellAt(lon, lat, size, shape),

  /** Stores the plan in the project (replacing one with its id); the project is then unsaved. */
  savePatrolPlan(): Promise<PlanView> {
    savePatrolPlan(session);
    return planView(session);
  },

  openPatrolPlan(id: string, jobId?: string, onProgress?: ProgressCallback): Promise<PlanView> {
    return asJob(jobId, onProgress, async (job) => {
      await openPatrolPlan(session, id, job);
      return planView(session, job);
    });
  },

  deletePatrolPlan: (id: string): void => deletePatrolPlan(session, id),

  /** A plan export as bytes; the PDF briefing is drawn over the bundled offline basemap. */
  async exportPlan(kind: PlanExportKind, opts: { tilesBase?: string; district?: string | null } = {}, jobId?: string, onProgress?: ProgressCallback): Promise<Uint8Array> {
    const tiles = kind === 'pdf' ? urlTileSource(opts.tilesBase ?? 'basemap/tiles') : undefined;
    const bytes = await asJob(jobId, onProgress, (job) => exportPlan(session, kind, { tiles, district: opts.district }, job));
    return transferred(bytes);
  },

  /** Header, first rows and the detected fix columns of a dosage file, before importing it. */
  previewDosageFile: (file: File) => previewDosageFile(session, fileSource(file)),

  /**
   * Imports GPS fix files or patrol record files for a saved plan, one after another, each
   * in its own transaction; cancel stops the current file and keeps nothing from it.
   */
  importDosageFiles(
    planId: string,
    kind: 'fixes' | 'records',
    files: File[],
    mapping: FixMapping | undefined,
    jobId?: string,
    onProgress?: ProgressCallback,
  ): Promise<{ reports: DosageImportReport[]; cancelled: string | null }> {
    return asJob(jobId, onProgress, (job) => importDosageFiles(session, planId, kind, files.map(fileSource), mapping, job));
  },

  dosageImports: (planId: string) => dosageImports(session, planId),
  removeDosageImport: (id: number): void => removeDosageImport(session, id),

  /** Delivered vs target per hotspot, district and in total, for a period of local dates. */
  dosageDashboard: (planId: string, from: string, to: string): DosageReport => dosageDashboard(session, planId, from, to),
  dosageCsv: (planId: string, from: string, to: string): Uint8Array => dosageCsv(session, planId, from, to),

  /** The quarterly return workbook (or any period), or its CSVs zipped together. */
  async quarterlyReturn(planId: string, from: string, to: string, kind: 'xlsx' | 'csv', periodLabel?: string, jobId?: string, onProgress?: ProgressCallback): Promise<Uint8Array> {
    return transferred(await asJob(jobId, onProgress, (job) => quarterlyReturn(session, planId, from, to, kind, { periodLabel }, job)));
  },

  /** Before/after evaluation with WDQ, TNE and WDD; kept for the CSV export. */
  evaluatePatrolPlan(req: EvaluationRequest, jobId?: string, onProgress?: ProgressCallback): Promise<Evaluation> {
    return asJob(jobId, onProgress, (job) => evaluate(session, req, job));
  },

  evaluationCsv: (): Uint8Array => evaluationCsv(session),
};
