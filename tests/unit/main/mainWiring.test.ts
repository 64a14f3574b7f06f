import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../../main/ipc/channels';

interface FakeWindow extends EventEmitter {
  options: Record<string, unknown>;
  loadURL: ReturnType<typeof vi.fn>;
  show: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
  restore: ReturnType<typeof vi.fn>;
  isMinimized(): boolean;
  webContents: { send: ReturnType<typeof vi.fn>; on: ReturnType<typeof vi.fn> };
}

/** A stand-in for the electron module, recording what main.ts does with it. */
function fakeElectron(lock: boolean) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => lock),
    quit: vi.fn(),
    exit: vi.fn(),
    isReady: () => true,
    whenReady: vi.fn(() => Promise.resolve()),
    getAppPath: () => '/opt/hotspot/resources/app.asar',
    getPath: (name: string) => (name === 'userData' ? userData : '/home/ana/Documents'),
  });
  const windows: FakeWindow[] = [];
  function makeWindow(options: Record<string, unknown>): FakeWindow {
    const w: FakeWindow = Object.assign(new EventEmitter(), {
      options,
      loadURL: vi.fn(async () => undefined),
      show: vi.fn(),
      focus: vi.fn(),
      restore: vi.fn(),
      isMinimized: () => true,
      webContents: { send: vi.fn(), on: vi.fn() },
    });
    windows.push(w);
    return w;
  }
  const handles = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const session = {
    webRequest: { onBeforeRequest: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    on: vi.fn(),
  };
  return {
    app,
    windows,
    handles,
    session,
    BrowserWindow: Object.assign(
      vi.fn(function (this: unknown, o: Record<string, unknown>) {
        return makeWindow(o);
      }),
      { getAllWindows: () => windows },
    ),
    ipcMain: { handle: (channel: string, l: (event: unknown, ...args: unknown[]) => unknown) => handles.set(channel, l) },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ t })), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
  };
}

let electron: ReturnType<typeof fakeElectron>;
let userData = '/nonexistent';
vi.mock('electron', () => ({
  get app() { return electron.app; },
  get BrowserWindow() { return electron.BrowserWindow; },
  get ipcMain() { return electron.ipcMain; },
  get Menu() { return electron.Menu; },
  get protocol() { return electron.protocol; },
  get dialog() { return electron.dialog; },
  get session() { return { defaultSession: electron.session }; },
}));

const flush = () => new Promise((r) => setTimeout(r, 0));
let dir: string;
beforeEach(() => {
  vi.resetModules();
  dir = mkdtempSync(path.join(tmpdir(), 'hp-main-'));
  userData = path.join(dir, 'userData');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('main.ts wiring (electron mocked)', () => {
  it('sandboxes, registers the privileged scheme before ready, then builds a locked-down window', async () => {
    electron = fakeElectron(true);
    await import('../../../main/main');
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) },
    ]);
    await flush();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect([...electron.handles.keys()]).toEqual(expect.arrayContaining([IPC.beginSave, IPC.writeChunk, IPC.commitSave, IPC.abortSave, IPC.readChunk, IPC.endRead]));
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();

    const [win] = electron.windows;
    const wp = win!.options.webPreferences as Record<string, unknown>;
    expect(wp).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(String(wp.preload)).toMatch(/preload\.cjs$/);
    expect(win!.loadURL).toHaveBeenCalledWith('app://hotspot/index.html');
    win!.emit('ready-to-show');
    expect(win!.show).toHaveBeenCalled();
    expect(win!.webContents.on).toHaveBeenCalledWith('will-prevent-unload', expect.any(Function));
  });

  it('hardens every webContents the app creates', async () => {
    electron = fakeElectron(true);
    await import('../../../main/main');
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on.mock.calls.map((c) => c[0])).toEqual(
      expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']),
    );
  });

  it('a second instance with a project focuses the window and has the renderer open that file', async () => {
    electron = fakeElectron(true);
    await import('../../../main/main');
    await flush();
    const file = path.join(dir, 'Handed over.hotspot');
    const bytes = new Uint8Array(200);
    writeFileSync(file, bytes);
    electron.app.emit('second-instance', {}, ['exe'], dir, { openPath: file });
    const [win] = electron.windows;
    expect(win!.restore).toHaveBeenCalled();
    expect(win!.focus).toHaveBeenCalled();
    expect(win!.webContents.send).toHaveBeenCalledWith(IPC.menuAction, 'open');
    const r = await electron.handles.get(IPC.openProject)!({ senderFrame: { url: 'app://hotspot/index.html' } });
    expect(r).toMatchObject({ ok: true, value: { path: file, name: 'Handed over.hotspot' } });
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    electron = fakeElectron(false);
    await import('../../../main/main');
    await flush();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    expect(electron.app.listenerCount('second-instance')).toBe(0);
  });

  it('reads recent.json from userData into File > Open Recent; choosing one has the renderer open it (by id over IPC, never a path)', async () => {
    const file = path.join(dir, 'Leeds.hotspot');
    writeFileSync(file, new Uint8Array(200));
    mkdirSync(userData, { recursive: true });
    writeFileSync(path.join(userData, 'recent.json'), JSON.stringify({ version: 1, projects: [{ id: 'r1', path: file, openedAt: '' }] }));
    electron = fakeElectron(true);
    await import('../../../main/main');
    await vi.waitFor(() => {
      const menu = electron.Menu.buildFromTemplate.mock.calls.at(-1)![0] as { label?: string; submenu?: { id?: string; submenu?: { label?: string }[] }[] }[];
      const recent = menu[0]!.submenu!.find((i) => i.id === 'recent')!;
      expect(recent.submenu!.map((i) => i.label)).toContain('Leeds.hotspot');
    });
    const fromApp = { senderFrame: { url: 'app://hotspot/index.html' } };
    expect(await electron.handles.get(IPC.recentProjects)!(fromApp)).toEqual({ ok: true, value: [{ id: 'r1', name: 'Leeds.hotspot' }] });
    expect(await electron.handles.get(IPC.openRecentProject)!(fromApp, 'r1')).toMatchObject({ ok: true, value: { name: 'Leeds.hotspot' } });

    const menu = electron.Menu.buildFromTemplate.mock.calls.at(-1)![0] as { submenu?: { id?: string; submenu?: { id?: string; click?: () => void }[] }[] }[];
    menu[0]!.submenu!.find((i) => i.id === 'recent')!.submenu!.find((i) => i.id === 'recent-r1')!.click!();
    expect(electron.windows[0]!.webContents.send).toHaveBeenCalledWith(IPC.menuAction, 'open');
    const r = await electron.handles.get(IPC.openProject)!(fromApp);
    expect(r).toMatchObject({ ok: true, value: { name: 'Leeds.hotspot' } });
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});
