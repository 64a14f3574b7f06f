import { useCallback, useRef, useState } from 'react';
import * as Comlink from 'comlink';
import type { JobProgress } from '../../shared/session/jobs';
import type { EngineClient } from '../engine/engineClient';
import { messageOf } from './appEvents';

/** What a job is given to pass to the engine: its id (for Cancel) and the progress callback. */
export interface JobRun {
  jobId: string;
  onProgress: ((p: JobProgress) => void) & Comlink.ProxyMarked;
}

let jobs = 0;

const isCancellation = (e: unknown) => (e as { name?: unknown } | null)?.name === 'AbortError';

/**
 * A status line, progress, Cancel and an error message around async jobs: `run(label, job)`
 * shows the label while the job runs, gives the job an id and a progress callback to pass to
 * the engine, and turns any failure into a message the user can act on (never a silent
 * reject). With an engine, `cancel` aborts the running job in the worker; a cancelled job is a
 * notice, not an error. A newer run takes over the status line from an older one.
 */
export function useBusyJob(initialBusy: string | null = null, engine?: Pick<EngineClient, 'cancel'>) {
  const [busy, setBusy] = useState<string | null>(initialBusy);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [cancellable, setCancellable] = useState(false);
  const current = useRef<string | null>(null);

  /** `cancellable: false` for quick steps that cannot stop half way (saving a plan): no Cancel button. */
  const run = useCallback(async (label: string, job: (j: JobRun) => Promise<void>, opts: { cancellable?: boolean } = {}) => {
    const jobId = `job-${++jobs}`;
    current.current = jobId;
    const mine = () => current.current === jobId;
    setBusy(label);
    setCancellable(opts.cancellable ?? true);
    setError(null);
    setNotice(null);
    setProgress(null);
    try {
      await job({ jobId, onProgress: Comlink.proxy((p: JobProgress) => void (mine() && setProgress(p))) });
    } catch (e) {
      if (!isCancellation(e)) setError(messageOf(e));
      else if (mine()) setNotice(`${label.replace(/…$/, '')}: cancelled, nothing of it was kept.`);
    } finally {
      if (mine()) {
        current.current = null;
        setBusy(null);
        setProgress(null);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    const id = current.current;
    if (id && engine) void engine.cancel(id).catch(() => undefined);
  }, [engine]);

  // `cancel` is for the Cancel button (null when the running job cannot stop); `stop` is the
  // same action with a stable identity, for effects that drop a job when the project changes.
  return { busy, error, setError, progress, notice, run, cancel: engine && cancellable ? cancel : null, stop: cancel };
}

export type BusyJob = ReturnType<typeof useBusyJob>;
