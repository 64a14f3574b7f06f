import type { ImportSource } from '../../shared/import/types';
import type { RandomAccessFile } from '../../shared/import/zipSource';

/** A browser File (input, drag-and-drop) streamed in chunks, never read whole. */
export function fileSource(file: File): ImportSource {
  return { name: file.name, size: file.size, chunks: () => readStream(file.stream()) };
}

/** Bytes already in memory (e.g. from the desktop file dialog). */
export function bytesSource(name: string, bytes: Uint8Array): ImportSource {
  return {
    name,
    size: bytes.byteLength,
    async *chunks() {
      const step = 1 << 20;
      for (let i = 0; i < bytes.byteLength; i += step) yield bytes.subarray(i, i + step);
    },
  };
}

async function* readStream(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** A browser File read at any offset (zip members are read a slice at a time). */
export function fileRandomAccess(file: File): RandomAccessFile {
  return {
    name: file.name,
    size: file.size,
    read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  };
}
