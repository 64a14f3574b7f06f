// shared/ compiles with the ES library only (shared/tsconfig.json), so neither the DOM's nor
// Node's globals are visible here. These are the few web-standard globals that both the
// browser (page and Web Worker) and Node provide with the same behaviour, declared as the
// subset shared/ uses. Anything else is platform code: it belongs in renderer/, cli/, main/
// or node/. Each declaration matches the standard's shape, so the same source also compiles
// against the full DOM and Node types in the other folders' projects.

interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBuffer | ArrayBufferView, options?: TextDecodeOptions): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};

interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare var TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};

/** Cancellation of long jobs (session, analysis, imports). */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: any;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare var AbortSignal: {
  prototype: AbortSignal;
  abort(reason?: any): AbortSignal;
  any(signals: AbortSignal[]): AbortSignal;
};
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: any): void;
}
declare var AbortController: {
  prototype: AbortController;
  new (): AbortController;
};

/** Timers: the handle is a number in browsers and an object in Node, so it stays opaque. */
declare function setTimeout(handler: (...args: never[]) => void, timeout?: number): unknown;
declare function clearTimeout(id: unknown): void;

declare function structuredClone<T>(value: T): T;

interface Console {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
}
declare var console: Console;

interface Performance {
  now(): number;
}
declare var performance: Performance;

interface URL {
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly pathname: string;
  readonly search: string;
  toString(): string;
}
declare var URL: {
  prototype: URL;
  new (url: string, base?: string | URL): URL;
};

/** Basemap tiles served next to the page (shared/basemap/tileSource.ts urlTileSource). */
interface Response {
  readonly ok: boolean;
  readonly status: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}
declare function fetch(input: string): Promise<Response>;
