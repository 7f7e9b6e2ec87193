import { ImportError } from '../types';
import { plural } from '../../../../shared/text/plural';
import type { RefiCode, RefiCodebook, RefiCoding, RefiNote, RefiProject, RefiSelection, RefiTextSource, RefiVariableType, RefiVariableValue } from './refi-model';
import { attr, childText, guidKey, isChildElement, kid, kids, optionalGuid, position, readXmlTree, refs, rootElementName } from './refi-xml';
import type { XmlNode } from './refi-xml';

/**
 * Reading a REFI-QDA project (project.qde) or codebook (.qdc) into the plain model of
 * refi-model.ts, element by element.
 */

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
    if (!isChildElement(key, value)) continue;
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
    if (!isChildElement(key, value)) continue;
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
    sets: [],
    noteRefs: refs(root, 'NoteRef'),
    strandedNoteRefs: [],
    skipped: [],
  };

  const sources = kid(root, 'Sources');
  for (const [element, value] of Object.entries(sources ?? {})) {
    if (!isChildElement(element, value)) continue;
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
    const members = (element: string) => kids(set, element).map((m) => guidKey(attr(m, 'targetGUID') ?? attr(m, 'guid'))).filter(Boolean);
    project.sets.push({ guid: guidKey(attr(set, 'guid')), name: attr(set, 'name') ?? '', sourceRefs: members('MemberSource'), codeCount: members('MemberCode').length, noteCount: members('MemberNote').length });
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
  const parsed = readXmlTree(xml, file, part);
  const project = kid(parsed, 'Project');
  if (project) return parseProject(project);
  const codeBook = kid(parsed, 'CodeBook');
  if (codeBook) return { kind: 'codebook', origin: attr(codeBook, 'origin'), codes: parseCodes(codeBook) };
  throw new ImportError(file, `${part ? `its ${part}` : 'it'} is not a REFI-QDA project or codebook: its root element is <${rootElementName(parsed)}>, not <Project> or <CodeBook>`);
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
