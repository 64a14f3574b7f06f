export function serveWeb(opts?: { port?: number; build?: boolean }): Promise<{ url: string; close: () => Promise<void> }>;
