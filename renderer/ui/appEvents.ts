/**
 * Two app-wide notices that do not travel through props: a failure the user must see (shown
 * in the status bar by useProjectSession), and "a tab's settings changed" (so browser mode
 * keeps the project for the next reload).
 */
const errorListeners = new Set<(message: string) => void>();
const settingsListeners = new Set<() => void>();

/** The message of anything thrown or rejected, worker and IPC errors included. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  const m = (e as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : `Unexpected error: ${String(e)}`;
}

/** Shows a failure to the user; `what` says what was being done ("Export failed"). */
export function reportError(e: unknown, what?: string): void {
  const message = what ? `${what}: ${messageOf(e)}` : messageOf(e);
  if (errorListeners.size === 0) console.error(message);
  for (const l of errorListeners) l(message);
}

/** For event handlers that start work and do not wait for it: any failure reaches the user. */
export function guard(p: Promise<unknown>, what?: string): void {
  p.catch((e: unknown) => reportError(e, what));
}

export function onErrorReported(l: (message: string) => void): () => void {
  errorListeners.add(l);
  return () => void errorListeners.delete(l);
}

export function settingsChanged(): void {
  for (const l of settingsListeners) l();
}

export function onSettingsChanged(l: () => void): () => void {
  settingsListeners.add(l);
  return () => void settingsListeners.delete(l);
}
