/**
 * The sandboxed preload: exposes `window.hotspot` (shared/desktopApi.ts) and nothing else.
 * Bundled into one CJS file that requires only 'electron', as a sandboxed preload must be.
 * Named functions only, never ipcRenderer itself, so the page can reach exactly these
 * channels with exactly these arguments; main validates them again regardless.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DesktopApi, MenuAction } from '../shared/desktopApi';
import { IPC, isMenuAction } from './ipc/channels';

const api: DesktopApi = {
  openProject: () => ipcRenderer.invoke(IPC.openProject),
  openInitialProject: () => ipcRenderer.invoke(IPC.openInitialProject),
  recentProjects: () => ipcRenderer.invoke(IPC.recentProjects),
  openRecentProject: (id) => ipcRenderer.invoke(IPC.openRecentProject, id),
  readChunk: (token, offset, length) => ipcRenderer.invoke(IPC.readChunk, token, offset, length),
  endRead: (token) => ipcRenderer.invoke(IPC.endRead, token),
  beginSave: (req) => ipcRenderer.invoke(IPC.beginSave, req),
  writeChunk: (token, offset, bytes) => ipcRenderer.invoke(IPC.writeChunk, token, offset, bytes),
  commitSave: (token) => ipcRenderer.invoke(IPC.commitSave, token),
  abortSave: (token) => ipcRenderer.invoke(IPC.abortSave, token),
  pickFiles: (req) => ipcRenderer.invoke(IPC.pickFiles, req),
  writeExport: (req) => ipcRenderer.invoke(IPC.writeExport, req),
  pickBasemapTiles: () => ipcRenderer.invoke(IPC.pickBasemapTiles),
  onMenuAction(listener: (action: MenuAction) => void): () => void {
    // The page's listener never sees the IPC event (it carries `sender`, i.e. ipcRenderer).
    const forward = (_event: IpcRendererEvent, action: unknown): void => {
      if (isMenuAction(action)) listener(action);
    };
    ipcRenderer.on(IPC.menuAction, forward);
    return () => {
      ipcRenderer.removeListener(IPC.menuAction, forward);
    };
  },
};

contextBridge.exposeInMainWorld('hotspot', api);
