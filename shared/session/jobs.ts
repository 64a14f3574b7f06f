/**
 * Job control for the session's long use cases: one options shape for cancel and progress, the
 * same in the worker (where the UI's Cancel button aborts the signal) and the CLI (Ctrl-C).
 */

/** How far a long job is, for a status line and a progress bar. */
export interface JobProgress {
  /** What is being done, in words an analyst reads ("Reading 2025-01-west-yorkshire-street.csv"). */
  phase: string;
  /** Units done and the total when it is known (bytes of a file, cells, tiles). */
  done?: number;
  total?: number;
  /** Share done, 0 to 1, when that is known without done/total. */
  fraction?: number;
  /** Rows read so far and the rate, for the jobs that read files. */
  rows?: number;
  rowsPerSecond?: number;
}

export interface JobOptions {
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
}

/** Thrown by a use case that stopped because its signal was aborted; nothing it started is kept. */
export class JobCancelled extends Error {
  // 'AbortError' like fetch and DOM aborts, so callers need test for one name only.
  override name = 'AbortError';
  constructor(what: string) {
    super(`${what} cancelled.`);
  }
}

export function isCancellation(e: unknown): boolean {
  return (e as { name?: unknown } | null)?.name === 'AbortError';
}

function throwIfCancelled(job: JobOptions | undefined, what: string): void {
  if (job?.signal?.aborted) throw new JobCancelled(what);
}

/**
 * Gives the event loop a turn (so a cancel message or Ctrl-C is heard between the synchronous
 * steps of a job), then stops if the job was cancelled meanwhile.
 */
export async function checkpoint(job: JobOptions | undefined, what: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  throwIfCancelled(job, what);
}

/** Reports a phase of a job that has no finer measure. */
export function phase(job: JobOptions | undefined, text: string): void {
  job?.onProgress?.({ phase: text });
}

/**
 * A signal that aborts when the caller's does, or when `supersede` is called again under the
 * same key: a new hotspot run replaces the one still running, as the Run button always did.
 */
export class Superseding {
  private readonly running = new Map<string, AbortController>();

  start(key: string, outer?: AbortSignal): { signal: AbortSignal; done(): void } {
    this.running.get(key)?.abort();
    const ctl = new AbortController();
    this.running.set(key, ctl);
    const follow = () => ctl.abort();
    if (outer?.aborted) ctl.abort();
    else outer?.addEventListener('abort', follow, { once: true });
    return {
      signal: ctl.signal,
      done: () => {
        outer?.removeEventListener('abort', follow);
        if (this.running.get(key) === ctl) this.running.delete(key);
      },
    };
  }
}
