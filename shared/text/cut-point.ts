/**
 * Where to cut a long stretch of text into pieces a reader can lay out: used by the reader to
 * window long turns and by the importer to split a file's very long lines into paragraphs.
 */

export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160;
}

/**
 * Where to cut [from, limit) of a long stretch: the last line break, else the last sentence
 * end, else the last space in its second half; a hard cut (never inside a surrogate pair)
 * when there is none.
 */
export function cutPoint(text: string, from: number, limit: number): number {
  const floor = from + Math.floor((limit - from) / 2);
  // Looked for only back to `floor`: lastIndexOf would scan a one-line document to its start for every cut.
  for (let i = limit - 1; i > floor; i--) {
    if (text.charCodeAt(i) === 10) return i + 1;
  }
  for (let i = limit - 1; i > floor; i--) {
    const ch = text[i - 1];
    if ((ch === '.' || ch === '?' || ch === '!') && isSpace(text.charCodeAt(i))) return i + 1;
  }
  for (let i = limit - 1; i > floor; i--) {
    if (isSpace(text.charCodeAt(i))) return i + 1;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
