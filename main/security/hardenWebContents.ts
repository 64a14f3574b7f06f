import { isNavigationAllowed, windowOpenDecision } from './policy';

/** A navigation event as Electron 45 passes it: the details are on the event itself. */
export interface NavigationEventLike {
  url?: string;
  preventDefault(): void;
}

/** The part of Electron's WebContents this module touches. */
export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (event: NavigationEventLike, url?: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Keeps a webContents on the app origin: navigations and redirects elsewhere are cancelled,
 * window.open is denied, and <webview> can never attach. Applied to every webContents the app
 * creates (app 'web-contents-created'), not only the main window, so nothing slips through.
 */
export function hardenWebContents(contents: WebContentsLike): void {
  const guard = (event: NavigationEventLike, legacyUrl?: string): void => {
    const url = event.url ?? legacyUrl ?? '';
    if (!isNavigationAllowed(url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenDecision());
}
