/** Minimal, strict flag parser: unknown flags are errors, so a typo never runs silently. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface FlagSpec {
  /** Flags that take a value, e.g. ['out', 'project']. */
  values?: string[];
  /** Flags that may repeat or take several following values, e.g. ['crimes']. */
  multi?: string[];
  /** Boolean switches, e.g. ['json']. */
  booleans?: string[];
}

export interface ParsedArgs {
  values: Record<string, string>;
  multi: Record<string, string[]>;
  booleans: Set<string>;
  help: boolean;
}

export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const values: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  const booleans = new Set<string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument "${arg}".`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    if (spec.booleans?.includes(name)) {
      booleans.add(name);
    } else if (spec.multi?.includes(name)) {
      const list = (multi[name] ??= []);
      if (inline !== undefined) list.push(inline);
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) list.push(argv[++i]!);
      if (list.length === 0) throw new UsageError(`--${name} needs at least one value.`);
    } else if (spec.values?.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
      values[name] = v;
    } else {
      throw new UsageError(`Unknown option --${name}.`);
    }
  }
  return { values, multi, booleans, help };
}

export function requireValue(args: ParsedArgs, name: string): string {
  const v = args.values[name];
  if (v === undefined) throw new UsageError(`--${name} is required.`);
  return v;
}

/** An optional flag that must be a positive number of metres (cell size, distance, bandwidth). */
export function positiveMetres(args: ParsedArgs, name: string): number | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number of metres (got "${v}").`);
  return n;
}

/** An optional flag with a fixed set of values, `fallback` when absent. */
export function oneOf<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const v = args.values[name] ?? fallback;
  if (!(choices as readonly string[]).includes(v)) {
    throw new UsageError(`--${name} must be ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}.`);
  }
  return v as T;
}
