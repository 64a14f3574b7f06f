import type { Result } from '../../shared/desktopApi';
import { isAppUrl } from '../protocol/appOrigin';
import { IPC } from './channels';
import type { Handlers } from './handlers';

/** The part of ipcMain this module touches. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

/** What of an IPC event is used: the frame that sent it, and its webContents (whose calls these are). */
export interface IpcEventLike {
  senderFrame?: { url: string } | null;
  sender?: WindowLike | null;
}

/** The part of a webContents this module touches: the events after which its tokens mean nothing. */
export interface WindowLike {
  on?(event: 'destroyed' | 'did-navigate' | 'render-process-gone', listener: () => void): unknown;
}

/** Only the app's own pages may call the API; a frame on any other origin is refused. */
export function isTrustedSender(event: IpcEventLike): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

const UNTRUSTED: Result<never> = { ok: false, error: 'This request did not come from Hotspot Planner and was refused.' };

// Electron always names the sender; a call without one (only ever a test double) is its own window.
const NO_SENDER: WindowLike = {};

/**
 * Wires each handler to its channel. A handler that throws anyway (a bug) still answers with
 * a Result, so the renderer always gets a message rather than a rejected promise. Each channel
 * takes a fixed number of arguments; more are refused (one stray argument to a channel that
 * takes none is dropped, never seen by the handler).
 */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers): void {
  // A window that closes, reloads or crashes abandons its saves and reads: the temp file goes,
  // the open file closes, and the reloaded page can save again.
  const tracked = new WeakSet<WindowLike>();
  function ownerOf(event: IpcEventLike): WindowLike {
    const owner = event.sender ?? NO_SENDER;
    if (!tracked.has(owner) && typeof owner.on === 'function') {
      tracked.add(owner);
      const release = () => void handlers.release(owner);
      owner.on('destroyed', release);
      owner.on('did-navigate', release);
      owner.on('render-process-gone', release);
    }
    return owner;
  }
  const on = (channel: string, arity: number, fn: (owner: WindowLike, ...args: unknown[]) => Promise<unknown>) =>
    ipcMain.handle(channel, async (event: IpcEventLike, ...args: unknown[]): Promise<unknown> => {
      if (!isTrustedSender(event)) return UNTRUSTED;
      if (args.length > Math.max(1, arity)) return { ok: false, error: 'Too many arguments.' };
      try {
        return await fn(ownerOf(event), ...args.slice(0, arity));
      } catch (e) {
        return { ok: false, error: `Unexpected error: ${(e as Error)?.message ?? String(e)}` };
      }
    });
  on(IPC.openProject, 0, (o) => handlers.openProject(o));
  on(IPC.openInitialProject, 0, (o) => handlers.openInitialProject(o));
  on(IPC.openRecentProject, 1, (o, id) => handlers.openRecentProject(o, id));
  on(IPC.readChunk, 3, (o, token, offset, length) => handlers.readChunk(o, token, offset, length));
  on(IPC.endRead, 1, (o, token) => handlers.endRead(o, token));
  on(IPC.beginSave, 1, (o, req) => handlers.beginSave(o, req));
  on(IPC.writeChunk, 3, (o, token, offset, bytes) => handlers.writeChunk(o, token, offset, bytes));
  on(IPC.commitSave, 1, (o, token) => handlers.commitSave(o, token));
  on(IPC.abortSave, 1, (o, token) => handlers.abortSave(o, token));
  on(IPC.pickFiles, 1, (_o, req) => handlers.pickFiles(req));
  on(IPC.writeExport, 1, (_o, req) => handlers.writeExport(req));
  on(IPC.pickBasemapTiles, 0, () => handlers.pickBasemapTiles());
  on(IPC.recentProjects, 0, () => handlers.recentProjects());
}
