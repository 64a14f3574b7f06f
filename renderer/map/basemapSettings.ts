import { BUNDLED_BOUNDS, BUNDLED_MAXZOOM, bundledTilesUrl, type TileSourceOptions } from './basemapStyle';

/**
 * The analyst's basemap choices. Kept in the browser's localStorage (per machine, not per
 * project): a basemap is a property of where the app runs (which force, which network
 * policy), not of the analysis, and a project file shared with a colleague must never carry
 * a tile URL that would make their copy reach the network.
 */
export type TileChoice = 'bundled' | 'user' | 'remote';

export interface BasemapSettings {
  visible: boolean;
  choice: TileChoice;
  /** An XYZ template: a tile server's address ending in /{z}/{x}/{y}.pbf; used only when choice is 'remote'. */
  remoteUrl: string;
}

export const DEFAULT_BASEMAP: BasemapSettings = { visible: true, choice: 'bundled', remoteUrl: '' };

const KEY = 'hotspot-planner.basemap.v1';

/** What the map needs to draw the basemap: where its assets live, which tiles, shown or not. */
export interface BasemapView {
  assetBase: string;
  visible: boolean;
  source: TileSourceOptions;
}

/** Reads the saved choices; anything unreadable gives the defaults (bundled tiles, shown, no remote URL). */
export function loadBasemapSettings(storage: Pick<Storage, 'getItem'> | null): BasemapSettings {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return DEFAULT_BASEMAP;
    const v = JSON.parse(raw) as Partial<BasemapSettings>;
    const choice: TileChoice = v.choice === 'remote' || v.choice === 'user' ? v.choice : 'bundled';
    const remoteUrl = typeof v.remoteUrl === 'string' ? v.remoteUrl : '';
    return {
      visible: v.visible !== false,
      // User tiles are a file picked in this session; after a reload the bundled tiles come back.
      choice: choice === 'user' || (choice === 'remote' && remoteTileProblem(remoteUrl) !== null) ? 'bundled' : choice,
      remoteUrl,
    };
  } catch {
    return DEFAULT_BASEMAP;
  }
}

export function saveBasemapSettings(storage: Pick<Storage, 'setItem'> | null, s: BasemapSettings): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ ...s, choice: s.choice === 'user' ? 'bundled' : s.choice }));
  } catch {
    // Private windows may refuse storage; the choice then lasts for this session only.
  }
}

/** Null when `url` is a usable XYZ tile template, else a sentence saying what is wrong. */
export function remoteTileProblem(url: string): string | null {
  const t = url.trim();
  if (t === '') return 'Enter a tile URL.';
  let u: URL;
  try {
    u = new URL(t.replace(/\{[zxy]\}/g, '0'));
  } catch {
    return 'That is not a web address.';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'The tile URL must be a web address (https, or http for a server on this computer).';
  for (const p of ['{z}', '{x}', '{y}']) if (!t.includes(p)) return `The tile URL must contain ${p} (the address should end in /{z}/{x}/{y}.pbf).`;
  return null;
}

/** The absolute URL of the renderer's basemap folder, from the page's own address. */
export function assetBaseFrom(documentBase: string): string {
  return new URL('basemap/', documentBase).href;
}

/** The bundled West Yorkshire tiles, served by the app itself. */
export function bundledSource(assetBase: string): TileSourceOptions {
  return { tiles: bundledTilesUrl(assetBase), maxzoom: BUNDLED_MAXZOOM, bounds: BUNDLED_BOUNDS };
}
