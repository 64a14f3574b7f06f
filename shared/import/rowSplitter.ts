import { BufferPool } from './bufferPool';
import { PoliceUkSplitter, splitBuffers, SplitPlacing, type SplitLayout, type SplitPiece } from './policeUkSplit';

/**
 * Splits pieces of police.uk files into rows, possibly on another thread: the import hands it a
 * piece ahead of its turn and stores the piece before meanwhile, so reading and storing overlap
 * (on two cores the 1M-row benchmark imports in about two thirds of the time). The app's engine
 * worker and the CLI give one backed by a worker of their own (renderer/engine/rowSplitter*,
 * node/rowSplitter*); without one the import splits each piece itself when it reaches it.
 */
export interface RowSplitter {
  /**
   * The rows of `bytes`, the next piece of file number `file` (a number the caller picks per
   * file: a new one starts from nothing). Pieces of a file come in file order; the first one
   * comes with the file's layout.
   */
  split(file: number, layout: SplitLayout | undefined, bytes: Uint8Array): Promise<SplitPiece>;
  /** The file is read (or abandoned): its state can go. */
  end(file: number): void;
  /** The reader is done with a piece: its arrays can be used again. */
  recycle?(piece: SplitPiece): void;
  /** An import is starting: start the thread now, so it is ready by its first piece. */
  warm?(): void;
  /** Files smaller than this many bytes are split on the import's own thread (default: all go to the splitter). */
  readonly minBytes?: number;
  /** Stops the thread when an import is over, giving back its memory before the project is saved (a later split starts it again). */
  close?(): Promise<void>;
}

/**
 * The smallest file worth a second thread. Below it the thread's start and the warm-up of its
 * code cost more than they save: the four bundled West Yorkshire months (~4 MB each) took 1.48 s
 * through a new worker against 1.10 s without (0.67 against 0.78 s once both were warm); a 200 MB
 * file of 1M rows takes two thirds of the time.
 */
export const SPLIT_MIN_BYTES = 8 << 20;

/** The state a splitter keeps between the pieces of a file: what a worker serving RowSplitter runs. */
export class SplitService {
  private readonly files = new Map<number, PoliceUkSplitter>();
  private newest = 0;
  /** For the last ward layer sent: kept while files keep coming with it. */
  private placing: SplitPlacing | null = null;

  split(file: number, layout: SplitLayout | undefined, bytes: Uint8Array, pool?: BufferPool): SplitPiece {
    let splitter = this.files.get(file);
    if (!splitter) {
      if (!layout) throw new Error(`Row splitter: the first piece of file ${file} came without its layout.`);
      // A file's rows are numbered from its first piece on: a file seen before whose state has
      // gone cannot be continued (its ids would restart), so that is an error, never a guess.
      if (file <= this.newest) throw new Error(`Row splitter: file ${file} was already ended.`);
      this.newest = file;
      // Files are read one at a time; any left by an import that failed before ending them go.
      for (const old of [...this.files.keys()]) if (old < file - 8) this.files.delete(old);
      const h = layout.handler;
      if (h && this.placing?.wardsId !== h.wardsId) {
        if (!h.wards) throw new Error(`Row splitter: file ${file} came without the ward layer it is placed in.`);
        this.placing = new SplitPlacing(h.wardsId, h.wards);
      }
      this.files.set(file, (splitter = new PoliceUkSplitter(layout, this.placing ?? undefined)));
    }
    return splitter.split(bytes, pool);
  }

  end(file: number): void {
    this.files.delete(file);
  }
}

let fileSeq = 0;

/** A number for the next file a splitter reads, unique in this thread. */
export function nextSplitFile(): number {
  return ++fileSeq;
}

/** Marks an array's buffers to be moved, not copied, by a worker message (Comlink.transfer). */
export type Transfer = <T>(value: T, buffers: ArrayBuffer[]) => T;

/**
 * The calls a row-splitting worker serves: splitWorkerApi there, its proxy here. `returned` are
 * the buffers of pieces the import is done with, for the worker to split later pieces into.
 */
export interface SplitWorkerApi {
  split(file: number, layout: SplitLayout | undefined, bytes: Uint8Array, returned: ArrayBuffer[]): SplitPiece | Promise<SplitPiece>;
  end(file: number): void | Promise<void>;
}

/** What a row-splitting worker exposes (renderer/engine/rowSplitter.worker.ts, node/rowSplitter.worker.ts). */
export function splitWorkerApi(transfer: Transfer): SplitWorkerApi {
  const service = new SplitService();
  const pool = new BufferPool();
  return {
    split(file, layout, bytes, returned) {
      pool.give(returned);
      const piece = service.split(file, layout, bytes, pool);
      // The bytes go back with the rows, for the next piece to be copied into.
      piece.spare = [bytes.buffer as ArrayBuffer];
      return transfer(piece, [...splitBuffers(piece), ...piece.spare]);
    },
    end(file) {
      service.end(file);
    },
  };
}

/** A row-splitting worker that failed (did not start, or crashed): the import reads the file again on its own thread. */
export class RowSplitterError extends Error {
  constructor(cause: unknown) {
    super(`The row-splitting thread failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RowSplitterError';
  }
}

/** A started worker: its proxy (Comlink's), and how to stop it. */
export interface SplitWorkerConnection {
  api: SplitWorkerApi;
  stop(): void | Promise<void>;
}

/**
 * A RowSplitter on a worker, given a way to start one. Pieces are copied and the copies moved to
 * the worker (a view would send its whole buffer). A failed worker (fail(), from its error event:
 * a worker that never starts leaves calls unanswered) turns every pending and later call into a
 * RowSplitterError, which the import answers by splitting on its own thread. close() stops the
 * worker; the next piece starts a new one. `busy` hears the number of pieces in flight (the CLI
 * keeps Node alive while any are); files under `minBytes` (SPLIT_MIN_BYTES) are left to the
 * import's own thread.
 */
export function remoteRowSplitter(
  connect: () => SplitWorkerConnection,
  transfer: Transfer,
  options: { busy?: (pending: number) => void; minBytes?: number } = {},
): Required<RowSplitter> & { fail(error: unknown): void } {
  const { busy, minBytes = SPLIT_MIN_BYTES } = options;
  let worker: SplitWorkerConnection | null = null;
  let failed: RowSplitterError | null = null;
  const pending = new Set<(e: RowSplitterError) => void>();
  /** Buffers to copy pieces into (they come back with the rows), and pieces' buffers to send back. */
  const inputs = new BufferPool(), done = new BufferPool(64);
  /** The ward layer the worker has: later files with it are sent without it. */
  let sentWards = -1;
  const started = (): SplitWorkerApi => (worker ??= connect()).api;
  return {
    minBytes,
    async split(file, layout, bytes) {
      if (failed) throw failed;
      const remote = started();
      const buffer = inputs.take(Math.max(bytes.length, 1 << 19));
      const own = new Uint8Array(buffer, 0, bytes.length);
      own.set(bytes);
      const returned = done.drain();
      if (layout?.handler?.wards) {
        if (layout.handler.wardsId === sentWards) layout = { ...layout, handler: { ...layout.handler, wards: undefined } };
        else sentWards = layout.handler.wardsId;
      }
      let reject!: (e: RowSplitterError) => void;
      const stopped = new Promise<never>((_, r) => (reject = r));
      pending.add(reject);
      busy?.(pending.size);
      try {
        const call = remote.split(file, layout, transfer(own, [buffer]), transfer(returned, returned));
        const piece = await Promise.race([Promise.resolve(call), stopped]);
        if (piece.spare) inputs.give(piece.spare);
        return piece;
      } catch (e) {
        throw e instanceof RowSplitterError ? e : new RowSplitterError(e);
      } finally {
        pending.delete(reject);
        busy?.(pending.size);
      }
    },
    end(file) {
      if (worker && !failed) void Promise.resolve(worker.api.end(file)).catch(() => undefined);
    },
    recycle(piece) {
      done.give(splitBuffers(piece));
    },
    warm() {
      if (!failed) started();
    },
    async close() {
      // The next piece starts a new worker, which has no ward layer yet; the buffers went with this one.
      const w = worker;
      worker = null;
      sentWards = -1;
      inputs.drain();
      done.drain();
      await w?.stop();
    },
    fail(error) {
      failed = new RowSplitterError(error);
      sentWards = -1;
      for (const reject of pending) reject(failed);
    },
  };
}
