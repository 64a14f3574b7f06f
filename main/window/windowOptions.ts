import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. Type-only import of electron: this file runs in unit tests.
 * Every security setting is spelled out even where it is Electron's default, so a reviewer
 * (and Electronegativity) sees it and a change of default cannot loosen it silently.
 */
export function windowOptions(preloadPath: string, opts: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Hotspot Planner',
    // Shown on 'ready-to-show' so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#f4f5f7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click (auxclick) on a link is another way to ask for a navigation or a window.
      disableBlinkFeatures: 'Auxclick',
      // The spell checker downloads dictionaries: no network requests.
      spellcheck: false,
      safeDialogs: true,
      devTools: opts.devTools ?? false,
    },
  };
}
