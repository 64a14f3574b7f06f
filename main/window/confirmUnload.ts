/**
 * Closing the window (or quitting) with unsaved work. The renderer only has to cancel
 * `beforeunload` while its project has unsaved changes; Electron then emits
 * 'will-prevent-unload' here and we ask the user natively. Without this, Electron would
 * silently keep the window open (a page cannot show its own prompt in Electron), and no
 * extra API is needed on window.hotspot.
 */

export interface UnloadPromptOptions {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}

export const DISCARD_BUTTON = 0;

export function unloadPromptOptions(): UnloadPromptOptions {
  return {
    type: 'warning',
    title: 'Unsaved changes',
    message: 'This project has changes that are not saved.',
    detail: 'Close anyway and lose them, or go back and save (Ctrl+S).',
    buttons: ['Close without saving', 'Go back'],
    // Enter and Escape both keep the work: losing it takes a deliberate click.
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/**
 * Handler for webContents 'will-prevent-unload': asks, and lets the unload proceed
 * (event.preventDefault) only when the user chose to discard.
 */
export function confirmUnload(ask: (opts: UnloadPromptOptions) => number): (event: { preventDefault(): void }) => void {
  return (event) => {
    if (ask(unloadPromptOptions()) === DISCARD_BUTTON) event.preventDefault();
  };
}
