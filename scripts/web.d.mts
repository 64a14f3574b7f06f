import type { IncomingMessage, ServerResponse } from 'node:http';
export function serveWeb(opts?: { port?: number; build?: boolean }): Promise<{ url: string; close: () => Promise<void> }>;
export function basemapMiddleware(dir?: string): (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
