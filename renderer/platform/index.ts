import type { DesktopApi } from '../../shared/desktopApi';
import { browserPlatform } from './browserPlatform';
import { desktopPlatform } from './desktopPlatform';
import type { Platform } from './platform';

declare global {
  interface Window {
    hotspot?: DesktopApi;
  }
}

/** The desktop preload exposes `window.hotspot`; without it we are in a plain browser. */
export function detectPlatform(): Platform {
  return window.hotspot ? desktopPlatform(window.hotspot) : browserPlatform();
}
