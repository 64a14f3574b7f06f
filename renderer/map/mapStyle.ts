/**
 * Colours of the app's own layers. The street basemap under them (basemapStyle.ts) is served
 * by the app itself: crime data is sensitive and the app makes no network requests unless
 * the user configures a remote tile URL. Class colours come from shared/legend/classes.ts,
 * which the legends and exports read too.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { CLEAR, GI_CLASSES, TREND_CLASSES, WARD_RAMP, WARD_ZERO, cellClassColours, wardClassColours } from '../../shared/legend/classes';

/** The map's background when the basemap is switched off. */
export const BACKGROUND = '#eef1f4';
export const SELECTED = '#d6007a';

/** Sequential ramp (ColorBrewer YlOrRd 5) for counts and harm. */
export const RAMP: readonly string[] = WARD_RAMP;

/** Gi* classes, cold to hot, as ArcGIS and sfhotspot users read them. */
export const GI_COLOURS: Record<string, string> = Object.fromEntries(GI_CLASSES.map((c) => [c.key, c.colour]));

/** sfhotspot-style trend classes; hot trends warm, cold trends cool, mixed purple. */
export const TREND_COLOURS: Record<string, string> = Object.fromEntries(TREND_CLASSES.map((c) => [c.key, c.colour]));

/** Fill and outline colour of a Gi* or trend cell, by its `class` property; anything else is clear. */
export function cellColourExpression(): ExpressionSpecification {
  return ['match', ['get', 'class'], ...cellClassColours().flat(), CLEAR] as unknown as ExpressionSpecification;
}

/** Ward shading by its quantile class `cls` (-1 is zero). */
export function wardColourExpression(): ExpressionSpecification {
  return ['match', ['get', 'cls'], ...wardClassColours().flat(), WARD_ZERO.colour] as unknown as ExpressionSpecification;
}
