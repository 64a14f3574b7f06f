import type { ExportedFile } from '../../shared/session/exportedFile';
import { exportTrends, lastTrendView, runTrends, type ProjectTrendParams, type TrendView } from '../../shared/session/trendUseCases';
import { session } from './engineState';
import { asJob, type ProgressCallback } from './jobs';

export type { TrendView };
/** The Trends tab's parameters: the same as `cli trends` (see shared/hotspots/projectTrends). */
export type TrendParamsUi = ProjectTrendParams;

export const trendsApi = {
  /** sfhotspot-style trend classes over consecutive periods of `months` months. */
  runTrends(params: TrendParamsUi, jobId?: string, onProgress?: ProgressCallback): Promise<TrendView> {
    return asJob(jobId, onProgress, async (job) => {
      await runTrends(session, params, job);
      return lastTrendView(session);
    });
  },

  exportTrends(): ExportedFile {
    return exportTrends(session, 'csv');
  },
};
