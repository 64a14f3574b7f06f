import type { Result } from '../../shared/desktopApi';
import { isAppUrl } from '../protocol/appOrigin';
import { IPC } from './channels';
import type { Handlers } from './handlers';

/** The part of ipcMain this module touches. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

/** What of an IPC event is checked: the frame that sent it. */
export interface IpcEventLike {
  senderFrame?: { url: string } | null;
}

/** Only the app's own pages may call the API; a frame on any other origin is refused. */
export function isTrustedSender(event: IpcEventLike): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

const UNTRUSTED: Result<never> = { ok: false, error: 'This request did not come from Hotspot Planner and was refused.' };

/**
 * Wires each handler to its channel. A handler that throws anyway (a bug) still answers with
 * a Result, so the renderer always gets a message rather than a rejected promise.
 */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers): void {
  const wrap =
    (fn: (arg: unknown) => Promise<unknown>) =>
    async (event: IpcEventLike, ...args: unknown[]): Promise<unknown> => {
      if (!isTrustedSender(event)) return UNTRUSTED;
      if (args.length > 1) return { ok: false, error: 'Too many arguments.' };
      try {
        return await fn(args[0]);
      } catch (e) {
        return { ok: false, error: `Unexpected error: ${(e as Error)?.message ?? String(e)}` };
      }
    };
  ipcMain.handle(IPC.openProject, wrap(() => handlers.openProject()));
  ipcMain.handle(IPC.openInitialProject, wrap(() => handlers.openInitialProject()));
  ipcMain.handle(IPC.saveProject, wrap((a) => handlers.saveProject(a)));
  ipcMain.handle(IPC.pickFiles, wrap((a) => handlers.pickFiles(a)));
  ipcMain.handle(IPC.writeExport, wrap((a) => handlers.writeExport(a)));
  ipcMain.handle(IPC.pickBasemapTiles, wrap(() => handlers.pickBasemapTiles()));
  ipcMain.handle(IPC.recentProjects, wrap(() => handlers.recentProjects()));
  ipcMain.handle(IPC.openRecentProject, wrap((a) => handlers.openRecentProject(a)));
}
