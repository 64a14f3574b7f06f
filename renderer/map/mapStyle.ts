/**
 * Colours of the app's own layers. The street basemap under them (basemapStyle.ts) is served
 * by the app itself: crime data is sensitive and the app makes no network requests unless
 * the user configures a remote tile URL.
 */
/** The map's background when the basemap is switched off. */
export const BACKGROUND = '#eef1f4';
export const SELECTED = '#d6007a';

/** Sequential ramp (ColorBrewer YlOrRd 5) for counts and harm. */
export const RAMP = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];

/** Gi* classes, cold to hot, as ArcGIS and sfhotspot users read them. */
export const GI_COLOURS: Record<string, string> = {
  'hot-99': '#b2182b',
  'hot-95': '#ef8a62',
  'hot-90': '#fddbc7',
  'cold-90': '#d1e5f0',
  'cold-95': '#67a9cf',
  'cold-99': '#2166ac',
};

/** sfhotspot-style trend classes; hot trends warm, cold trends cool, mixed purple. */
export const TREND_COLOURS: Record<string, string> = {
  'trend-persistent-hot': '#67000d',
  'trend-emerging-hot': '#f16913',
  'trend-former-hot': '#bcbddc',
  'trend-intermittent-hot': '#fdd0a2',
  'trend-persistent-cold': '#08306b',
  'trend-emerging-cold': '#4292c6',
  'trend-former-cold': '#c7e9c0',
  'trend-intermittent-cold': '#c6dbef',
  'trend-mixed': '#6a51a3',
};
