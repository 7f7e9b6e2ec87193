import { ImportError } from './types';

/** XML as the importers read it: decoded by its byte-order mark, and checked for hostile nesting. */

/** The text of an XML file or part: UTF-8 (with or without BOM), or UTF-16 when its BOM says so. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}

/**
 * The deepest element nesting any importer accepts. Real documents stay far below it (Word
 * tables within tables, a REFI-QDA code tree); hostile ones nest thousands of levels to
 * overflow a recursive parser's stack, which would otherwise surface as a raw "Maximum call
 * stack size exceeded".
 */
export const MAX_XML_DEPTH = 256;

/**
 * How deeply the elements of well-formed XML nest, counted without recursion: start tags
 * open a level, end tags close one; self-closing tags, comments, CDATA, processing
 * instructions and the DOCTYPE do not count. Stops counting once past `limit`.
 */
export function xmlDepth(xml: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let i = xml.indexOf('<');
  while (i !== -1 && i < xml.length) {
    const next = xml[i + 1];
    if (xml.startsWith('<!--', i)) i = after(xml, '-->', i);
    else if (xml.startsWith('<![CDATA[', i)) i = after(xml, ']]>', i);
    else if (next === '?') i = after(xml, '?>', i);
    else if (next === '!') i = after(xml, '>', i);
    else if (next === '/') {
      depth--;
      i = after(xml, '>', i);
    } else {
      const end = tagEnd(xml, i);
      if (xml[end - 1] !== '/') {
        depth++;
        if (depth > deepest) deepest = depth;
        if (deepest > limit) return deepest;
      }
      i = end + 1;
    }
    i = xml.indexOf('<', i);
  }
  return deepest;
}

/** The index just past `marker`, or the end of the text. */
function after(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from);
  return at === -1 ? xml.length : at + marker.length;
}

/** The index of the `>` closing the start tag at `from`, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote: string | null = null;
  for (let i = from + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return xml.length;
}

/** Refuses XML nested deeper than MAX_XML_DEPTH, naming the file and, in an archive, the part. */
export function assertXmlDepth(xml: string, file: string, part?: string): void {
  if (xmlDepth(xml, MAX_XML_DEPTH) > MAX_XML_DEPTH) {
    const where = part === undefined ? 'its elements nest' : `${part} nests elements`;
    throw new ImportError(file, `is too deeply nested to read: ${where} more than ${MAX_XML_DEPTH} levels deep`);
  }
}
