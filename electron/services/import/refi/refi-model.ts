/**
 * A REFI-QDA project (project.qde) or codebook (.qdc) as a plain model, what parse-qde.ts reads
 * and the import plans from. Only what Marginalia can use is kept in detail; everything else
 * (non-text sources, sets of codes or notes, links, graphs) is listed in `skipped` so the import report can say
 * what was left behind and why. GUIDs are stored lower-case and bare (see guidKey).
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

/** A set: Marginalia keeps the sources it groups (its codes and notes are reported, not imported). */
export interface RefiSet {
  guid: string;
  name: string;
  sourceRefs: string[];
  codeCount: number;
  noteCount: number;
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
  sets: RefiSet[];
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
