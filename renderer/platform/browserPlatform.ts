import { forgetKeptProject, keepProject, loadKeptProject } from './browserSession';
import type { OpenedProject, Platform } from './platform';

/** Browser mode: open with a file input, save and export as downloads, the open project kept in IndexedDB. */
export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    shortcuts: false,
    keepsSession: true,
    openProject: () => pickFile('.hotspot').then(async (f) => (f ? { name: f.name, path: null, bytes: new Uint8Array(await f.arrayBuffer()) } : null)),
    async saveProject({ bytes, suggestedName }) {
      download(suggestedName, bytes, 'application/x-hotspot-project');
      return { path: null, name: suggestedName };
    },
    async writeExport(suggestedName, bytes, mime) {
      download(suggestedName, bytes, mime);
      return suggestedName;
    },
    onAction: () => () => undefined,
    async initialProject(): Promise<OpenedProject | null> {
      const kept = await loadKeptProject();
      return kept ? { name: kept.fileName, path: null, bytes: kept.bytes, unsaved: kept.unsaved } : null;
    },
    recentProjects: async () => [],
    openRecent: () => Promise.reject(new Error('Recent projects are kept by the desktop app only.')),
    keepSession: (p) => (p ? keepProject(p) : forgetKeptProject()),
  };
}

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function download(name: string, bytes: Uint8Array, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
