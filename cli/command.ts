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
}
