import type { JobProgress } from '../shared/session/jobs';

/** One CLI command. `help` is printed for `--help` and after a usage error. */
export interface Command {
  name: string;
  summary: string;
  help: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Aborted by Ctrl-C: the running use case stops and the command writes nothing. */
  signal?: AbortSignal;
  /** Progress of long jobs, shown on stderr (a TTY, or with --progress). */
  progress?: (p: JobProgress) => void;
}
