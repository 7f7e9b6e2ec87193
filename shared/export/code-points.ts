/**
 * Offsets in code points (what REFI-QDA counts) from offsets in UTF-16 code units (what
 * JavaScript strings and Marginalia's codings count). They differ after every character
 * outside the Basic Multilingual Plane: an emoji is two UTF-16 units but one code point.
 */

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * The code-point offset of each UTF-16 offset in `text`: the number of code points that start
 * before it. Offsets are clamped to the text; one inside a surrogate pair counts the pair as
 * passed. One pass over the text, whatever the number of offsets.
 */
export function toCodePointOffsets(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const result = new Array<number>(offsets.length);
  let unit = 0;
  let points = 0;
  for (const index of order) {
    const target = Math.max(0, Math.min(text.length, offsets[index]!));
    while (unit < target) {
      unit += isHigh(text.charCodeAt(unit)) && unit + 1 < text.length && isLow(text.charCodeAt(unit + 1)) ? 2 : 1;
      points++;
    }
    result[index] = points;
  }
  return result;
}

/** The number of code points in `text` (a lone surrogate counts as one). */
export function codePointLength(text: string): number {
  return toCodePointOffsets(text, [text.length])[0]!;
}
