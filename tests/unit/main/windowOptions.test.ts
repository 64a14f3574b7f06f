import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../main/window/windowOptions';

describe('windowOptions', () => {
  const opts = windowOptions('/app/dist/main/preload.cjs');
  const wp = opts.webPreferences!;

  it('isolates and sandboxes the renderer', () => {
    expect(wp.contextIsolation).toBe(true);
    expect(wp.sandbox).toBe(true);
    expect(wp.nodeIntegration).toBe(false);
    expect(wp.nodeIntegrationInWorker).toBe(false);
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and the risky features off', () => {
    expect(wp.webSecurity).toBe(true);
    expect(wp.allowRunningInsecureContent).toBe(false);
    expect(wp.webviewTag).toBe(false);
    expect(wp.experimentalFeatures).toBe(false);
    expect(wp.navigateOnDragDrop).toBe(false);
    expect(wp.enableBlinkFeatures).toBeUndefined();
    expect(wp.disableBlinkFeatures).toBe('Auxclick');
  });

  it('turns off the spell checker, which would download dictionaries', () => {
    expect(wp.spellcheck).toBe(false);
  });

  it('uses the given preload and hides devtools unless asked', () => {
    expect(wp.preload).toBe('/app/dist/main/preload.cjs');
    expect(wp.devTools).toBe(false);
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('waits for ready-to-show', () => {
    expect(opts.show).toBe(false);
  });
});
