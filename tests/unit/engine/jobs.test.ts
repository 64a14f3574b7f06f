import { describe, expect, it } from 'vitest';
import { asJob, jobsApi } from '../../../renderer/engine/jobs';
import type { JobProgress } from '../../../shared/session/jobs';

describe('engine jobs: cancel crosses the worker boundary by job id', () => {
  it('cancel(jobId) aborts that job only; progress reaches the callback', async () => {
    const seen: JobProgress[] = [];
    let signalA: AbortSignal | undefined;
    let signalB: AbortSignal | undefined;
    const a = asJob('a', (p) => seen.push(p), async (job) => {
      signalA = job.signal;
      job.onProgress?.({ phase: 'working', fraction: 0.5 });
      await new Promise<void>((resolve) => job.signal!.addEventListener('abort', () => resolve()));
      return 'stopped';
    });
    const b = asJob('b', undefined, async (job) => {
      signalB = job.signal;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 'finished';
    });
    jobsApi.cancel('a');
    expect(await a).toBe('stopped');
    expect(signalA!.aborted).toBe(true);
    expect(await b).toBe('finished');
    expect(signalB!.aborted).toBe(false);
    expect(seen).toEqual([{ phase: 'working', fraction: 0.5 }]);
  });

  it('a finished job is forgotten: cancelling it later does nothing', async () => {
    let signal: AbortSignal | undefined;
    await asJob('done', undefined, async (job) => {
      signal = job.signal;
    });
    jobsApi.cancel('done');
    jobsApi.cancel('never-started');
    expect(signal!.aborted).toBe(false);
  });
});
