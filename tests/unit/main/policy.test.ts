import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../../main/protocol/appOrigin';
import { hardenSession, type SessionLike } from '../../../main/security/hardenSession';
import { hardenWebContents, type NavigationEventLike } from '../../../main/security/hardenWebContents';
import {
  isNavigationAllowed,
  isPermissionGranted,
  isRequestAllowed,
  windowOpenDecision,
} from '../../../main/security/policy';

describe('isAppUrl / navigation', () => {
  it.each(['app://hotspot/', 'app://hotspot/index.html', 'app://hotspot/assets/x.js?v=1#a'])('allows %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
    expect(isNavigationAllowed(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://hotspot.evil.com/',
    'app://user:pw@hotspot/',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });
});

describe('new windows and permissions', () => {
  it('denies every window.open', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it.each(['geolocation', 'media', 'notifications', 'clipboard-read', 'openExternal', 'usb', 'fullscreen', 'unknown'])(
    'denies %s',
    (p) => {
      expect(isPermissionGranted(p)).toBe(false);
    },
  );
});

describe('isRequestAllowed', () => {
  it('lets the app origin and in-memory URLs through', () => {
    expect(isRequestAllowed('app://hotspot/assets/sql-wasm.wasm', false)).toBe(true);
    expect(isRequestAllowed('blob:app://hotspot/1b2c', false)).toBe(true);
    expect(isRequestAllowed('data:image/png;base64,AAAA', false)).toBe(true);
  });

  it('cancels every network and file request', () => {
    for (const url of [
      'https://tile.openstreetmap.org/1/1/1.png',
      'http://localhost:8080/',
      'wss://example.com/socket',
      'ftp://example.com/',
      'file:///home/user/crimes.csv',
      'app://elsewhere/x',
      'garbage',
    ]) {
      expect(isRequestAllowed(url, true)).toBe(false);
    }
  });

  it('allows devtools only when devtools are allowed', () => {
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', true)).toBe(true);
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', false)).toBe(false);
  });
});

function fakeSession() {
  const s = {
    onBeforeRequest: undefined as undefined | ((d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void),
    permissionRequest: undefined as undefined | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
    permissionCheck: undefined as undefined | ((wc: unknown, p: string) => boolean),
    device: undefined as undefined | (() => boolean),
    spell: undefined as boolean | undefined,
    willDownload: undefined as undefined | ((e: { preventDefault(): void }) => void),
  };
  const session: SessionLike = {
    webRequest: { onBeforeRequest: (l) => (s.onBeforeRequest = l) },
    setPermissionRequestHandler: (h) => (s.permissionRequest = h),
    setPermissionCheckHandler: (h) => (s.permissionCheck = h),
    setDevicePermissionHandler: (h) => (s.device = h),
    setSpellCheckerEnabled: (e) => (s.spell = e),
    on: (_e, l) => (s.willDownload = l),
  };
  return { s, session };
}

describe('hardenSession', () => {
  it('installs handlers that cancel remote requests and refuse permissions and downloads', () => {
    const { s, session } = fakeSession();
    hardenSession(session, { allowDevTools: false });
    const answers: Array<{ cancel?: boolean }> = [];
    s.onBeforeRequest!({ url: 'https://example.com/' }, (r) => answers.push(r));
    s.onBeforeRequest!({ url: 'app://hotspot/index.html' }, (r) => answers.push(r));
    expect(answers).toEqual([{ cancel: true }, { cancel: false }]);

    const granted = vi.fn();
    s.permissionRequest!({}, 'geolocation', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(s.permissionCheck!({}, 'clipboard-read')).toBe(false);
    expect(s.device!()).toBe(false);
    expect(s.spell).toBe(false);

    const download = { preventDefault: vi.fn() };
    s.willDownload!(download);
    expect(download.preventDefault).toHaveBeenCalled();
  });
});

describe('hardenWebContents', () => {
  function setup() {
    const listeners = new Map<string, (e: NavigationEventLike, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    hardenWebContents({
      on: (event: string, l: (e: NavigationEventLike, url?: string) => void) => listeners.set(event, l),
      setWindowOpenHandler: (h) => (openHandler = h),
    });
    return { listeners, openHandler: openHandler! };
  }
  const event = (url?: string) => ({ url, preventDefault: vi.fn() });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: blocks leaving the app, allows staying', (name) => {
    const { listeners } = setup();
    const away = event('https://example.com/');
    listeners.get(name)!(away);
    expect(away.preventDefault).toHaveBeenCalled();
    const stay = event('app://hotspot/index.html#/plan');
    listeners.get(name)!(stay);
    expect(stay.preventDefault).not.toHaveBeenCalled();
  });

  it('falls back to the legacy url argument and blocks when there is no url at all', () => {
    const { listeners } = setup();
    const legacy = event(undefined);
    listeners.get('will-navigate')!(legacy, 'file:///etc/passwd');
    expect(legacy.preventDefault).toHaveBeenCalled();
    const none = event(undefined);
    listeners.get('will-navigate')!(none);
    expect(none.preventDefault).toHaveBeenCalled();
  });

  it('denies new windows and webviews', () => {
    const { listeners, openHandler } = setup();
    expect(openHandler({ url: 'app://hotspot/index.html' })).toEqual({ action: 'deny' });
    const attach = event();
    listeners.get('will-attach-webview')!(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});
