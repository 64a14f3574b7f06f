import path from 'node:path';
import type { ChunkReader } from '../../node/chunkedRead';
import type { Result } from '../../shared/desktopApi';
import { LIMITS } from '../ipc/limits';
import { fail, ok } from '../ipc/validate';
import { describeFileError } from './fileErrors';
import { OwnedTokens, type Owner } from './ownedTokens';

interface OpenRead {
  owner: Owner;
  file: string;
  reader: ChunkReader;
}

const UNKNOWN = 'This project is not one this window opened, or reading it has already finished. Open it again.';

/**
 * Project files being read by the renderer, chunk by chunk: main opens the file (the path
 * never leaves it) and hands out a token; the renderer asks for pieces of at most
 * LIMITS.chunkBytes and assembles them. A window reads one project at a time: opening
 * another closes the previous read.
 */
export class ProjectReads {
  private readonly reads = new OwnedTokens<OpenRead>();

  constructor(private readonly openRead: (file: string) => Promise<ChunkReader>) {}

  /** Opens `file`; its size and a token for readChunk, or the reason it cannot be read. */
  async begin(owner: Owner, file: string): Promise<Result<{ token: string; size: number }>> {
    await this.release(owner);
    let reader: ChunkReader;
    try {
      reader = await this.openRead(file);
    } catch (e) {
      return fail(describeFileError(e, file, 'open'));
    }
    const token = this.reads.add({ owner, file, reader });
    return ok({ token, size: reader.size });
  }

  /** `length` bytes at `offset` (both whole numbers, inside the file, at most LIMITS.chunkBytes). */
  async read(owner: Owner, token: unknown, offset: unknown, length: unknown): Promise<Result<Uint8Array>> {
    const r = this.reads.find(owner, token);
    if (!r) return fail(UNKNOWN);
    const size = r.reader.size;
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0 || offset >= size) {
      return fail(`Reading "${path.basename(r.file)}": the offset must be a whole number from 0 to ${size - 1}.`);
    }
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 1 || length > LIMITS.chunkBytes || offset + length > size) {
      return fail(`Reading "${path.basename(r.file)}": a part must be 1 to ${LIMITS.chunkBytes} bytes and end inside the file.`);
    }
    try {
      return ok(await r.reader.read(offset, length));
    } catch (e) {
      await this.drop(token as string);
      return fail(describeFileError(e, r.file, 'open'));
    }
  }

  /** The renderer has what it needs (or gave up): closes the file. */
  async end(owner: Owner, token: unknown): Promise<Result<null>> {
    if (!this.reads.find(owner, token)) return fail(UNKNOWN);
    await this.drop(token as string);
    return ok(null);
  }

  /** The window closed or reloaded: closes whatever it was reading. */
  async release(owner: Owner): Promise<void> {
    await Promise.all(this.reads.ownedBy(owner).map((t) => this.drop(t)));
  }

  /** Files open for reading (for tests and diagnostics). */
  get open(): number {
    return this.reads.size;
  }

  private async drop(token: string): Promise<void> {
    const r = this.reads.take(token);
    if (!r) return;
    await r.reader.close().catch(() => undefined);
  }
}
