import path from 'node:path';
import type { AtomicWriter } from '../../node/atomicWrite';
import type { ChunkReader } from '../../node/chunkedRead';
import type { FileFilter, OpenedFile, RecentProject, Result, UserTilesInfo } from '../../shared/desktopApi';
import { describeFileError } from '../files/fileErrors';
import type { ProjectPaths } from '../launch/projectPaths';
import type { RecentFiles } from '../recent/recentFiles';
import { createProjectHandlers, withExtension } from './projectHandlers';
import { extensionOf, fail, ok } from './validate';
import { LIMITS } from './limits';
import { validatePickFiles, validateWriteExport } from './requests';
import type { UserTilesFolder } from '../protocol/userTilesFolder';

export { withExtension };

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
  /** Input files (pickFiles), read whole up to `limit`. */
  readFile(file: string, limit: number): Promise<Result<OpenedFile>>;
  /** Exports, written whole and atomically: the old file survives any failure (node/atomicWrite). */
  writeFile(file: string, bytes: Uint8Array): Promise<void>;
  /** Projects, opened for reading in chunks (node/chunkedRead). */
  openRead(file: string): Promise<ChunkReader>;
  /** Projects, written chunk by chunk to a temp file renamed over the target on commit (node/atomicWrite). */
  beginWrite(target: string): Promise<AtomicWriter>;
  /** Folder proposed by Save dialogs when there is no current file (the user's Documents). */
  defaultDir(): string;
  /** The basemap tile folder main serves under app://hotspot/basemap/user/. */
  userTiles?: UserTilesFolder;
}

/**
 * What each IPC call does, with its arguments still `unknown`: every handler validates first
 * and answers with a Result. Electron-free; main wires these to ipcMain.handle. Project calls
 * take the window they came from first (see projectHandlers).
 */
export function createHandlers(deps: HandlerDeps) {
  return {
    ...createProjectHandlers(deps),

    async recentProjects(): Promise<Result<RecentProject[]>> {
      return ok(await deps.recent.current());
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
      try {
        await deps.writeFile(target, bytes);
      } catch (e) {
        return fail(describeFileError(e, target, 'save'));
      }
      return ok({ path: target });
    },

    async pickBasemapTiles(): Promise<Result<UserTilesInfo | null>> {
      if (!deps.userTiles || !deps.dialogs.showOpenFolder) return fail('Choosing a tile folder is not available here.');
      const folder = await deps.dialogs.showOpenFolder({ title: 'Choose a folder of vector tiles' });
      return folder ? deps.userTiles.adopt(folder) : ok(null);
    },
  };
}

export type Handlers = ReturnType<typeof createHandlers>;
