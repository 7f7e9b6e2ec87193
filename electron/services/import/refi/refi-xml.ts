import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from '../types';
import { assertXmlDepth } from '../xml-text';

/**
 * The XML of a REFI-QDA file as plain nodes, and small readers for them. The parser is set up
 * once here so that every element reads as a list, no value is converted, and no DOCTYPE entity
 * is expanded (only the five XML entities and character references are).
 */

export type XmlNode = Record<string, unknown>;

const attrPrefix = '@';
const textKey = '#text';

/** The five XML entities and numeric character references, decoded in one pass; DOCTYPE entities are ignored. */
const xmlEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }
    return xmlEntities[ref] ?? whole;
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: attrPrefix,
  textNodeName: textKey,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Every element is an array, so one and many read the same way.
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  maxNestedTags: 10_000,
  processEntities: true,
  entityDecoder: {
    setExternalEntities: () => undefined,
    addInputEntities: () => undefined,
    reset: () => undefined,
    setXmlVersion: () => undefined,
    decode: decodeEntities,
  },
});

export function kids(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'object' && v !== null ? (v as XmlNode) : { [textKey]: String(v) }));
}

export function kid(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return kids(node, name)[0];
}

function textOf(node: XmlNode | undefined): string {
  const value = node?.[textKey];
  if (Array.isArray(value)) return value.map(String).join('');
  return value === undefined || value === null ? '' : String(value);
}

/** The text of a child element, or undefined when the element is absent. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const child = kid(node, name);
  return child ? textOf(child) : undefined;
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[attrPrefix + name];
  return typeof value === 'string' ? value : undefined;
}

/** A GUID as a lookup key: bare and lower-case. */
export function guidKey(guid: string | undefined): string {
  return (guid ?? '').trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
}

export function optionalGuid(node: XmlNode, name: string): string | undefined {
  const key = guidKey(attr(node, name));
  return key || undefined;
}

export function position(value: string | undefined): number {
  return value !== undefined && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
}

export function refs(node: XmlNode, element: string): string[] {
  return kids(node, element)
    .map((r) => guidKey(attr(r, 'targetGUID') ?? attr(r, 'guid')))
    .filter((g) => g !== '');
}

/**
 * A REFI-QDA file's XML as a tree, refused with a message naming `file` (and `part`, the entry
 * inside it) when it is empty, not well-formed or nested too deep to read safely.
 */
export function readXmlTree(xml: string, file: string, part?: string): XmlNode {
  const what = part ? `its ${part}` : 'it';
  const body = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (body.trim() === '') throw new ImportError(file, `${what} is empty`);
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new ImportError(file, `${what} is not well-formed XML (line ${line}, column ${col}: ${msg}), so it cannot be read`);
  }
  assertXmlDepth(body, file, part);
  try {
    return parser.parse(body) as XmlNode;
  } catch (error) {
    throw new ImportError(file, `${what} cannot be read as XML: ${(error as Error).message}`);
  }
}

/** Whether an entry of a node (`key` → `value`) is a list of child elements, not an attribute or text. */
export function isChildElement(key: string, value: unknown): value is unknown[] {
  return !key.startsWith(attrPrefix) && key !== textKey && Array.isArray(value);
}

/** The name of a tree's root element, for saying what a file is instead. */
export function rootElementName(tree: XmlNode): string {
  return Object.keys(tree).find((k) => !k.startsWith('?') && !k.startsWith(attrPrefix) && k !== textKey) ?? 'nothing';
}
