import { useCallback, useState } from 'react';
import { messageOf } from './appEvents';

/**
 * A status line and an error message around async jobs: `run(label, job)` shows the label while
 * the job runs and turns any failure into a message the user can act on (never a silent reject).
 */
export function useBusyJob(initialBusy: string | null = null) {
  const [busy, setBusy] = useState<string | null>(initialBusy);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (label: string, job: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await job();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, setError, run };
}
