import type { AtomicWriter } from '../../node/atomicWrite';
import type { Result } from '../../shared/desktopApi';
import { LIMITS } from '../ipc/limits';
import { looksLikeSqlite } from '../ipc/requests';
import { fail, ok } from '../ipc/validate';
import { describeFileError } from './fileErrors';
import { OwnedTokens, type Owner } from './ownedTokens';

interface PendingSave {
  owner: Owner;
  target: string;
  size: number;
  writer: AtomicWriter;
  /** A chunk is being written or the save is committing: anything else now is a renderer bug. */
  busy: boolean;
}

const UNKNOWN = 'This save was not started by this window, or it has already finished or been cancelled. Save again.';

/**
 * Project saves under way, each a temp file beside its target filled chunk by chunk, so a
 * project of any size is written without the main process holding it whole. A save belongs
 * to the window that began it (its token means nothing to any other), a window has at most
 * one, and any misuse (chunks out of order, more bytes than declared, a commit before all
 * arrived) abandons it: the temp file goes and the target is never touched.
 */
export class ProjectSaves {
  private readonly saves = new OwnedTokens<PendingSave>();
  /** Owners with a save under way or being started (reserved before the temp file exists). */
  private readonly owners = new Set<Owner>();

  constructor(private readonly beginWrite: (target: string) => Promise<AtomicWriter>) {}

  /** Creates the temp file beside `target`; the token names this save in later calls. */
  async begin(owner: Owner, target: string, size: number): Promise<Result<string>> {
    if (this.owners.has(owner)) return fail('A save is already under way in this window. Wait for it to finish, then save again.');
    this.owners.add(owner);
    let writer: AtomicWriter;
    try {
      writer = await this.beginWrite(target);
    } catch (e) {
      this.owners.delete(owner);
      return fail(describeFileError(e, target, 'save'));
    }
    return ok(this.saves.add({ owner, target, size, writer, busy: false }));
  }

  /** Appends the next chunk; `offset` must be where the previous one ended. */
  async write(owner: Owner, token: unknown, offset: unknown, bytes: unknown): Promise<Result<{ written: number }>> {
    const s = this.saves.find(owner, token);
    if (!s) return fail(UNKNOWN);
    if (s.busy) return this.abandon(token as string, 'The next part of the project arrived before the previous one was written.');
    if (!(bytes instanceof Uint8Array)) return this.abandon(token as string, 'Expected the project data as a Uint8Array.');
    const at = s.writer.written;
    if (offset !== at) return this.abandon(token as string, `The project data arrived out of order (a part for byte ${String(offset)} when byte ${at} was next).`);
    if (bytes.byteLength === 0 || bytes.byteLength > LIMITS.chunkBytes) {
      return this.abandon(token as string, `Each part of the project must be 1 byte to ${LIMITS.chunkBytes} bytes, got ${bytes.byteLength}.`);
    }
    if (at + bytes.byteLength > s.size) return this.abandon(token as string, `More project data arrived than the ${s.size} bytes announced.`);
    // Refusing here keeps a renderer bug from replacing a good project with something unopenable.
    if (at === 0 && !looksLikeSqlite(bytes)) return this.abandon(token as string, 'The project data is not a SQLite database, so it was not saved. This is a bug: please report it.');
    s.busy = true;
    try {
      await s.writer.write(bytes);
    } catch (e) {
      return this.abandon(token as string, describeFileError(e, s.target, 'save'));
    }
    s.busy = false;
    return ok({ written: s.writer.written });
  }

  /** Once every announced byte arrived: fsync and rename over the target. Returns the target. */
  async commit(owner: Owner, token: unknown): Promise<Result<string>> {
    const s = this.saves.find(owner, token);
    if (!s) return fail(UNKNOWN);
    if (s.busy) return this.abandon(token as string, 'The project was committed while a part of it was still being written.');
    if (s.writer.written !== s.size) {
      return this.abandon(token as string, `Only ${s.writer.written} of the ${s.size} bytes announced arrived, so the project was not saved.`);
    }
    s.busy = true;
    try {
      await s.writer.commit();
    } catch (e) {
      return this.abandon(token as string, describeFileError(e, s.target, 'save'));
    }
    this.forget(token as string);
    return ok(s.target);
  }

  /** Cancels a save: the temp file goes, the target stays as it was. */
  async abort(owner: Owner, token: unknown): Promise<Result<null>> {
    if (!this.saves.find(owner, token)) return fail(UNKNOWN);
    await this.drop(token as string);
    return ok(null);
  }

  /** The window closed or reloaded: cancels its save, if any. */
  async release(owner: Owner): Promise<void> {
    await Promise.all(this.saves.ownedBy(owner).map((t) => this.drop(t)));
  }

  /** Saves under way (for tests and diagnostics). */
  get pending(): number {
    return this.saves.size;
  }

  private async abandon<T>(token: string, message: string): Promise<Result<T>> {
    await this.drop(token);
    return fail(message);
  }

  private async drop(token: string): Promise<void> {
    const s = this.forget(token);
    await s?.writer.abort().catch(() => undefined);
  }

  private forget(token: string): PendingSave | undefined {
    const s = this.saves.take(token);
    if (s) this.owners.delete(s.owner);
    return s;
  }
}
