import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RecentProject } from '../../shared/desktopApi';
import { atomicWrite } from '../../node/atomicWrite';
import { PROJECT_EXTENSION } from '../ipc/limits';

/** Where the list lives: read whole, written whole (a few hundred bytes). */
export interface RecentStore {
  /** The stored text, or null when there is none yet. */
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

/** recent.json in the app's user-data folder, replaced atomically so a crash never truncates it. */
export function fileStore(file: string): RecentStore {
  return {
    async read() {
      try {
        return await fs.readFile(file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async write(text) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await atomicWrite(file, new TextEncoder().encode(text));
    },
  };
}

interface Entry { id: string; path: string; openedAt: string }

export interface RecentOptions {
  max?: number;
  newId?: () => string;
  now?: () => Date;
  /** Called after the list changed (main rebuilds the menu). */
  onChange?: () => void;
}

/**
 * The recent-projects list, kept by the main process. Entries carry an opaque id so the
 * renderer (and the menu) can name one without ever holding its path; only a path the user
 * opened or saved through the app gets in, so an id can only reopen such a file.
 */
export class RecentFiles {
  private entries: Entry[] = [];
  private writing: Promise<void> = Promise.resolve();
  private loading: Promise<void> = Promise.resolve();
  private readonly max: number;

  constructor(private readonly store: RecentStore, private readonly opts: RecentOptions = {}) {
    this.max = opts.max ?? 10;
  }

  /** Reads the stored list; an unreadable or hand-edited file gives an empty list, never a crash. */
  load(): Promise<void> {
    this.loading = this.store.read().then(
      (text) => {
        this.entries = text === null ? [] : parseEntries(text).slice(0, this.max);
      },
      () => {
        this.entries = [];
      },
    );
    return this.loading;
  }

  /** The list once loaded (what IPC answers: the renderer may ask before the file was read). */
  async current(): Promise<RecentProject[]> {
    await this.loading;
    return this.list();
  }

  list(): RecentProject[] {
    return this.entries.map((e) => ({ id: e.id, name: path.basename(e.path) }));
  }

  /** The path behind an id, or null for an unknown id (or anything that is not a string). */
  pathOf(id: unknown): string | null {
    if (typeof id !== 'string') return null;
    return this.entries.find((e) => e.id === id)?.path ?? null;
  }

  /** Puts a project first (keeping its id when it is already listed) and drops the oldest beyond max. */
  async add(file: string): Promise<void> {
    await this.loading;
    const p = path.normalize(file);
    const old = this.entries.find((e) => e.path === p);
    const entry: Entry = { id: old?.id ?? (this.opts.newId ?? randomUUID)(), path: p, openedAt: (this.opts.now?.() ?? new Date()).toISOString() };
    this.entries = [entry, ...this.entries.filter((e) => e.path !== p)].slice(0, this.max);
    return this.save();
  }

  async remove(id: string): Promise<void> {
    await this.loading;
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.id !== id);
    return this.entries.length === before ? this.writing : this.save();
  }

  async clear(): Promise<void> {
    await this.loading;
    this.entries = [];
    return this.save();
  }

  /** Writes one at a time, in order, so the file always holds the latest list. */
  private save(): Promise<void> {
    const text = JSON.stringify({ version: 1, projects: this.entries }, null, 1);
    this.opts.onChange?.();
    this.writing = this.writing.catch(() => undefined).then(() => this.store.write(text));
    return this.writing;
  }
}

function parseEntries(text: string): Entry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const list = (data as { projects?: unknown })?.projects;
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const e of list) {
    const { id, path: p, openedAt } = (e ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || id.length === 0 || id.length > 100 || seen.has(id)) continue;
    // Only absolute .hotspot paths: a hand-edited list must not turn an id into any file at all.
    if (typeof p !== 'string' || p.includes('\0') || !path.isAbsolute(p) || path.extname(p).toLowerCase() !== `.${PROJECT_EXTENSION}`) continue;
    seen.add(id);
    out.push({ id, path: path.normalize(p), openedAt: typeof openedAt === 'string' ? openedAt : '' });
  }
  return out;
}
