import type { Patch } from '../../../../shared/domain/patch';
import type { OperationContext } from '../../../../shared/operations/context';
import type { PlannedSource } from '../../project/source-files';
import type { SourceFile } from '../types';
import type { CoderFrom } from './coding-users';
import type { SchemeDecision } from './offset-evidence';
import type { OffsetScheme } from './offsets';

/** What a REFI-QDA import is asked to do, and what it reports having done. */

export interface RefiImportOptions {
  /** Merge a coder's overlapping codings at one code into one, as coding in Marginalia does. */
  mergeOverlaps?: boolean;
  /** Whose a coding is when its selection names another user (see coding-users.ts). Default 'selection'. */
  coderFrom?: CoderFrom;
}

/** What importing a REFI-QDA file will do: its report, the one patch, and the transcripts to write first. */
export interface RefiImportPlan {
  report: RefiImportReport;
  patch: Patch;
  sources: PlannedSource[];
}

export type RefiItemKind =
  | 'source'
  | 'selection'
  | 'coding'
  | 'code'
  | 'note'
  | 'description'
  | 'user'
  | 'variable'
  | 'value'
  | 'case'
  | 'set'
  | 'link'
  | 'graph';

/** Something in the export that did not make it into the project, and why. */
export interface RefiNotImported {
  kind: RefiItemKind;
  /** Its name in the export, or a short description of it. */
  name: string;
  /** The source it belongs to (selections, codings, values). */
  source?: string;
  /** The code it applies (codings), as a path "Parent › Child". */
  code?: string;
  reason: string;
}

export interface RefiImportReport {
  file: string;
  /** The exporting program, as the export names it. */
  origin: string | null;
  /** How selection positions were read; null when there was nothing to place. */
  offsets: (OffsetScheme & Pick<SchemeDecision, 'decidedBy' | 'explanation'>) | null;
  counts: {
    /** Documents added. */
    sources: number;
    /** Sources whose text the project already had: not added again; their codings went to the existing document. */
    duplicateSources: number;
    /** Codes created. */
    codes: number;
    /** Codes of the export matched to a code of the same name at the same level. */
    codesReused: number;
    /** Coders created. */
    coders: number;
    /** Coders of the project the import added to (same name as a REFI user). */
    codersReused: number;
    /** Codings added. */
    codings: number;
    /** Codings the project already had, exactly (same coder, document, code and span). */
    codingsAlreadyPresent: number;
    /** Codings of the export whose own user differs from their selection's (decided by `coderFrom`). */
    codingsWithOtherUser: number;
    /** Codings that overlap another of the same coder at the same code (kept unless merging was asked for). */
    codingsOverlapping: number;
    /** Memos added. */
    memos: number;
    /** Attributes defined. */
    attributes: number;
    /** Attribute values set on documents. */
    attributeValues: number;
    /** Document sets made (a set of a name the project has adds to it instead). */
    sets: number;
  };
  documents: { name: string; documentId: string; duplicate: boolean }[];
  coders: { name: string; coderId: string; created: boolean }[];
  notImported: RefiNotImported[];
  /** Things imported differently from how the export had them (a note kept as a project memo…). */
  warnings: string[];
}

export function emptyReport(file: SourceFile, origin: string | undefined): RefiImportReport {
  return {
    file: file.name,
    origin: origin ?? null,
    offsets: null,
    counts: {
      sources: 0,
      duplicateSources: 0,
      codes: 0,
      codesReused: 0,
      coders: 0,
      codersReused: 0,
      codings: 0,
      codingsAlreadyPresent: 0,
      codingsWithOtherUser: 0,
      codingsOverlapping: 0,
      memos: 0,
      attributes: 0,
      sets: 0,
      attributeValues: 0,
    },
    documents: [],
    coders: [],
    notImported: [],
    warnings: [],
  };
}

/** Collects what an import leaves out and warns about, for its report; names kept as NFC. */
export class Planner {
  readonly notImported: RefiNotImported[] = [];
  readonly warnings: string[] = [];
  readonly newId: () => string;

  constructor(
    readonly ctx: OperationContext,
    readonly file: SourceFile,
  ) {
    this.newId = ctx.newId;
  }

  skip(item: RefiNotImported): void {
    const nfc = (s: string | undefined) => s?.normalize('NFC');
    this.notImported.push({
      ...item,
      name: item.name.normalize('NFC'),
      reason: item.reason.normalize('NFC'),
      ...(item.source !== undefined && { source: nfc(item.source) }),
      ...(item.code !== undefined && { code: nfc(item.code) }),
    });
  }
}
