import path from 'node:path';
import type { FileFilter, OpenedFile, RecentProject, Result, UserTilesInfo } from '../../shared/desktopApi';
import { describeFileError } from '../files/fileErrors';
import type { ProjectPaths } from '../launch/projectPaths';
import type { RecentFiles } from '../recent/recentFiles';
import { extensionOf, fail, ok } from './validate';
import { LIMITS, PROJECT_EXTENSION } from './limits';
import { validatePickFiles, validateProjectPath, validateSaveProject, validateWriteExport } from './requests';
import type { UserTilesFolder } from '../protocol/userTilesFolder';

/** Native dialogs, reduced to what the handlers need; main adapts Electron's dialog module. */
export interface Dialogs {
  /** Absolute paths chosen, or null when cancelled. */
  showOpen(opts: { title: string; filters: FileFilter[]; multiple: boolean }): Promise<string[] | null>;
  /** The path chosen, or null when cancelled. */
  showSave(opts: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  /** The folder chosen, or null when cancelled (absent where no folder dialog exists). */
  showOpenFolder?(opts: { title: string }): Promise<string | null>;
}

export interface HandlerDeps {
  dialogs: Dialogs;
  paths: ProjectPaths;
  recent: RecentFiles;
  readFile(file: string, limit: number): Promise<Result<OpenedFile>>;
  /** Atomic: the old file survives any failure (main/files/atomicWrite). */
  writeFile(file: string, bytes: Uint8Array): Promise<void>;
  /** Folder proposed by Save dialogs when there is no current file (the user's Documents). */
  defaultDir(): string;
  /** The basemap tile folder main serves under app://hotspot/basemap/user/. */
  userTiles?: UserTilesFolder;
}

const PROJECT_FILTERS: FileFilter[] = [{ name: 'Hotspot Planner project', extensions: [PROJECT_EXTENSION] }];

/** Adds the first filter's extension when the user typed a name without one (Linux dialogs don't). */
export function withExtension(file: string, filters: readonly FileFilter[]): string {
  const allowed = filters.flatMap((f) => f.extensions);
  if (allowed.includes(extensionOf(file))) return file;
  return `${file}.${allowed[0] ?? ''}`;
}

/**
 * What each IPC call does, with its arguments still `unknown`: every handler validates first
 * and answers with a Result. Electron-free; main wires these to ipcMain.handle.
 */
export function createHandlers(deps: HandlerDeps) {
  async function openPath(file: string): Promise<Result<OpenedFile>> {
    const r = await deps.readFile(file, LIMITS.projectBytes);
    if (r.ok) {
      deps.paths.allow(r.value.path);
      remember(r.value.path);
    }
    return r;
  }

  // The recent list is a convenience: failing to write it must not fail an open or a save.
  function remember(file: string): void {
    deps.recent.add(file).catch(() => undefined);
  }

  async function save(file: string, bytes: Uint8Array): Promise<Result<{ path: string }>> {
    try {
      await deps.writeFile(file, bytes);
    } catch (e) {
      return fail(describeFileError(e, file, 'save'));
    }
    return ok({ path: file });
  }

  return {
    async openProject(): Promise<Result<OpenedFile | null>> {
      // A file handed to the running app (second instance, Finder) is opened instead of asking.
      const pending = deps.paths.takePending();
      if (pending) return openPath(pending);
      const chosen = await deps.dialogs.showOpen({ title: 'Open project', filters: PROJECT_FILTERS, multiple: false });
      const first = chosen?.[0];
      if (!first) return ok(null);
      const checked = validateProjectPath(first);
      if (!checked.ok) return checked;
      return openPath(checked.value);
    },

    /** The file the OS handed over at start; the path never comes from the renderer. */
    async openInitialProject(): Promise<Result<OpenedFile | null>> {
      const initial = deps.paths.takeInitial();
      if (!initial) return ok(null);
      return openPath(initial);
    },

    async recentProjects(): Promise<Result<RecentProject[]>> {
      return ok(await deps.recent.current());
    },

    async openRecentProject(id: unknown): Promise<Result<OpenedFile>> {
      await deps.recent.current();
      const file = deps.recent.pathOf(id);
      if (!file) return fail('That project is no longer in the recent list. Use Open… to find it.');
      return openPath(file);
    },

    async saveProject(raw: unknown): Promise<Result<{ path: string } | null>> {
      const req = validateSaveProject(raw);
      if (!req.ok) return req;
      const { path: current, bytes, saveAs, suggestedName } = req.value;
      // Overwriting without asking is only for a file the user opened or chose in this session;
      // any other path gets the dialog, pre-filled with it.
      if (current && !saveAs && deps.paths.isKnown(current)) {
        const r = await save(current, bytes);
        if (r.ok) remember(current);
        return r;
      }
      const defaultPath = current ?? path.join(deps.defaultDir(), withExtension(suggestedName, PROJECT_FILTERS));
      const chosen = await deps.dialogs.showSave({ title: 'Save project', defaultPath, filters: PROJECT_FILTERS });
      if (!chosen) return ok(null);
      const target = validateProjectPath(withExtension(chosen, PROJECT_FILTERS));
      if (!target.ok) return target;
      const r = await save(target.value, bytes);
      if (r.ok) {
        deps.paths.allow(target.value);
        remember(target.value);
      }
      return r;
    },

    async pickFiles(raw: unknown): Promise<Result<OpenedFile[]>> {
      const req = validatePickFiles(raw);
      if (!req.ok) return req;
      const chosen = await deps.dialogs.showOpen(req.value);
      if (!chosen || chosen.length === 0) return ok([]);
      if (chosen.length > LIMITS.inputFiles) return fail(`Choose at most ${LIMITS.inputFiles} files at a time.`);
      const files: OpenedFile[] = [];
      for (const file of chosen) {
        const r = await deps.readFile(file, LIMITS.inputFileBytes);
        if (!r.ok) return r;
        files.push(r.value);
      }
      return ok(files);
    },

    async writeExport(raw: unknown): Promise<Result<{ path: string } | null>> {
      const req = validateWriteExport(raw);
      if (!req.ok) return req;
      const { suggestedName, bytes, filters } = req.value;
      const defaultPath = path.join(deps.defaultDir(), withExtension(suggestedName, filters));
      const chosen = await deps.dialogs.showSave({ title: 'Export', defaultPath, filters });
      if (!chosen) return ok(null);
      const allowed = filters.flatMap((f) => f.extensions);
      const target = withExtension(chosen, filters);
      if (!allowed.includes(extensionOf(target))) return fail(`Exports here are ${allowed.join(', ')} files.`);
      return save(target, bytes);
    },

    async pickBasemapTiles(): Promise<Result<UserTilesInfo | null>> {
      if (!deps.userTiles || !deps.dialogs.showOpenFolder) return fail('Choosing a tile folder is not available here.');
      const folder = await deps.dialogs.showOpenFolder({ title: 'Choose a folder of vector tiles' });
      return folder ? deps.userTiles.adopt(folder) : ok(null);
    },
  };
}

export type Handlers = ReturnType<typeof createHandlers>;
