// Loaded with `node --require` by bundleSmoke.test.ts: answers require('electron') with a
// recording fake, so the real dist bundle (main.cjs) can be started in plain Node.
const Module = require('node:module');
const { EventEmitter } = require('node:events');

const record = { windows: [], handles: [], menu: null, schemes: null, sandbox: false, protocolHandler: null };
const app = Object.assign(new EventEmitter(), {
  isPackaged: true,
  enableSandbox: () => (record.sandbox = true),
  requestSingleInstanceLock: () => true,
  quit: () => {},
  exit: (code) => process.exit(code),
  isReady: () => true,
  whenReady: () => Promise.resolve(),
  getAppPath: () => process.env.FAKE_APP_PATH,
  getPath: () => process.env.FAKE_APP_PATH,
});
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = { send: () => {}, on: () => {} };
    record.windows.push(this);
  }
  loadURL(url) {
    this.url = url;
    return Promise.resolve();
  }
  static getAllWindows() {
    return record.windows;
  }
}
const session = {
  webRequest: { onBeforeRequest: () => {} },
  setPermissionRequestHandler: () => {},
  setPermissionCheckHandler: () => {},
  setDevicePermissionHandler: () => {},
  setSpellCheckerEnabled: () => {},
  on: () => {},
};
const fake = {
  app,
  BrowserWindow,
  ipcMain: { handle: (channel) => record.handles.push(channel) },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => (record.menu = m) },
  protocol: {
    registerSchemesAsPrivileged: (s) => (record.schemes = s),
    handle: (scheme, handler) => (record.protocolHandler = handler),
  },
  session: { defaultSession: session },
  dialog: {},
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? fake : load.call(this, request, ...rest);
};
globalThis.__fakeElectron = record;
