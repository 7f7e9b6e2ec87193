import { plural } from '../../../../shared/text/plural';
import type { RefiCode, RefiNote } from './refi-model';
import type { PlannedTarget, ProjectPlanner } from './project-planner';
import { decodeSourceText } from './refi-file';
import type { Container } from './refi-file';
import { clean, clip, documentNameFor, isoTime } from './refi-names';

/**
 * Where a REFI-QDA project's notes and descriptions land as memos. Tools attach notes to the
 * project, codes, sources, selections and codings; a note whose target was not imported is kept
 * on the nearest thing that was (the document, else the project) with a line saying where it was.
 */

function noteText(container: Container, note: RefiNote): string | null {
  let content = note.plainTextContent;
  if (note.plainTextPath) {
    const found = container.resolve(note.plainTextPath);
    if (found.bytes) {
      const decoded = decodeSourceText(found.bytes);
      if (!('error' in decoded)) content = decoded.text;
    }
  }
  const parts = [clean(note.name), note.description.trim(), (content ?? '').replace(/\r\n?/g, '\n').trim()].filter((p) => p !== '');
  // A title that is only the start of the text adds nothing.
  if (parts.length > 1 && parts[1]!.startsWith(parts[0]!)) parts.shift();
  return parts.length ? parts.join('\n\n').normalize('NFC') : null;
}

function addMemo(plan: ProjectPlanner, userGuid: string | undefined, target: PlannedTarget, text: string, created?: string, modified?: string): void {
  const createdAt = isoTime(created);
  plan.memos.push({ coderKey: plan.coderKey(userGuid), target, text, createdAt, updatedAt: isoTime(modified) ?? createdAt });
}

/** Memos from notes, wherever they were attached, and from descriptions of sources and selections. */
export function planMemos(plan: ProjectPlanner): void {
  const notes = new Map(plan.project.notes.filter((n) => n.guid).map((n) => [n.guid, n]));
  const referenced = new Set<string>();
  const vendor = plan.vendor;
  const placeNote = (noteGuid: string, attach: (note: RefiNote, text: string) => void) => {
    const note = notes.get(noteGuid);
    if (!note) return;
    referenced.add(noteGuid);
    const text = noteText(plan.container, note);
    if (text === null) {
      plan.skip({ kind: 'note', name: clean(note.name) || 'a note', reason: 'it is empty' });
      return;
    }
    attach(note, text);
  };
  const asMemo = (note: RefiNote, target: PlannedTarget, text: string) =>
    addMemo(plan, note.creatingUser, target, text, note.creationDateTime, note.modifiedDateTime);
  const onProject = (note: RefiNote, text: string, context: string) => {
    asMemo(note, { type: 'project' }, `${text}\n\n(In ${vendor} this note was attached to ${context}, which was not imported.)`);
    plan.warnings.push(`The note “${clean(note.name) || clip(clean(text), 40)}” was attached to ${context}, which was not imported: it is kept as a project memo.`);
  };

  for (const guid of plan.project.noteRefs) placeNote(guid, (note, text) => asMemo(note, { type: 'project' }, text));

  const visitCodes = (codes: RefiCode[]) => {
    for (const code of codes) {
      const codeId = plan.codebook.codeIds.get(code.guid);
      for (const guid of code.noteRefs) {
        placeNote(guid, (note, text) => (codeId ? asMemo(note, { type: 'code', codeId }, text) : onProject(note, text, `the code “${code.name}”`)));
      }
      visitCodes(code.children);
    }
  };
  visitCodes(plan.project.codes);

  const imported = new Map(plan.prepared.map((p) => [p.source.guid, p]));
  for (const source of plan.project.textSources) {
    const prepared = imported.get(source.guid);
    const sourceName = documentNameFor(source);
    const target = prepared ? (prepared.sameAs ?? prepared) : undefined;
    const onDocument = (note: RefiNote, text: string, where = '') =>
      target ? asMemo(note, { type: 'document', source: target }, `${text}${where}`) : onProject(note, text, `the source “${sourceName}”`);
    for (const guid of source.noteRefs) placeNote(guid, (note, text) => onDocument(note, text));
    if (source.description.trim()) {
      if (target) addMemo(plan, source.creatingUser, { type: 'document', source: target }, source.description.trim(), source.creationDateTime, source.modifiedDateTime);
      else plan.skip({ kind: 'description', name: sourceName, reason: 'its source was not imported' });
    }
    for (const selection of source.selections) {
      const codings = plan.selectionCodings.get(selection.guid) ?? [];
      const label = plan.selectionLabel(selection);
      const onSelection = (kind: 'note' | 'description', author: string | undefined, text: string, created?: string, modified?: string) => {
        if (codings.length) {
          for (const coding of codings) addMemo(plan, author, { type: 'coding', coding }, text, created, modified);
        } else if (target) {
          addMemo(plan, author, { type: 'document', source: target }, `${text}\n\n(Written on the passage at ${selection.start}–${selection.end}, which has no coding here.)`, created, modified);
          plan.warnings.push(`A note on the uncoded passage “${label}” of “${sourceName}” is kept as a memo on the document.`);
        } else {
          plan.skip({ kind, name: clip(clean(text), 60), source: sourceName, reason: 'its source was not imported' });
        }
      };
      for (const guid of selection.noteRefs) placeNote(guid, (note, text) => onSelection('note', note.creatingUser, text, note.creationDateTime, note.modifiedDateTime));
      if (selection.description.trim()) onSelection('description', selection.creatingUser, selection.description.trim(), selection.creationDateTime);
      for (const coding of selection.codings) {
        const planned = plan.codingByGuid.get(coding.guid);
        for (const guid of coding.noteRefs) {
          placeNote(guid, (note, text) => {
            if (planned) asMemo(note, { type: 'coding', coding: planned }, text);
            else if (target) onDocument(note, text, `\n\n(Written on a coding of the passage at ${selection.start}–${selection.end}, which could not be imported.)`);
            else onProject(note, text, `a coding of “${sourceName}”`);
          });
        }
      }
    }
    for (const coding of source.codings) {
      const planned = plan.codingByGuid.get(coding.guid);
      for (const guid of coding.noteRefs) {
        placeNote(guid, (note, text) => (planned ? asMemo(note, { type: 'coding', coding: planned }, text) : onDocument(note, text)));
      }
    }
  }

  for (const stranded of plan.project.strandedNoteRefs) placeNote(stranded.noteGuid, (note, text) => onProject(note, text, stranded.attachedTo));

  // Notes attached to nothing are the project's own (ATLAS.ti's free memos).
  for (const note of plan.project.notes) {
    if (referenced.has(note.guid)) continue;
    placeNote(note.guid, (n, text) => asMemo(n, { type: 'project' }, text));
  }
  for (const note of plan.project.notes) {
    if (note.codingCount) {
      plan.skip({ kind: 'note', name: clean(note.name) || 'a note', reason: `${plural(note.codingCount, 'coding')} inside the note cannot be imported: Marginalia codes documents, not memos` });
    }
  }
}
