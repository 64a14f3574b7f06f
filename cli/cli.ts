#!/usr/bin/env node
import { isCancellation } from '../shared/session/jobs';
import { UsageError } from './args';
import type { CliIO } from './command';
import { COMMANDS } from './commands/index';
import { progressPrinter } from './progressLine';

// Ctrl-C aborts the running use case: it stops at its next check, the project file and the
// output are left as they were (every write is atomic and comes after the work). A second
// Ctrl-C quits at once.
const interrupt = new AbortController();
const printer = progressPrinter(process.stderr);
let showProgress = process.stderr.isTTY === true;

const io: CliIO = {
  out: (t) => {
    printer.clear();
    process.stdout.write(t.endsWith('\n') ? t : `${t}\n`);
  },
  err: (t) => {
    printer.clear();
    process.stderr.write(t.endsWith('\n') ? t : `${t}\n`);
  },
  signal: interrupt.signal,
  progress: (p) => {
    if (showProgress) printer.show(p);
  },
};

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: hotspot-planner <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `hotspot-planner <command> --help` for a command\'s options.',
    'Every command: --progress shows progress on stderr (it does by default on a terminal);',
    'Ctrl-C cancels cleanly, leaving the project and output files as they were.',
  ].join('\n');
}

export async function main(args: string[]): Promise<number> {
  // --progress (any position): progress on stderr even when it is not a terminal.
  const argv = args.filter((a) => a !== '--progress');
  if (argv.length !== args.length) showProgress = true;
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  const onSigint = () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
    io.err('Cancelling… (Ctrl-C again to quit at once)');
  };
  process.on('SIGINT', onSigint);
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (isCancellation(e) || interrupt.signal.aborted) {
      io.err(`${cmd.name}: cancelled; no file was written or changed.`);
      return 130;
    }
    if (e instanceof UsageError) {
      io.err(`${cmd.name}: ${e.message}\n\n${cmd.help}`);
      return 2;
    }
    io.err(`${cmd.name}: ${(e as Error).message}`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
    printer.clear();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    io.err(String((e as Error)?.stack ?? e));
    process.exit(1);
  },
);
