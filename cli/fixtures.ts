import { existsSync, promises as fs, createReadStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportSource } from '../shared/import/types';
import type { RandomAccessFile } from '../shared/import/zipSource';

/** Finds the bundled fixtures folder from source (cli/) or from a build (dist/cli/). */
export function fixturesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'fixtures');
    if (existsSync(path.join(candidate, 'README.md'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('Cannot find the bundled fixtures folder.');
}

export function fixturePath(name: string): string {
  return path.join(fixturesDir(), name);
}

export function readFixture(name: string): Promise<string> {
  return fs.readFile(fixturePath(name), 'utf8');
}

/** A file on disk as an ImportSource, streamed in 1 MiB chunks. */
export async function fileSource(file: string): Promise<ImportSource> {
  const stat = await fs.stat(file).catch(() => {
    throw new Error(`Cannot read ${file}: no such file.`);
  });
  return {
    name: path.basename(file),
    size: stat.size,
    chunks: () => createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
  };
}

/**
 * A file on disk read at any offset (zip members are read a slice at a time, never the whole
 * zip). Close it when done: a handle left to the garbage collector makes Node warn on stderr.
 */
export async function fileRandomAccess(file: string): Promise<RandomAccessFile & { close(): Promise<void> }> {
  const handle = await fs.open(file, 'r').catch(() => {
    throw new Error(`Cannot read ${file}: no such file.`);
  });
  const { size } = await handle.stat();
  return {
    name: path.basename(file),
    size,
    close: () => handle.close(),
    async read(offset, length) {
      const buf = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let done = 0;
      while (done < buf.length) {
        const { bytesRead } = await handle.read(buf, done, buf.length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buf.subarray(0, done);
    },
  };
}
