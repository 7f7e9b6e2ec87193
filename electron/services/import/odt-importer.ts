import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { looksLikeZip, readArchive } from './archive';
import { buildDocument } from './text-importer';
import { assertXmlDepth } from './xml-text';
import { ImportError } from './types';
import type { ParsedDocument, SourceFile, SpeakerChoice } from './types';

/**
 * OpenDocument text (.odt, LibreOffice and others). The text lives in content.xml, under
 * office:body/office:text. Paragraphs and headings (text:p, text:h) become paragraphs
 * separated by a blank line — the same shape as mammoth's Word text — wherever they sit:
 * in lists, tables, sections or text boxes. Inside a paragraph, white space follows the ODF
 * rules (runs of spaces, tabs and line ends collapse to one space, leading and trailing ones
 * drop), and text:s, text:tab and text:line-break give literal spaces, tabs and line breaks.
 * Notes (footnotes, endnotes), comments and tracked deletions are not part of the running
 * text and are skipped.
 */

const odtMime = 'application/vnd.oasis.opendocument.text';
const acceptedMimes = new Set([odtMime, 'application/vnd.oasis.opendocument.text-template']);

/** One node of fast-xml-parser's preserveOrder output: { tag: children, ':@'?: attributes }. */
type XmlNode = Record<string, unknown>;

/** Elements whose content is not running text. */
const skipped = new Set([
  'text:note', // footnotes and endnotes: citation mark and body
  'office:annotation', // comments
  'office:annotation-end',
  'text:tracked-changes', // deleted text kept for change tracking
  'text:soft-page-break',
  'office:forms',
  'office:scripts',
  'text:bookmark',
  'text:bookmark-start',
  'text:bookmark-end',
  'text:change',
  'text:change-start',
  'text:change-end',
  'draw:image',
  'svg:title',
  'svg:desc',
]);

/** Most spaces one text:s may stand for: a hostile text:c must not allocate gigabytes. */
const maxSpaces = 1000;

function tagOf(node: XmlNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return null;
}

function childrenOf(node: XmlNode, tag: string): XmlNode[] {
  const children = node[tag];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

function attribute(node: XmlNode, name: string): string | undefined {
  const attributes = node[':@'] as Record<string, unknown> | undefined;
  const value = attributes?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

function isSkipped(tag: string): boolean {
  return skipped.has(tag) || tag.endsWith('-decls') || tag.endsWith('-source');
}

/** Builds one paragraph's text, applying ODF white-space collapsing across element boundaries. */
class ParagraphBuilder {
  private text = '';
  /** Does the text end with a space that came from collapsing (and so may be dropped)? */
  private endsWithCollapsed = false;

  addCollapsible(raw: string): void {
    const collapsed = raw.replace(/[ \t\r\n]+/g, ' ');
    for (const piece of collapsed.split(/( )/)) {
      if (piece === '') continue;
      if (piece === ' ') {
        if (this.text === '' || this.endsWithCollapsed) continue;
        this.text += ' ';
        this.endsWithCollapsed = true;
      } else {
        this.text += piece;
        this.endsWithCollapsed = false;
      }
    }
  }

  addLiteral(literal: string): void {
    this.text += literal;
    this.endsWithCollapsed = false;
  }

  finish(): string {
    return this.endsWithCollapsed ? this.text.slice(0, -1) : this.text;
  }
}

class OdtText {
  readonly paragraphs: string[] = [];

  /** Block level: office:text and everything that holds paragraphs. Stray text here is formatting white space. */
  blocks(nodes: XmlNode[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === null || tag === '#text' || isSkipped(tag)) continue;
      if (tag === 'text:p' || tag === 'text:h') this.paragraph(childrenOf(node, tag));
      else this.blocks(childrenOf(node, tag));
    }
  }

  private paragraph(nodes: XmlNode[]): void {
    const builder = new ParagraphBuilder();
    // Paragraphs met inside this one (in a frame's text box) follow it.
    const nested: XmlNode[][] = [];
    this.inline(nodes, builder, nested);
    const text = builder.finish();
    if (text.trim() !== '') this.paragraphs.push(text);
    for (const inner of nested) this.paragraph(inner);
  }

  private inline(nodes: XmlNode[], builder: ParagraphBuilder, nested: XmlNode[][]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === null || isSkipped(tag)) continue;
      if (tag === '#text') {
        const value = node['#text'];
        builder.addCollapsible(typeof value === 'string' ? value : String(value ?? ''));
      } else if (tag === 'text:s') {
        const count = Number.parseInt(attribute(node, 'text:c') ?? '1', 10);
        builder.addLiteral(' '.repeat(Number.isFinite(count) ? Math.min(Math.max(count, 1), maxSpaces) : 1));
      } else if (tag === 'text:tab') {
        builder.addLiteral('\t');
      } else if (tag === 'text:line-break') {
        builder.addLiteral('\n');
      } else if (tag === 'text:p' || tag === 'text:h') {
        nested.push(childrenOf(node, tag));
      } else {
        // text:span, text:a, text:meta, fields (dates, page numbers), frames and text boxes:
        // their text is the paragraph's, except whole paragraphs, which were collected above.
        this.inline(childrenOf(node, tag), builder, nested);
      }
    }
  }
}

function findPath(nodes: XmlNode[], path: readonly string[]): XmlNode[] | null {
  let current = nodes;
  for (const tag of path) {
    const next = current.find((n) => tagOf(n) === tag);
    if (!next) return null;
    current = childrenOf(next, tag);
  }
  return current;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** The running text of an ODF content.xml: paragraphs separated by a blank line. */
export function odtContentText(file: SourceFile, xml: string): string {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ImportError(file.name, `is damaged: content.xml is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  assertXmlDepth(xml, file.name, 'content.xml');
  let tree: XmlNode[];
  try {
    const parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      processEntities: true,
      // Also decodes numeric character references (&#233;), which XML requires.
      htmlEntities: true,
      maxNestedTags: 512,
    });
    tree = parser.parse(xml) as XmlNode[];
  } catch (error) {
    throw new ImportError(file.name, `is damaged: content.xml could not be read (${(error as Error).message})`);
  }
  const body = findPath(tree, ['office:document-content', 'office:body', 'office:text']);
  if (!body) throw new ImportError(file.name, 'is not an OpenDocument text document: content.xml has no text body');
  const text = new OdtText();
  text.blocks(body);
  return text.paragraphs.join('\n\n');
}

export async function importOdtFile(file: SourceFile, options: { speakers: SpeakerChoice }): Promise<ParsedDocument> {
  if (!looksLikeZip(file.bytes)) throw new ImportError(file.name, 'is not an OpenDocument text document (.odt): it is not a zip archive');
  const parts = await readArchive(file, {
    wanted: (name) => name === 'mimetype' || name === 'content.xml' || name === 'META-INF/manifest.xml',
  });

  const mimetype = parts.get('mimetype');
  const manifest = parts.has('META-INF/manifest.xml') ? decoder.decode(parts.get('META-INF/manifest.xml')) : '';
  if (mimetype) {
    const type = decoder.decode(mimetype).trim();
    if (!acceptedMimes.has(type)) {
      throw new ImportError(file.name, `is not an OpenDocument text document: its type is ${type.slice(0, 100) || 'empty'}, not ${odtMime}`);
    }
  } else if (!/manifest:full-path="\/"[^>]*manifest:media-type="application\/vnd\.oasis\.opendocument\.text"|manifest:media-type="application\/vnd\.oasis\.opendocument\.text"[^>]*manifest:full-path="\/"/.test(manifest)) {
    throw new ImportError(file.name, 'is not an OpenDocument text document: it has no mimetype entry');
  }
  if (manifest.includes('encryption-data')) {
    throw new ImportError(file.name, 'is password-protected: save it without a password in LibreOffice (File › Save As, untick “Save with password”) and import again');
  }
  const content = parts.get('content.xml');
  if (!content) throw new ImportError(file.name, 'is not an OpenDocument text document: it has no content.xml');
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new ImportError(file.name, 'is damaged: content.xml is not valid UTF-8');
  }
  return buildDocument(file, odtContentText(file, xml), options.speakers);
}
