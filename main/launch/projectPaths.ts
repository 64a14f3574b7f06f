import path from 'node:path';
import { PROJECT_EXTENSION } from '../ipc/limits';

/**
 * Finds a .hotspot path among command-line arguments (file association, "Open with", a
 * second instance). Chromium switches are skipped; relative paths are resolved against the
 * working directory the launching process had.
 */
export function projectPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || arg.includes('\0')) continue;
    if (path.extname(arg).toLowerCase() !== `.${PROJECT_EXTENSION}`) continue;
    return path.resolve(cwd, arg);
  }
  return null;
}

/**
 * Which project paths the renderer may read or overwrite without a dialog: the one the app
 * was started with, ones handed over later (second instance, macOS open-file), and ones the
 * user picked in a dialog. A path handed over while the app runs waits here until the
 * renderer asks to open (see DesktopApi.openProject).
 */
export class ProjectPaths {
  private readonly known = new Set<string>();
  private pending: string | null = null;
  private initial: string | null = null;

  constructor(initial: string | null) {
    if (initial) this.setInitial(initial);
  }

  /** The file the app was started with (argv, or macOS open-file before the window exists). */
  setInitial(file: string): void {
    this.initial = path.normalize(file);
    this.allow(file);
  }

  initialPath(): string | null {
    return this.initial;
  }

  /** The start-up file, once: a renderer reload does not reopen it over the user's work. */
  takeInitial(): string | null {
    const p = this.initial;
    this.initial = null;
    return p;
  }

  /** Remembers a path the user chose or the OS handed over. */
  allow(file: string): void {
    this.known.add(path.normalize(file));
  }

  isKnown(file: string): boolean {
    return this.known.has(path.normalize(file));
  }

  /** A file handed over by the OS while running; the next openProject() returns it. */
  setPending(file: string): void {
    this.allow(file);
    this.pending = path.normalize(file);
  }

  takePending(): string | null {
    const p = this.pending;
    this.pending = null;
    return p;
  }
}
