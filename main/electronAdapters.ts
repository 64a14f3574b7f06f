/**
 * Electron's dialog module adapted to the small interfaces the pure modules take. One of the
 * three files allowed to import 'electron' (with main.ts and preload.ts).
 */
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from './ipc/handlers';
import { DATA_LICENCES_TEXT, DATA_LICENCES_TITLE } from './menu/licences';

export function electronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  return {
    async showOpen({ title, filters, multiple }) {
      const win = getWindow();
      const opts: Electron.OpenDialogOptions = {
        title,
        filters,
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : r.filePaths;
    },
    async showOpenFolder({ title }) {
      const win = getWindow();
      const opts: Electron.OpenDialogOptions = { title, properties: ['openDirectory'] };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async showSave({ title, defaultPath, filters }) {
      const win = getWindow();
      const opts: Electron.SaveDialogOptions = { title, defaultPath, filters, properties: ['showOverwriteConfirmation'] };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}

export function showLicences(getWindow: () => BrowserWindow | null): void {
  const win = getWindow();
  const opts: Electron.MessageBoxOptions = { type: 'info', title: DATA_LICENCES_TITLE, message: DATA_LICENCES_TITLE, detail: DATA_LICENCES_TEXT, buttons: ['OK'] };
  void (win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts));
}
