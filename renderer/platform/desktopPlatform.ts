import type { DesktopApi, Result } from '../../shared/desktopApi';
import { baseName, type OpenedProject, type Platform } from './platform';

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Desktop mode: the narrow preload API; the main process owns dialogs, paths and disk writes. */
export function desktopPlatform(api: DesktopApi): Platform {
  return {
    kind: 'desktop',
    shortcuts: true,
    keepsSession: false,
    async openProject() {
      const f = unwrap(await api.openProject());
      return f ? { name: f.name, path: f.path, bytes: f.bytes } : null;
    },
    async saveProject(req) {
      const r = unwrap(await api.saveProject(req));
      return r ? { path: r.path, name: baseName(r.path) } : null;
    },
    async writeExport(suggestedName, bytes) {
      const ext = suggestedName.split('.').pop() ?? '';
      const r = unwrap(await api.writeExport({ suggestedName, bytes, filters: [{ name: ext.toUpperCase(), extensions: [ext] }] }));
      return r?.path ?? null;
    },
    onAction: (listener) => api.onMenuAction(listener),
    async initialProject(): Promise<OpenedProject | null> {
      const f = unwrap(await api.openInitialProject());
      return f ? { name: f.name, path: f.path, bytes: f.bytes } : null;
    },
    async recentProjects() {
      return unwrap(await api.recentProjects());
    },
    async openRecent(id) {
      const f = unwrap(await api.openRecentProject(id));
      return { name: f.name, path: f.path, bytes: f.bytes };
    },
    keepSession: async () => undefined,
  };
}
