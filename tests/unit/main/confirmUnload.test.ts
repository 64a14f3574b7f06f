import { describe, expect, it, vi } from 'vitest';
import { confirmUnload, DISCARD_BUTTON, unloadPromptOptions } from '../../../main/window/confirmUnload';

describe('confirmUnload', () => {
  it('lets the window close only when the user chooses to discard', () => {
    const discard = { preventDefault: vi.fn() };
    confirmUnload(() => DISCARD_BUTTON)(discard);
    expect(discard.preventDefault).toHaveBeenCalled();

    const goBack = { preventDefault: vi.fn() };
    confirmUnload(() => 1)(goBack);
    expect(goBack.preventDefault).not.toHaveBeenCalled();
  });

  it('defaults and escapes to keeping the work', () => {
    const o = unloadPromptOptions();
    expect(o.buttons[DISCARD_BUTTON]).toBe('Close without saving');
    expect(o.defaultId).not.toBe(DISCARD_BUTTON);
    expect(o.cancelId).not.toBe(DISCARD_BUTTON);
  });
});
