import type { AttributeDef, AttributeValue, Code, CoderFile, Coding, Memo, ProjectFile } from './schemas';

/**
 * Every change to a project is a patch: what it removes and adds in each coder's file, and the
 * before/after of what it touches in project.json. A patch's inverse is its undo, so every
 * action is undoable by construction, and the store applies all of them the same way.
 */
export interface CoderPatch {
  coderId: string;
  removedCodings: Coding[];
  addedCodings: Coding[];
  removedMemos: Memo[];
  addedMemos: Memo[];
}

export interface DocumentAttributesPatch {
  documentId: string;
  before: Record<string, AttributeValue>;
  after: Record<string, AttributeValue>;
}

export interface Patch {
  label: string;
  /** The project's description (set by a REFI-QDA import). */
  description?: { before: string; after: string };
  codebook?: { before: Code[]; after: Code[] };
  attributes?: { before: AttributeDef[]; after: AttributeDef[] };
  documentAttributes?: DocumentAttributesPatch[];
  coders?: CoderPatch[];
}

export function emptyCoderPatch(coderId: string): CoderPatch {
  return { coderId, removedCodings: [], addedCodings: [], removedMemos: [], addedMemos: [] };
}

export function invertPatch(patch: Patch): Patch {
  const swap = <T>(pair: { before: T; after: T } | undefined) => pair && { before: pair.after, after: pair.before };
  return {
    label: patch.label,
    ...(patch.description && { description: swap(patch.description) }),
    ...(patch.codebook && { codebook: swap(patch.codebook) }),
    ...(patch.attributes && { attributes: swap(patch.attributes) }),
    ...(patch.documentAttributes && {
      documentAttributes: patch.documentAttributes.map((d) => ({ documentId: d.documentId, before: d.after, after: d.before })),
    }),
    ...(patch.coders && {
      coders: patch.coders.map((c) => ({
        coderId: c.coderId,
        removedCodings: c.addedCodings,
        addedCodings: c.removedCodings,
        removedMemos: c.addedMemos,
        addedMemos: c.removedMemos,
      })),
    }),
  };
}

export function touchesProjectFile(patch: Patch): boolean {
  return Boolean(patch.description || patch.codebook || patch.attributes || patch.documentAttributes?.length);
}

export function applyToProject(project: ProjectFile, patch: Patch): void {
  if (patch.description) project.description = patch.description.after;
  if (patch.codebook) project.codebook = patch.codebook.after;
  if (patch.attributes) project.attributes = patch.attributes.after;
  for (const change of patch.documentAttributes ?? []) {
    const doc = project.documents.find((d) => d.id === change.documentId);
    if (doc) doc.attributes = change.after;
  }
}

/** Removes `removed` and puts `added` at the end, by id; applying it twice changes nothing more. */
function replaceById<T extends { id: string }>(list: T[], removed: T[], added: T[]): T[] {
  const gone = new Set([...removed, ...added].map((x) => x.id));
  return [...list.filter((x) => !gone.has(x.id)), ...added];
}

export function applyToCoderFile(file: CoderFile, change: CoderPatch): void {
  file.codings = replaceById(file.codings, change.removedCodings, change.addedCodings);
  file.memos = replaceById(file.memos, change.removedMemos, change.addedMemos);
}

/** Documents whose codings a patch changes. */
export function affectedDocuments(patch: Patch): string[] {
  const ids = new Set<string>();
  for (const c of patch.coders ?? []) for (const coding of [...c.removedCodings, ...c.addedCodings]) ids.add(coding.documentId);
  return [...ids];
}

export function isEmptyPatch(patch: Patch): boolean {
  const coderChanges = (patch.coders ?? []).some(
    (c) => c.removedCodings.length || c.addedCodings.length || c.removedMemos.length || c.addedMemos.length,
  );
  return !coderChanges && !touchesProjectFile(patch);
}
