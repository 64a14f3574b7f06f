/**
 * Browser mode keeps the open project across a reload: its bytes in IndexedDB (the only
 * browser store that holds hundreds of MB), replaced on every save and after changes. Nothing
 * leaves the machine; the record lives in this browser profile for this origin only.
 */
export interface KeptProject {
  bytes: Uint8Array;
  /** The file name the project was opened or saved as (for messages and the next download). */
  fileName: string;
  /** Whether it had changes not yet downloaded as a .hotspot file. */
  unsaved: boolean;
  keptAt: string;
}

const DB_NAME = 'hotspot-planner';
const STORE = 'session';
const KEY = 'open-project';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

let dbPromise: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('this browser has no IndexedDB'));
  dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
    r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of the app'));
  }).catch((e: unknown) => {
    dbPromise = null;
    throw e;
  });
  return dbPromise;
}

async function withStore<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  const tx = db.transaction(STORE, mode);
  const result = request(f(tx.objectStore(STORE)));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
  return result;
}

/** The project kept by the last session, or null (none, or the store is unreadable: start as new). */
export async function loadKeptProject(): Promise<KeptProject | null> {
  try {
    const v = (await withStore('readonly', (s) => s.get(KEY))) as Partial<KeptProject> | undefined;
    if (!v || !(v.bytes instanceof Uint8Array) || typeof v.fileName !== 'string') return null;
    return { bytes: v.bytes, fileName: v.fileName, unsaved: v.unsaved === true, keptAt: String(v.keptAt ?? '') };
  } catch {
    return null;
  }
}

export async function keepProject(p: Omit<KeptProject, 'keptAt'>): Promise<void> {
  try {
    await withStore('readwrite', (s) => s.put({ ...p, keptAt: new Date().toISOString() }, KEY));
  } catch (e) {
    const why = (e as Error)?.name === 'QuotaExceededError' ? 'the browser has no room left for it' : (e as Error)?.message ?? String(e);
    throw new Error(`The project could not be kept for the next reload (${why}). Save it with Save to keep your work.`);
  }
}

export async function forgetKeptProject(): Promise<void> {
  try {
    await withStore('readwrite', (s) => s.delete(KEY));
  } catch {
    // Nothing kept, or no IndexedDB: nothing to forget.
  }
}
