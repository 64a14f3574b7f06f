import path from 'node:path';
import type { FileFilter, ProjectFileInfo, Result } from '../../shared/desktopApi';
import type { Owner } from '../files/ownedTokens';
import { ProjectReads } from '../files/projectReads';
import { ProjectSaves } from '../files/projectSaves';
import type { HandlerDeps } from './handlers';
import { PROJECT_EXTENSION } from './limits';
import { validateBeginSave, validateProjectPath } from './requests';
import { extensionOf, fail, ok } from './validate';

const PROJECT_FILTERS: FileFilter[] = [{ name: 'Hotspot Planner project', extensions: [PROJECT_EXTENSION] }];

/** Adds the first filter's extension when the user typed a name without one (Linux dialogs don't). */
export function withExtension(file: string, filters: readonly FileFilter[]): string {
  const allowed = filters.flatMap((f) => f.extensions);
  if (allowed.includes(extensionOf(file))) return file;
  return `${file}.${allowed[0] ?? ''}`;
}

/**
 * Opening and saving projects: main chooses and keeps the paths, and the bytes cross in
 * chunks (ProjectReads, ProjectSaves), so no project is ever one IPC message and there is no
 * size limit. Every call names the window it came from (`owner`); tokens are per window.
 */
export function createProjectHandlers(deps: HandlerDeps) {
  const reads = new ProjectReads(deps.openRead);
  const saves = new ProjectSaves(deps.beginWrite);

  async function openPath(owner: Owner, file: string): Promise<Result<ProjectFileInfo>> {
    const r = await reads.begin(owner, file);
    if (!r.ok) return r;
    deps.paths.allow(file);
    remember(file);
    return ok({ token: r.value.token, size: r.value.size, path: file, name: path.basename(file) });
  }

  // The recent list is a convenience: failing to write it must not fail an open or a save.
  function remember(file: string): void {
    deps.recent.add(file).catch(() => undefined);
  }

  return {
    async openProject(owner: Owner): Promise<Result<ProjectFileInfo | null>> {
      // A file handed to the running app (second instance, Finder) is opened instead of asking.
      const pending = deps.paths.takePending();
      if (pending) return openPath(owner, pending);
      const chosen = await deps.dialogs.showOpen({ title: 'Open project', filters: PROJECT_FILTERS, multiple: false });
      const first = chosen?.[0];
      if (!first) return ok(null);
      const checked = validateProjectPath(first);
      if (!checked.ok) return checked;
      return openPath(owner, checked.value);
    },

    /** The file the OS handed over at start; the path never comes from the renderer. */
    async openInitialProject(owner: Owner): Promise<Result<ProjectFileInfo | null>> {
      const initial = deps.paths.takeInitial();
      if (!initial) return ok(null);
      return openPath(owner, initial);
    },

    async openRecentProject(owner: Owner, id: unknown): Promise<Result<ProjectFileInfo>> {
      await deps.recent.current();
      const file = deps.recent.pathOf(id);
      if (!file) return fail('That project is no longer in the recent list. Use Open… to find it.');
      return openPath(owner, file);
    },

    readChunk: (owner: Owner, token: unknown, offset: unknown, length: unknown) => reads.read(owner, token, offset, length),

    endRead: (owner: Owner, token: unknown) => reads.end(owner, token),

    async beginSave(owner: Owner, raw: unknown): Promise<Result<{ token: string } | null>> {
      const req = validateBeginSave(raw);
      if (!req.ok) return req;
      const { path: current, size, saveAs, suggestedName } = req.value;
      // Overwriting without asking is only for a file the user opened or chose in this session;
      // any other path gets the dialog, pre-filled with it.
      let target: string;
      if (current && !saveAs && deps.paths.isKnown(current)) {
        target = current;
      } else {
        const defaultPath = current ?? path.join(deps.defaultDir(), withExtension(suggestedName, PROJECT_FILTERS));
        const chosen = await deps.dialogs.showSave({ title: 'Save project', defaultPath, filters: PROJECT_FILTERS });
        if (!chosen) return ok(null);
        const checked = validateProjectPath(withExtension(chosen, PROJECT_FILTERS));
        if (!checked.ok) return checked;
        target = checked.value;
      }
      const begun = await saves.begin(owner, target, size);
      return begun.ok ? ok({ token: begun.value }) : begun;
    },

    writeChunk: (owner: Owner, token: unknown, offset: unknown, bytes: unknown) => saves.write(owner, token, offset, bytes),

    async commitSave(owner: Owner, token: unknown): Promise<Result<{ path: string }>> {
      const r = await saves.commit(owner, token);
      if (!r.ok) return r;
      // Only now is the path the user's project: a cancelled or failed save leaves no trace.
      deps.paths.allow(r.value);
      remember(r.value);
      return ok({ path: r.value });
    },

    abortSave: (owner: Owner, token: unknown) => saves.abort(owner, token),

    /** The window closed or navigated: abandons its save and closes its reads. */
    async release(owner: Owner): Promise<void> {
      await Promise.all([saves.release(owner), reads.release(owner)]);
    },
  };
}
