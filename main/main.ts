/**
 * Electron entry point: wires the pure services in main/ to Electron and nothing more. Each
 * decision (window options, CSP, what may load, what IPC accepts, the menu) lives in its own
 * module with unit tests; this file only connects them.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { MenuAction } from '../shared/desktopApi';
import { electronDialogs, showLicences } from './electronAdapters';
import { atomicWrite, beginAtomicWrite } from '../node/atomicWrite';
import { openChunkReader } from '../node/chunkedRead';
import { readUserFile } from './files/readUserFile';
import { IPC } from './ipc/channels';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/registerIpc';
import { ProjectPaths, projectPathFromArgv } from './launch/projectPaths';
import { secondInstancePath } from './launch/secondInstance';
import { buildMenuTemplate } from './menu/menuTemplate';
import { fileStore, RecentFiles } from './recent/recentFiles';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './protocol/appOrigin';
import { createAppProtocolHandler } from './protocol/appProtocolHandler';
import { UserTilesFolder } from './protocol/userTilesFolder';
import { hardenSession } from './security/hardenSession';
import { hardenWebContents } from './security/hardenWebContents';
import { confirmUnload } from './window/confirmUnload';
import { windowOptions } from './window/windowOptions';

const isDev = !app.isPackaged;
const paths = new ProjectPaths(projectPathFromArgv(process.argv, process.cwd()));
let mainWindow: BrowserWindow | null = null;
const userTiles = new UserTilesFolder();
// Loaded once the app is ready (userData is only reliable then); the menu follows its changes.
let recent: RecentFiles | null = null;

// Must happen before 'ready'. Sandbox every renderer, whatever options a window is given.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

function sendMenuAction(action: MenuAction): void {
  mainWindow?.webContents.send(IPC.menuAction, action);
}

/** A project handed to the running app: focus it and let the renderer open it (see openProject). */
function handOver(file: string): void {
  if (!mainWindow) {
    paths.setInitial(file);
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  paths.setPending(file);
  sendMenuAction('open');
}

function createWindow(): void {
  const win = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs'), { devTools: isDev }));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-prevent-unload', confirmUnload((opts) => dialog.showMessageBoxSync(win, opts)));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_INDEX_URL);
}

async function onReady(): Promise<void> {
  hardenSession(session.defaultSession, { allowDevTools: isDev });
  const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, (f) => fs.readFile(f), () => userTiles.current()));
  const recentFiles = new RecentFiles(fileStore(path.join(app.getPath('userData'), 'recent.json')), { onChange: buildMenu });
  recent = recentFiles;
  registerIpc(
    ipcMain,
    createHandlers({
      dialogs: electronDialogs(() => mainWindow),
      paths,
      recent: recentFiles,
      readFile: readUserFile,
      writeFile: atomicWrite,
      openRead: openChunkReader,
      beginWrite: beginAtomicWrite,
      defaultDir: () => app.getPath('documents'),
      userTiles,
    }),
  );
  buildMenu();
  createWindow();
  await recentFiles.load();
  buildMenu();
}

function buildMenu(): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    appName: 'Hotspot Planner',
    sendAction: sendMenuAction,
    showLicences: () => showLicences(() => mainWindow),
    recent: recent?.list() ?? [],
    // The renderer opens it through openProject(), after its own unsaved-changes check.
    openRecent: (id) => {
      const file = recent?.pathOf(id);
      if (file) handOver(file);
    },
    clearRecent: () => void recent?.clear().catch((e: unknown) => console.error('Could not clear the recent projects:', e)),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

if (!app.requestSingleInstanceLock({ openPath: paths.initialPath() })) {
  // The first instance got our path through 'second-instance'; nothing more to do here.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const file = secondInstancePath(additionalData, argv, workingDirectory);
    if (file) handOver(file);
    else if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  // macOS delivers double-clicked documents as an event, possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    handOver(file);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && app.isReady()) createWindow();
  });
  app.whenReady().then(onReady, (e: unknown) => {
    console.error('Hotspot Planner could not start:', e);
    app.exit(1);
  });
}
