import { isPermissionGranted, isRequestAllowed } from './policy';

/** The part of Electron's Session this module touches; main passes the real one. */
export interface SessionLike {
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
  };
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  setSpellCheckerEnabled(enable: boolean): void;
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * Locks a session down: every web request outside the app origin is cancelled, every
 * permission and device request refused, downloads refused (exports go through the save
 * dialog), and the spell checker off because it would fetch dictionaries from the network.
 */
export function hardenSession(session: SessionLike, opts: { allowDevTools: boolean }): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, opts.allowDevTools) });
  });
  session.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)));
  session.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  session.on('will-download', (event) => event.preventDefault());
}
