/**
 * Writing HTML safely by hand: every user string goes through `esc` (text and attribute
 * values alike), colours through `safeColor`, and text inside CSS strings through `cssString`.
 * Pure: no Node, no DOM.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A #RRGGBB colour as given, or a neutral grey for anything else. */
export function safeColor(color: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#888888';
}

/** A CSS string literal: everything but letters, digits and spaces as a hex escape. */
export function cssString(text: string): string {
  return `"${[...text].map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

/** An id for an in-page link from any key: letters, digits and dashes only. */
export function anchor(prefix: string, key: string): string {
  return `${prefix}-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
