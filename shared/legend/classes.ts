/**
 * Every classed output of the app in one place: per class, its key (the map's `class`
 * property), the label an analyst reads in legends and popups, the short label written in
 * exports and tables, its colour and what it means. Map styles, legends, popups, exports, the
 * PDF briefing and the CLI all read these, so a class can never be called or coloured two ways.
 */

export interface ClassDef<C extends number = number> {
  /** The number analysis code uses (Gi*: +3..-3; trends: index into TREND_LABELS). */
  code: C;
  /** The map's `class` property and the legend's key. */
  key: string;
  /** As a legend or the cell popup says it. */
  label: string;
  /** As CSV, GeoJSON and XLSX columns, tallies and tables write it. */
  short: string;
  colour: string;
  /** One line on what puts a cell in the class. */
  explanation: string;
}

/** Drawn nowhere: cells that are not significant (or have no trend) are left clear. */
export const CLEAR = 'rgba(0,0,0,0)';

/**
 * Getis-Ord Gi* classes, hot to cold, as ArcGIS and sfhotspot users read them (ColorBrewer
 * RdBu). The p is the Benjamini-Hochberg adjusted one when the FDR correction is on.
 */
export const GI_CLASSES: readonly ClassDef[] = [
  { code: 3, key: 'hot-99', label: 'Hot spot, 99%', short: 'hot 99%', colour: '#b2182b', explanation: 'Gi* z > 0 and p < 0.01' },
  { code: 2, key: 'hot-95', label: 'Hot spot, 95%', short: 'hot 95%', colour: '#ef8a62', explanation: 'Gi* z > 0 and p < 0.05' },
  { code: 1, key: 'hot-90', label: 'Hot spot, 90%', short: 'hot 90%', colour: '#fddbc7', explanation: 'Gi* z > 0 and p < 0.10' },
  { code: -1, key: 'cold-90', label: 'Cold spot, 90%', short: 'cold 90%', colour: '#d1e5f0', explanation: 'Gi* z < 0 and p < 0.10' },
  { code: -2, key: 'cold-95', label: 'Cold spot, 95%', short: 'cold 95%', colour: '#67a9cf', explanation: 'Gi* z < 0 and p < 0.05' },
  { code: -3, key: 'cold-99', label: 'Cold spot, 99%', short: 'cold 99%', colour: '#2166ac', explanation: 'Gi* z < 0 and p < 0.01' },
];

export const GI_NOT_SIGNIFICANT: ClassDef = {
  code: 0, key: 'not-significant', label: 'Not significant', short: 'not significant', colour: CLEAR,
  explanation: 'p at or above 0.10, or z undefined',
};

/** The Gi* class of a code (+3..-3); anything else is not significant. */
export function giClass(code: number): ClassDef {
  return GI_CLASSES.find((c) => c.code === code) ?? GI_NOT_SIGNIFICANT;
}

/** The rule behind the Gi* classes, stated in every output's method. */
export const GI_CLASS_RULE =
  'hot/cold 99/95/90% when z > 0 / z < 0 and p < 0.01 / 0.05 / 0.10, using the Benjamini-Hochberg ' +
  'adjusted p when the FDR correction is on and the raw two-sided p when it is off';

/** Confidence levels (90/95/99) as Gi* class codes (1/2/3), for "hot at 95% or more" rules. */
export const GI_LEVELS: readonly { percent: 90 | 95 | 99; code: 1 | 2 | 3 }[] = [
  { percent: 90, code: 1 }, { percent: 95, code: 2 }, { percent: 99, code: 3 },
];

export function giLevelCode(percent: number): number | undefined {
  return GI_LEVELS.find((l) => l.percent === percent)?.code;
}

export function giLevelPercent(code: number): number | undefined {
  return GI_LEVELS.find((l) => l.code === code)?.percent;
}

/**
 * sfhotspot trend classes in legend order (hot trends warm, cold trends cool, mixed purple);
 * `code` is the index the classification returns. The shares are the defaults (see trends.ts).
 */
export const TREND_CLASSES: readonly ClassDef[] = [
  { code: 1, key: 'trend-persistent-hot', label: 'Persistent hot spot', short: 'persistent hotspot', colour: '#67000d', explanation: 'a significant hot spot in at least the persistent share of periods (default 0.8)' },
  { code: 2, key: 'trend-emerging-hot', label: 'Emerging hot spot', short: 'emerging hotspot', colour: '#f16913', explanation: 'rarely hot before (older share < 0.1), hot in the recent periods (recent share >= 0.2)' },
  { code: 4, key: 'trend-intermittent-hot', label: 'Intermittent hot spot', short: 'intermittent hotspot', colour: '#fdd0a2', explanation: 'hot in at least 0.1 of periods, with no steadier pattern' },
  { code: 3, key: 'trend-former-hot', label: 'Former hot spot', short: 'former hotspot', colour: '#bcbddc', explanation: 'hot before (older share >= 0.1), not in the recent periods (recent share < 0.1)' },
  { code: 9, key: 'trend-mixed', label: 'Mixed hot/cold', short: 'mixed hot/coldspot', colour: '#6a51a3', explanation: 'both a hot and a cold pattern across the periods' },
  { code: 5, key: 'trend-persistent-cold', label: 'Persistent cold spot', short: 'persistent coldspot', colour: '#08306b', explanation: 'a significant cold spot in at least the persistent share of periods (default 0.8)' },
  { code: 6, key: 'trend-emerging-cold', label: 'Emerging cold spot', short: 'emerging coldspot', colour: '#4292c6', explanation: 'rarely cold before (older share < 0.1), cold in the recent periods (recent share >= 0.2)' },
  { code: 8, key: 'trend-intermittent-cold', label: 'Intermittent cold spot', short: 'intermittent coldspot', colour: '#c6dbef', explanation: 'cold in at least 0.1 of periods, with no steadier pattern' },
  { code: 7, key: 'trend-former-cold', label: 'Former cold spot', short: 'former coldspot', colour: '#c7e9c0', explanation: 'cold before (older share >= 0.1), not in the recent periods (recent share < 0.1)' },
];

export const TREND_NO_PATTERN: ClassDef = {
  code: 0, key: 'trend-none', label: 'No pattern', short: 'no pattern', colour: CLEAR, explanation: 'no hot or cold pattern across the periods',
};

export function trendClass(code: number): ClassDef {
  return TREND_CLASSES.find((c) => c.code === code) ?? TREND_NO_PATTERN;
}

/** Short labels by code (0 = no pattern ... 9 = mixed): the values of the `trend` column. */
export const TREND_LABELS: readonly string[] = [TREND_NO_PATTERN, ...TREND_CLASSES].sort((a, b) => a.code - b.code).map((c) => c.short);

/** The trend class written as `short` (a tally key or an exported value). */
export function trendClassByShort(short: string): ClassDef | undefined {
  return TREND_CLASSES.find((c) => c.short === short);
}

/** Every class the cell layer can draw, key -> colour (Gi* and trends share the layer). */
export function cellClassColours(): [string, string][] {
  return [...GI_CLASSES, ...TREND_CLASSES].map((c) => [c.key, c.colour]);
}

/**
 * The KDE surface: ColorBrewer Purples (5) over the share of the peak density, 0 to 1 —
 * sequential, and apart from the Gi* reds and blues and the wards' YlOrRd, so a density
 * surface is never read as a hot spot. The raster and its legend draw these stops.
 */
export const KDE_RAMP: [number, [number, number, number]][] = [
  [0, [242, 240, 247]], [0.25, [203, 201, 226]], [0.5, [158, 154, 200]], [0.75, [117, 107, 177]], [1, [84, 39, 143]],
];
/** Shares of the peak below this are left clear. */
export const KDE_FLOOR = 0.01;
/**
 * Ramp position of a share of the peak density: its square root. Crime density is so skewed
 * (one city-centre peak) that a linear ramp leaves every other cluster in the palest stop.
 */
export const kdeShade = (share: number) => Math.sqrt(share);
/** Pixel opacity (0-255) at ramp position t: faint tails, solid peaks. */
export const kdeAlpha = (t: number) => Math.round(90 + 140 * t);

/** RGB at ramp position t (0-1), linear between the two stops around t. */
export function kdeRampColour(t: number): [number, number, number] {
  for (let i = 1; i < KDE_RAMP.length; i++) {
    const [t1, c1] = KDE_RAMP[i]!;
    const [t0, c0] = KDE_RAMP[i - 1]!;
    if (t <= t1) {
      const f = (t - t0) / (t1 - t0);
      return [0, 1, 2].map((k) => Math.round(c0[k]! + f * (c1[k]! - c0[k]!))) as [number, number, number];
    }
  }
  return KDE_RAMP[KDE_RAMP.length - 1]![1];
}

/** CSS colour of ramp position t with the raster's opacity, for the legend's gradient. */
export function kdeCss(t: number): string {
  return `rgba(${kdeRampColour(t).join(', ')}, ${(kdeAlpha(t) / 255).toFixed(2)})`;
}

/** Ward shading by count or harm: ColorBrewer YlOrRd (5) over quantile classes; its own colour for 0. */
export const WARD_RAMP = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;
export const WARD_ZERO = { code: -1, label: '0', colour: '#f7f7f7', explanation: 'no records in the ward' } as const;
export const WARD_CLASS_RULE = 'quantiles of non-zero wards';

/** Ward class code -> colour: -1 is zero, 0.. the ramp. */
export function wardClassColours(): [number, string][] {
  return [[WARD_ZERO.code, WARD_ZERO.colour], ...WARD_RAMP.map((c, i): [number, string] => [i, c])];
}

/** '#3b3bd6' at 35% as 'rgba(59,59,214,0.35)': the muted fill a legend swatch shows for a translucent layer. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/**
 * A patrol plan on the map and on paper. Candidate cells (Gi* hot cells one may pick) wear
 * the hot 99% red; chosen hotspots a blue that no class uses. The printed briefing draws
 * hotspots in a signal red, which its guidance calls "the red outline".
 */
export const PLAN_COLOURS = {
  hotspotOutline: '#1d1d8f',
  hotspotFill: '#3b3bd6',
  candidate: giClass(3).colour,
  printedHotspot: '#c8102e',
} as const;

/** The plan layer's two classes: outline colour, fill, the fill's opacity at county zoom and its muted swatch. */
export const PLAN_CLASSES: readonly { key: string; label: string; colour: string; fill: string; fillOpacity: number; muted: string }[] = [
  { key: 'plan-hotspot', label: 'plan hotspot, numbered by rank', colour: PLAN_COLOURS.hotspotOutline, fill: PLAN_COLOURS.hotspotFill, fillOpacity: 0.35, muted: withAlpha(PLAN_COLOURS.hotspotFill, 0.35) },
  { key: 'plan-candidate', label: 'Gi* hot cell (click to add it when picking)', colour: PLAN_COLOURS.candidate, fill: PLAN_COLOURS.candidate, fillOpacity: 0.18, muted: withAlpha(PLAN_COLOURS.candidate, 0.18) },
];

/** Patrol delivery against target (ColorBrewer RdYlGn): under half, half to 90%, 90% or more. */
export const DELIVERY_BANDS: readonly { below: number; colour: string; label: string }[] = [
  { below: 50, colour: '#d73027', label: 'under 50% of target' },
  { below: 90, colour: '#fdae61', label: '50-90%' },
  { below: Infinity, colour: '#1a9850', label: '90% or more' },
];
/** A row no input covers: never coloured as a zero. */
export const DELIVERY_NOT_MEASURED = '#9aa5b1';

export function deliveryColour(pct: number | null): string {
  if (pct === null) return DELIVERY_NOT_MEASURED;
  return DELIVERY_BANDS.find((b) => pct < b.below)!.colour;
}
