import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { assertXmlDepth } from '../xml-text';
import { ImportError } from '../types';
import { plural } from '../../../../shared/text/plural';

/**
 * Reading a REFI-QDA project (project.qde) or codebook (.qdc) into a plain model. Only what
 * Marginalia can use is kept in detail; everything else (non-text sources, sets, links,
 * graphs) is listed in `skipped` so the import report can say what was left behind and why.
 * GUIDs are compared case-insensitively and with or without braces, so they are stored
 * lower-case and bare.
 */

export interface RefiUser {
  guid: string;
  name: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  /** As written: `#RGB` or `#RRGGBB`, or undefined. */
  color?: string;
  isCodable: boolean;
  description: string;
  noteRefs: string[];
  children: RefiCode[];
}

export interface RefiCoding {
  guid: string;
  /** Empty when the Coding has no CodeRef. */
  codeGuid: string;
  creatingUser?: string;
  creationDateTime?: string;
  noteRefs: string[];
}

export interface RefiSelection {
  guid: string;
  name?: string;
  /** NaN when the attribute is missing or not a whole number. */
  start: number;
  end: number;
  creatingUser?: string;
  creationDateTime?: string;
  description: string;
  codings: RefiCoding[];
  noteRefs: string[];
}

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariableValue {
  variableGuid: string;
  /** Which value element was written, e.g. 'Text' for TextValue; null when none was. */
  kind: RefiVariableType | null;
  value: string;
}

export interface RefiTextSource {
  guid: string;
  name?: string;
  plainTextPath?: string;
  richTextPath?: string;
  plainTextContent?: string;
  creatingUser?: string;
  creationDateTime?: string;
  modifiedDateTime?: string;
  description: string;
  selections: RefiSelection[];
  /** Codings of the whole source. */
  codings: RefiCoding[];
  noteRefs: string[];
  variableValues: RefiVariableValue[];
}

export interface RefiNote {
  guid: string;
  name?: string;
  creatingUser?: string;
  creationDateTime?: string;
  modifiedDateTime?: string;
  description: string;
  plainTextPath?: string;
  plainTextContent?: string;
  /** Codings made inside the note: not imported. */
  codingCount: number;
}

export interface RefiCase {
  guid: string;
  name?: string;
  description: string;
  variableValues: RefiVariableValue[];
  sourceRefs: string[];
  selectionRefs: string[];
  codeRefs: string[];
}

export interface RefiVariable {
  guid: string;
  name: string;
  type: RefiVariableType | null;
  /** typeOfVariable as written, for the report when it is not one of the six. */
  typeWritten: string;
  description: string;
}

/** A note attached to something Marginalia does not import (a PDF, a set, a link…). */
export interface RefiStrandedNoteRef {
  noteGuid: string;
  /** What it was attached to, in words: "the PDF source “Kellogg's.pdf”". */
  attachedTo: string;
}

export interface RefiSkipped {
  kind: 'source' | 'set' | 'link' | 'graph';
  name: string;
  reason: string;
}

export interface RefiProject {
  kind: 'project';
  name?: string;
  origin?: string;
  description: string;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  textSources: RefiTextSource[];
  notes: RefiNote[];
  /** Notes attached to the project as a whole. */
  noteRefs: string[];
  strandedNoteRefs: RefiStrandedNoteRef[];
  skipped: RefiSkipped[];
}

export interface RefiCodebook {
  kind: 'codebook';
  origin?: string;
  codes: RefiCode[];
}

type XmlNode = Record<string, unknown>;

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

function kids(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'object' && v !== null ? (v as XmlNode) : { [textKey]: String(v) }));
}

function kid(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return kids(node, name)[0];
}

function textOf(node: XmlNode | undefined): string {
  const value = node?.[textKey];
  if (Array.isArray(value)) return value.map(String).join('');
  return value === undefined || value === null ? '' : String(value);
}

/** The text of a child element, or undefined when the element is absent. */
function childText(node: XmlNode | undefined, name: string): string | undefined {
  const child = kid(node, name);
  return child ? textOf(child) : undefined;
}

function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[attrPrefix + name];
  return typeof value === 'string' ? value : undefined;
}

/** A GUID as a lookup key: bare and lower-case. */
export function guidKey(guid: string | undefined): string {
  return (guid ?? '').trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
}

function optionalGuid(node: XmlNode, name: string): string | undefined {
  const key = guidKey(attr(node, name));
  return key || undefined;
}

function position(value: string | undefined): number {
  return value !== undefined && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
}

function refs(node: XmlNode, element: string): string[] {
  return kids(node, element)
    .map((r) => guidKey(attr(r, 'targetGUID') ?? attr(r, 'guid')))
    .filter((g) => g !== '');
}

function parseCode(node: XmlNode): RefiCode {
  const codable = (attr(node, 'isCodable') ?? 'true').trim().toLowerCase();
  return {
    guid: guidKey(attr(node, 'guid')),
    name: attr(node, 'name') ?? '',
    color: attr(node, 'color'),
    isCodable: codable !== 'false' && codable !== '0',
    description: childText(node, 'Description') ?? '',
    noteRefs: refs(node, 'NoteRef'),
    children: kids(node, 'Code').map(parseCode),
  };
}

function parseCodes(codeBook: XmlNode | undefined): RefiCode[] {
  return kids(kid(codeBook, 'Codes'), 'Code').map(parseCode);
}

function parseCoding(node: XmlNode): RefiCoding {
  return {
    guid: guidKey(attr(node, 'guid')),
    codeGuid: guidKey(attr(kid(node, 'CodeRef'), 'targetGUID')),
    creatingUser: optionalGuid(node, 'creatingUser'),
    creationDateTime: attr(node, 'creationDateTime'),
    noteRefs: refs(node, 'NoteRef'),
  };
}

function parseSelection(node: XmlNode): RefiSelection {
  return {
    guid: guidKey(attr(node, 'guid')),
    name: attr(node, 'name'),
    start: position(attr(node, 'startPosition')),
    end: position(attr(node, 'endPosition')),
    creatingUser: optionalGuid(node, 'creatingUser'),
    creationDateTime: attr(node, 'creationDateTime'),
    description: childText(node, 'Description') ?? '',
    codings: kids(node, 'Coding').map(parseCoding),
    noteRefs: refs(node, 'NoteRef'),
  };
}

const variableTypes: readonly RefiVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

function parseVariableValue(node: XmlNode): RefiVariableValue {
  const variableGuid = guidKey(attr(kid(node, 'VariableRef'), 'targetGUID'));
  for (const kind of variableTypes) {
    const value = childText(node, `${kind}Value`);
    if (value !== undefined) return { variableGuid, kind, value };
  }
  return { variableGuid, kind: null, value: '' };
}

function parseTextSource(node: XmlNode): RefiTextSource {
  return {
    guid: guidKey(attr(node, 'guid')),
    name: attr(node, 'name'),
    plainTextPath: attr(node, 'plainTextPath'),
    richTextPath: attr(node, 'richTextPath'),
    plainTextContent: childText(node, 'PlainTextContent'),
    creatingUser: optionalGuid(node, 'creatingUser'),
    creationDateTime: attr(node, 'creationDateTime'),
    modifiedDateTime: attr(node, 'modifiedDateTime'),
    description: childText(node, 'Description') ?? '',
    selections: kids(node, 'PlainTextSelection').map(parseSelection),
    codings: kids(node, 'Coding').map(parseCoding),
    noteRefs: refs(node, 'NoteRef'),
    variableValues: kids(node, 'VariableValue').map(parseVariableValue),
  };
}

/** Every Coding element anywhere under a node. */
function countCodings(node: XmlNode): number {
  let n = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith(attrPrefix) || key === textKey || !Array.isArray(value)) continue;
    for (const child of value) {
      if (typeof child !== 'object' || child === null) continue;
      if (key === 'Coding') n++;
      n += countCodings(child as XmlNode);
    }
  }
  return n;
}

/** Every NoteRef anywhere under a node, for sources that are not imported. */
function allNoteRefs(node: XmlNode): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith(attrPrefix) || key === textKey || !Array.isArray(value)) continue;
    for (const child of value) {
      if (typeof child !== 'object' || child === null) continue;
      if (key === 'NoteRef') {
        const guid = guidKey(attr(child as XmlNode, 'targetGUID'));
        if (guid) found.push(guid);
      } else {
        found.push(...allNoteRefs(child as XmlNode));
      }
    }
  }
  return found;
}

const otherSourceKinds: Record<string, string> = {
  PictureSource: 'a picture',
  PDFSource: 'a PDF',
  AudioSource: 'an audio recording',
  VideoSource: 'a video',
};


function parseNote(node: XmlNode): RefiNote {
  return {
    guid: guidKey(attr(node, 'guid')),
    name: attr(node, 'name'),
    creatingUser: optionalGuid(node, 'creatingUser'),
    creationDateTime: attr(node, 'creationDateTime'),
    modifiedDateTime: attr(node, 'modifiedDateTime'),
    description: childText(node, 'Description') ?? '',
    plainTextPath: attr(node, 'plainTextPath'),
    plainTextContent: childText(node, 'PlainTextContent'),
    codingCount: countCodings(node),
  };
}

function parseProject(root: XmlNode): RefiProject {
  const project: RefiProject = {
    kind: 'project',
    name: attr(root, 'name'),
    origin: attr(root, 'origin'),
    description: childText(root, 'Description') ?? '',
    users: kids(kid(root, 'Users'), 'User').map((u) => ({
      guid: guidKey(attr(u, 'guid')),
      name: (attr(u, 'name') ?? '').trim() || (attr(u, 'id') ?? '').trim(),
    })),
    codes: parseCodes(kid(root, 'CodeBook')),
    variables: kids(kid(root, 'Variables'), 'Variable').map((v) => {
      const typeWritten = attr(v, 'typeOfVariable') ?? '';
      const type = variableTypes.find((t) => t.toLowerCase() === typeWritten.trim().toLowerCase()) ?? null;
      return { guid: guidKey(attr(v, 'guid')), name: attr(v, 'name') ?? '', type, typeWritten, description: childText(v, 'Description') ?? '' };
    }),
    cases: kids(kid(root, 'Cases'), 'Case').map((c) => ({
      guid: guidKey(attr(c, 'guid')),
      name: attr(c, 'name'),
      description: childText(c, 'Description') ?? '',
      variableValues: kids(c, 'VariableValue').map(parseVariableValue),
      sourceRefs: refs(c, 'SourceRef'),
      selectionRefs: refs(c, 'SelectionRef'),
      codeRefs: refs(c, 'CodeRef'),
    })),
    textSources: [],
    notes: kids(kid(root, 'Notes'), 'Note').map(parseNote),
    noteRefs: refs(root, 'NoteRef'),
    strandedNoteRefs: [],
    skipped: [],
  };

  const sources = kid(root, 'Sources');
  for (const [element, value] of Object.entries(sources ?? {})) {
    if (element.startsWith(attrPrefix) || element === textKey || !Array.isArray(value)) continue;
    for (const node of kids(sources, element)) {
      if (element === 'TextSource') {
        project.textSources.push(parseTextSource(node));
        continue;
      }
      const name = attr(node, 'name') ?? attr(node, 'path') ?? guidKey(attr(node, 'guid'));
      const what = otherSourceKinds[element];
      const codings = countCodings(node);
      const lost = codings ? ` (${plural(codings, 'coding')} not imported)` : '';
      project.skipped.push({
        kind: 'source',
        name,
        reason: what
          ? `it is ${what}; Marginalia imports plain-text sources only${lost}`
          : `it is a kind of source Marginalia does not know (${element})${lost}`,
      });
      for (const noteGuid of allNoteRefs(node)) {
        project.strandedNoteRefs.push({ noteGuid, attachedTo: `the ${what ? what.replace(/^an? /, '') : 'source'} “${name}”` });
      }
    }
  }

  for (const set of kids(kid(root, 'Sets'), 'Set')) {
    project.skipped.push({ kind: 'set', name: attr(set, 'name') ?? '', reason: 'Marginalia has no sets' });
    for (const noteGuid of refs(set, 'NoteRef')) project.strandedNoteRefs.push({ noteGuid, attachedTo: `the set “${attr(set, 'name') ?? ''}”` });
  }
  for (const link of kids(kid(root, 'Links'), 'Link')) {
    project.skipped.push({ kind: 'link', name: attr(link, 'name') ?? '', reason: 'Marginalia has no links between items' });
    for (const noteGuid of refs(link, 'NoteRef')) project.strandedNoteRefs.push({ noteGuid, attachedTo: `the link “${attr(link, 'name') ?? ''}”` });
  }
  for (const graph of kids(kid(root, 'Graphs'), 'Graph')) {
    project.skipped.push({ kind: 'graph', name: attr(graph, 'name') ?? '', reason: 'Marginalia has no graphs' });
  }
  return project;
}

/**
 * Parses a project.qde or a .qdc. `file` is the name to blame (the file the user chose), and
 * `part` the entry inside it, if any ("project.qde").
 */
export function parseRefiXml(xml: string, file: string, part?: string): RefiProject | RefiCodebook {
  const what = part ? `its ${part}` : 'it';
  const body = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (body.trim() === '') throw new ImportError(file, `${what} is empty`);
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new ImportError(file, `${what} is not well-formed XML (line ${line}, column ${col}: ${msg}), so it cannot be read`);
  }
  assertXmlDepth(body, file, part);
  let parsed: XmlNode;
  try {
    parsed = parser.parse(body) as XmlNode;
  } catch (error) {
    throw new ImportError(file, `${what} cannot be read as XML: ${(error as Error).message}`);
  }
  const project = kid(parsed, 'Project');
  if (project) return parseProject(project);
  const codeBook = kid(parsed, 'CodeBook');
  if (codeBook) return { kind: 'codebook', origin: attr(codeBook, 'origin'), codes: parseCodes(codeBook) };
  const root = Object.keys(parsed).find((k) => !k.startsWith('?') && !k.startsWith(attrPrefix) && k !== textKey) ?? 'nothing';
  throw new ImportError(file, `${what} is not a REFI-QDA project or codebook: its root element is <${root}>, not <Project> or <CodeBook>`);
}

export function parseQde(xml: string, file: string, part?: string): RefiProject {
  const result = parseRefiXml(xml, file, part);
  if (result.kind !== 'project') {
    throw new ImportError(file, `${part ? `its ${part}` : 'it'} is a REFI-QDA codebook, not a project: import it as a codebook (.qdc)`);
  }
  return result;
}

/** A .qdc's codes, or the codebook of a whole project. */
export function parseQdc(xml: string, file: string, part?: string): RefiCodebook {
  const result = parseRefiXml(xml, file, part);
  return result.kind === 'codebook' ? result : { kind: 'codebook', origin: result.origin, codes: result.codes };
}
