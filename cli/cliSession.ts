import { Session } from '../shared/session/session';
import { adoptProject } from '../shared/session/projectUseCases';
import type { JobOptions } from '../shared/session/jobs';
import pkg from '../package.json' with { type: 'json' };
import type { CliIO } from './command';
import { openProjectFile, saveProjectFile } from './projectFile';
import { loadSqlJs } from './sqlNode';
import { builtRowSplitter } from '../node/rowSplitter';

/** A session for one command, as the app's worker has one: the CLI runs the same use cases. */
export function cliSession(): Session {
  // police.uk files are split into rows on a second thread while this one stores them.
  return new Session(loadSqlJs, pkg.version, builtRowSplitter());
}

/** A session on a project file from disk. */
export async function openSession(file: string): Promise<Session> {
  const s = cliSession();
  adoptProject(s, await openProjectFile(file));
  return s;
}

/** Saves the session's project atomically (the old file survives any crash before the rename). */
export async function saveSession(s: Session, file: string): Promise<void> {
  await saveProjectFile(s.db, file);
  s.markSaved();
}

/** The command's Ctrl-C and progress display as a use case's job options. */
export function jobOf(io: CliIO): JobOptions {
  return { signal: io.signal, onProgress: io.progress };
}
