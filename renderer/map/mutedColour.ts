/**
 * Colour arithmetic for the muted basemap. OSM Bright's yellows, greens and pinks compete with
 * the Gi* reds and blues and the ward ramp; the basemap is there to say where a cell is, not
 * to be read for itself, so its colours lose most of their saturation and move toward white.
 */

interface Hsla {
  h: number;
  s: number;
  l: number;
  a: number;
}

function rgbToHsl(r: number, g: number, b: number, a: number): Hsla {
  const rn = r / 255;
  const gn = g / 255;
  const bn = b / 255;
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l: l * 100, a };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === rn) h = (gn - bn) / d + (gn < bn ? 6 : 0);
  else if (max === gn) h = (bn - rn) / d + 2;
  else h = (rn - gn) / d + 4;
  return { h: h * 60, s: s * 100, l: l * 100, a };
}

/** Parses the colour forms OSM Bright uses (#rgb, #rrggbb, rgb(a), hsl(a)); null for anything else. */
export function parseColour(text: string): Hsla | null {
  const t = text.trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(t);
  if (m) {
    const [r, g, b] = [...m[1]!].map((c) => parseInt(c + c, 16));
    return rgbToHsl(r!, g!, b!, 1);
  }
  m = /^#([0-9a-f]{6})$/.exec(t);
  if (m) {
    const n = parseInt(m[1]!, 16);
    return rgbToHsl((n >> 16) & 255, (n >> 8) & 255, n & 255, 1);
  }
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(t);
  if (m) return rgbToHsl(Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4]));
  m = /^hsla?\(\s*([\d.]+)\s*,\s*([\d.]+)%\s*,\s*([\d.]+)%\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(t);
  if (m) return { h: Number(m[1]), s: Number(m[2]), l: Number(m[3]), a: m[4] === undefined ? 1 : Number(m[4]) };
  return null;
}

function format({ h, s, l, a }: Hsla): string {
  const r = (x: number) => Math.round(x * 10) / 10;
  return a === 1 ? `hsl(${r(h)}, ${r(s)}%, ${r(l)}%)` : `hsla(${r(h)}, ${r(s)}%, ${r(l)}%, ${a})`;
}

export interface Muting {
  /** Share of the saturation kept (0 = grey). */
  saturation: number;
  /** Share of the way to white that lightness moves (0 = unchanged). */
  lighten: number;
}

/** Area fills (land use, parks, water, buildings): mostly grey, lighter. */
export const MUTE_FILL: Muting = { saturation: 0.3, lighten: 0.3 };
/** Roads, rails and rivers: half their colour and barely lighter, so the street pattern reads at a glance. */
export const MUTE_LINE: Muting = { saturation: 0.5, lighten: 0.08 };
/** Text: greyer but as dark as before, so labels stay readable. */
export const MUTE_TEXT: Muting = { saturation: 0.3, lighten: 0 };

/** The muted form of a colour; a value that is not a colour comes back unchanged. */
export function muteColour(colour: string, m: Muting): string {
  const c = parseColour(colour);
  if (!c) return colour;
  return format({ h: c.h, s: c.s * m.saturation, l: c.l + (100 - c.l) * m.lighten, a: c.a });
}

/** HSL to 0-255 RGB, for tests that look for a muted colour on screen. */
export function colourToRgb(colour: string): [number, number, number] {
  const c = parseColour(colour);
  if (!c) throw new Error(`not a colour: ${colour}`);
  const s = c.s / 100;
  const l = c.l / 100;
  const k = (n: number) => (n + c.h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}
