import type { DesktopApi } from '../../shared/desktopApi';
import type { OpenedProject, Platform } from './platform';
import { readProject, unwrap, writeProject } from './projectChunks';

/**
 * Desktop mode: the narrow preload API; the main process owns dialogs, paths and disk writes.
 * Projects cross in chunks (projectChunks.ts), so they have no size limit.
 */
export function desktopPlatform(api: DesktopApi): Platform {
  return {
    kind: 'desktop',
    shortcuts: true,
    keepsSession: false,
    async openProject() {
      const f = unwrap(await api.openProject());
      return f ? readProject(api, f) : null;
    },
    saveProject: (req) => writeProject(api, req),
    async writeExport(suggestedName, bytes) {
      const ext = suggestedName.split('.').pop() ?? '';
      const r = unwrap(await api.writeExport({ suggestedName, bytes, filters: [{ name: ext.toUpperCase(), extensions: [ext] }] }));
      return r?.path ?? null;
    },
    onAction: (listener) => api.onMenuAction(listener),
    async initialProject(): Promise<OpenedProject | null> {
      const f = unwrap(await api.openInitialProject());
      return f ? readProject(api, f) : null;
    },
    async recentProjects() {
      return unwrap(await api.recentProjects());
    },
    async openRecent(id) {
      return readProject(api, unwrap(await api.openRecentProject(id)));
    },
    keepSession: async () => undefined,
  };
}
