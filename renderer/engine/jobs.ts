import type { JobOptions, JobProgress } from '../../shared/session/jobs';

/** A job's progress callback as the UI passes it (a Comlink proxy: each call is a message). */
export type ProgressCallback = (p: JobProgress) => void;

/** The running jobs by the id the UI gave them, so a Cancel from the UI reaches the right one. */
const running = new Map<string, AbortController>();

/**
 * Runs a long use case as a job: the UI names it (jobId) to cancel it later with
 * `engine.cancel(jobId)`, and passes a Comlink.proxy callback for progress.
 */
export async function asJob<T>(jobId: string | undefined, onProgress: ProgressCallback | undefined, body: (job: JobOptions) => Promise<T>): Promise<T> {
  const ctl = new AbortController();
  if (jobId) running.get(jobId)?.abort();
  if (jobId) running.set(jobId, ctl);
  try {
    return await body({ signal: ctl.signal, onProgress: onProgress ? (p) => void onProgress(p) : undefined });
  } finally {
    if (jobId && running.get(jobId) === ctl) running.delete(jobId);
  }
}

export const jobsApi = {
  /** Cancels a running job; one that has finished (or never started) is left alone. */
  cancel(jobId: string): void {
    running.get(jobId)?.abort();
  },
};
