import type { CoderCoding } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { codeForest } from '../../../shared/export/code-tree';
import { toCodePointOffsets } from '../../../shared/export/code-points';
import { attrs, codesXml, isEmpty, noteName, valueXml, variableType, xmlText } from './qda-xml';
import { GuidAssigner } from './refi-guids';
import { zipEntries } from './zip';
import type { ProjectStore } from '../project/project-store';

/**
 * REFI-QDA export (see ../shared/refi-qda/NOTES.md): a .qdpx project (a zip of exactly
 * `project.qde` and `sources/<GUID>.txt`) and a .qdc codebook, valid against the QDA-XML
 * schemas with the elements in schema order.
 *
 * - Users are the coders; every Coding and Note names its coder as creatingUser.
 * - Codes nest as the codebook does, with isCodable, #RRGGBB colours and a Description made of
 *   the definition, "When to use:", "When not to use:" and "Example:" paragraphs.
 * - Each document is a TextSource with only plainTextPath="internal://<GUID>.txt" (a
 *   richTextPath to a .txt makes ATLAS.ti refuse the import) and its attributes as
 *   VariableValues; empty values are left out (an empty FloatValue is invalid).
 * - Each coding is a PlainTextSelection holding one Coding, offsets in Unicode code points
 *   over the shipped .txt (Marginalia counts UTF-16 units: they differ after every emoji), or
 *   in UTF-16 units for NVivo (OffsetUnits).
 * - Memos are Notes (author, dates, PlainTextContent, the opening words as name) attached by
 *   NoteRef to the project, the code, the source, or the coding's selection. A memo whose
 *   target no longer exists stays a Note with no NoteRef; a coding whose code or document no
 *   longer exists, or whose span is outside its text, is left out: no GUID is ever referenced
 *   without being defined.
 * - Document sets are Sets of MemberSources (after Notes, as the schema orders them).
 * - GUIDs are the same in every export of the same project (refi-guids.ts).
 */

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
const ORIGIN = 'Marginalia';

/**
 * How selection positions are counted: 'standard' in Unicode code points, as REFI-QDA says;
 * 'utf16' in UTF-16 code units, as NVivo reads and writes them (an NVivo-minded reader would
 * otherwise misplace every selection after the first emoji). The origin says which, so that
 * Marginalia reads its own file back the same way.
 */
export type OffsetUnits = 'standard' | 'utf16';

export const ORIGIN_UTF16 = `${ORIGIN} (offsets in UTF-16 code units, for NVivo)`;

interface ProjectParts {
  xml: string;
  sources: { path: string; text: string }[];
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** project.qde and the source texts it names. */
export async function buildProject(store: ProjectStore, offsets: OffsetUnits = 'standard'): Promise<ProjectParts> {
  const project = store.data;
  const guids = new GuidAssigner(project.id);
  const forest = codeForest(project.codebook);
  const codeIds = new Set(project.codebook.map((c) => c.id));
  const memos = store.memos();

  // GUIDs first, in a fixed order, so that references can be checked against them.
  for (const code of project.codebook) guids.guid('code', code.id);
  for (const coder of project.coders) guids.guid('user', coder.id);
  for (const def of project.attributes) guids.guid('variable', def.name, false);
  for (const doc of project.documents) guids.guid('source', doc.id);

  // Codings per document, dropping any that would reference something missing.
  const coderOrder = new Map(project.coders.map((c, i) => [c.id, i]));
  const codings = new Map<string, CoderCoding[]>();
  const documents = new Map(project.documents.map((d) => [d.id, d]));
  for (const coder of project.coders) {
    for (const c of store.codingsOf(coder.id)) {
      const doc = documents.get(c.documentId);
      if (!doc || !codeIds.has(c.codeId) || !(c.start >= 0 && c.end > c.start && c.end <= doc.length)) continue;
      push(codings, c.documentId, { ...c, coderId: coder.id });
    }
  }
  for (const list of codings.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end || coderOrder.get(a.coderId)! - coderOrder.get(b.coderId)!);
    for (const c of list) {
      guids.guid('coding', c.id);
      guids.guid('selection', c.id, false);
    }
  }
  for (const memo of memos) guids.guid('note', memo.id);

  // Where each memo's NoteRef goes, by the GUID of what it is attached to.
  const projectNotes: string[] = [];
  const codeNotes = new Map<string, string[]>();
  const sourceNotes = new Map<string, string[]>();
  const selectionNotes = new Map<string, string[]>();
  for (const memo of memos) {
    const note = guids.existing('note', memo.id)!;
    const target = memo.target;
    if (target.type === 'project') projectNotes.push(note);
    else if (target.type === 'code' && codeIds.has(target.id)) push(codeNotes, target.id, note);
    else if (target.type === 'document' && guids.existing('source', target.id)) push(sourceNotes, target.id, note);
    else if (target.type === 'coding' && guids.existing('selection', target.id)) push(selectionNotes, target.id, note);
  }

  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  out.push(`<Project xmlns="${PROJECT_NAMESPACE}"${attrs({ name: project.name, origin: offsets === 'utf16' ? ORIGIN_UTF16 : ORIGIN, creationDateTime: project.createdAt })}>`);
  if (project.coders.length > 0) {
    out.push('  <Users>');
    for (const coder of project.coders) out.push(`    <User${attrs({ guid: guids.guid('user', coder.id), name: coder.name })}/>`);
    out.push('  </Users>');
  }
  if (forest.length > 0) {
    out.push('  <CodeBook>', '    <Codes>');
    codesXml(forest, guids, codeNotes, out, 3);
    out.push('    </Codes>', '  </CodeBook>');
  }

  const variableTypes = new Map(project.attributes.map((def) => [def.name, variableType(def, project.documents.map((d) => d.attributes[def.name]))]));
  if (project.attributes.length > 0) {
    out.push('  <Variables>');
    for (const def of project.attributes) {
      out.push(`    <Variable${attrs({ guid: guids.guid('variable', def.name, false), name: def.name, typeOfVariable: variableTypes.get(def.name) })}/>`);
    }
    out.push('  </Variables>');
  }

  const sources: ProjectParts['sources'] = [];
  if (project.documents.length > 0) {
    out.push('  <Sources>');
    for (const doc of project.documents) {
      const { text } = await store.readSource(doc.id);
      const guid = guids.guid('source', doc.id);
      sources.push({ path: `sources/${guid}.txt`, text });
      const list = codings.get(doc.id) ?? [];
      const units = [...list.map((c) => c.start), ...list.map((c) => c.end)];
      const points = offsets === 'utf16' ? units : toCodePointOffsets(text, units);
      const values = project.attributes.filter((def) => !isEmpty(doc.attributes[def.name]));
      const notes = sourceNotes.get(doc.id) ?? [];
      const open = `    <TextSource${attrs({ guid, name: doc.name, plainTextPath: `internal://${guid}.txt`, creationDateTime: doc.importedAt })}`;
      if (list.length === 0 && values.length === 0 && notes.length === 0) {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      list.forEach((c, i) => {
        const user = guids.guid('user', c.coderId);
        const selection = attrs({
          guid: guids.guid('selection', c.id, false),
          startPosition: points[i]!,
          endPosition: points[list.length + i]!,
          creatingUser: user,
          creationDateTime: c.createdAt,
        });
        out.push(`      <PlainTextSelection${selection}>`);
        out.push(`        <Coding${attrs({ guid: guids.guid('coding', c.id), creatingUser: user, creationDateTime: c.createdAt })}>`);
        out.push(`          <CodeRef targetGUID="${guids.guid('code', c.codeId)}"/>`);
        out.push('        </Coding>');
        for (const ref of selectionNotes.get(c.id) ?? []) out.push(`        <NoteRef targetGUID="${ref}"/>`);
        out.push('      </PlainTextSelection>');
      });
      for (const ref of notes) out.push(`      <NoteRef targetGUID="${ref}"/>`);
      for (const def of values) {
        out.push('      <VariableValue>');
        out.push(`        <VariableRef targetGUID="${guids.guid('variable', def.name, false)}"/>`);
        out.push(`        ${valueXml(variableTypes.get(def.name)!, doc.attributes[def.name]!)}`);
        out.push('      </VariableValue>');
      }
      out.push('    </TextSource>');
    }
    out.push('  </Sources>');
  }

  if (memos.length > 0) {
    out.push('  <Notes>');
    for (const memo of memos) {
      const note = attrs({
        guid: guids.guid('note', memo.id),
        name: noteName(memo.text),
        creatingUser: guids.guid('user', memo.coderId),
        creationDateTime: memo.createdAt,
        modifiedDateTime: memo.updatedAt,
      });
      out.push(`    <Note${note}>`, `      <PlainTextContent>${xmlText(memo.text)}</PlainTextContent>`, '    </Note>');
    }
    out.push('  </Notes>');
  }
  if (project.sets.length > 0) {
    out.push('  <Sets>');
    for (const set of project.sets) {
      const members = set.documentIds.map((id) => guids.existing('source', id)).filter((guid) => guid !== undefined);
      out.push(`    <Set${attrs({ guid: guids.guid('set', set.id), name: set.name })}${members.length ? '>' : '/>'}`);
      if (members.length === 0) continue;
      for (const guid of members) out.push(`      <MemberSource targetGUID="${guid}"/>`);
      out.push('    </Set>');
    }
    out.push('  </Sets>');
  }
  if (project.description.trim()) out.push(`  <Description>${xmlText(project.description)}</Description>`);
  for (const ref of projectNotes) out.push(`  <NoteRef targetGUID="${ref}"/>`);
  out.push('</Project>', '');
  return { xml: out.join('\n'), sources };
}

/** The whole project as a REFI-QDA .qdpx archive. */
export async function exportQdpx(store: ProjectStore, offsets: OffsetUnits = 'standard'): Promise<Uint8Array> {
  const { xml, sources } = await buildProject(store, offsets);
  return zipEntries([
    { name: 'project.qde', data: Buffer.from(xml, 'utf8') },
    ...sources.map((s) => ({ name: s.path, data: Buffer.from(s.text, 'utf8') })),
  ]);
}

/** The codebook as a REFI-QDA .qdc file (same code GUIDs as the project export). */
export function exportQdc(store: ProjectStore): string {
  const { codebook, id } = store.data;
  if (codebook.length === 0) throw new AppError('INVALID_INPUT', 'The codebook is empty: there are no codes to export.');
  const guids = new GuidAssigner(id);
  for (const code of codebook) guids.guid('code', code.id);
  const out = ['<?xml version="1.0" encoding="utf-8"?>', `<CodeBook xmlns="${CODEBOOK_NAMESPACE}"${attrs({ origin: ORIGIN })}>`, '  <Codes>'];
  codesXml(codeForest(codebook), guids, null, out, 2);
  out.push('  </Codes>', '</CodeBook>', '');
  return out.join('\n');
}
