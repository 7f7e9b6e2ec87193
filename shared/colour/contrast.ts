/**
 * WCAG 2.2 contrast, pure: relative luminance, contrast ratio, and the nearest colour to a
 * user's choice that is readable on a given background. Codes and coders get colours the user
 * picks (or imports); text and stripes drawn in them must still meet AA (4.5:1 for text, 3:1
 * for graphical parts), so the colour is darkened or lightened just enough, keeping its hue.
 */

export type Rgb = readonly [number, number, number];

/** WCAG's minimum ratios: body text, and large text or user-interface parts. */
export const TEXT_CONTRAST = 4.5;
export const UI_CONTRAST = 3;

/** `#rgb` or `#rrggbb` (case-insensitive) as 0–255 channels; null for anything else. */
export function parseHex(colour: string): Rgb | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance as WCAG 2 defines it (sRGB, 0 for black to 1 for white). */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const mix = (from: Rgb, to: Rgb, t: number): Rgb => from.map((c, i) => c + (to[i]! - c) * t) as unknown as Rgb;

/**
 * `colour` itself when it already reaches `minRatio` on `background`; otherwise the least
 * mix of it towards black (or white, on a dark background) that does. Colours that cannot be
 * read (not `#rgb`/`#rrggbb`) come back unchanged: the caller's fallback styling applies.
 */
export function readableOn(colour: string, background: string, minRatio: number = TEXT_CONTRAST): string {
  const fg = parseHex(colour);
  const bg = parseHex(background);
  if (!fg || !bg) return colour;
  if (contrastRatio(fg, bg) >= minRatio) return colour;
  const towards: Rgb = luminance(bg) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  // Bisect the mix: the ratio grows monotonically as the colour moves towards black (or white).
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2;
    if (contrastRatio(mix(fg, towards, mid), bg) >= minRatio) hi = mid;
    else lo = mid;
  }
  // Rounding to whole channels can lose a hair of contrast: step on until it holds.
  let t = hi;
  let out = toHex(mix(fg, towards, t));
  while (contrastRatio(parseHex(out)!, bg) < minRatio && t < 1) {
    t = Math.min(1, t + 0.01);
    out = toHex(mix(fg, towards, t));
  }
  return out;
}
