import type { CoderChanges } from '../patch';
import { CODER_SCHEMA_VERSION } from '../schemas';
import type { CoderFile, Coding, Decision, DoneMark, Memo } from '../schemas';
import { EntityTable, compareText } from './entity-table';

const byId = (e: { id: string }) => e.id;

/** A file's order: the same content always gives the same bytes, however it came about. */
const codingOrder = (a: Coding, b: Coding) =>
  compareText(a.documentId, b.documentId) || a.start - b.start || a.end - b.end || compareText(a.codeId, b.codeId) || compareText(a.id, b.id);
const memoOrder = (a: Memo, b: Memo) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
const doneOrder = (a: DoneMark, b: DoneMark) => compareText(a.documentId, b.documentId) || compareText(a.id, b.id);
const decisionOrder = (a: Decision, b: Decision) => compareText(a.decidedAt, b.decidedAt) || compareText(a.id, b.id);

/** Told of each coding that a change removed or added, so counts follow every patch. */
export type CodingListener = (before: Coding | undefined, after: Coding | undefined) => void;

/** One coder's work in memory, with their codings indexed by document. */
export class CoderState {
  readonly codings: EntityTable<Coding>;
  readonly memos: EntityTable<Memo>;
  readonly done: EntityTable<DoneMark>;
  readonly decisions: EntityTable<Decision>;
  private readonly byDocument = new Map<string, Map<string, Coding>>();
  private file: CoderFile | null = null;

  constructor(readonly coderId: string, file?: CoderFile) {
    this.codings = new EntityTable(byId, codingOrder, file?.codings);
    this.memos = new EntityTable(byId, memoOrder, file?.memos);
    this.done = new EntityTable(byId, doneOrder, file?.done);
    this.decisions = new EntityTable(byId, decisionOrder, file?.decisions);
    for (const coding of this.codings.values()) this.index(undefined, coding);
  }

  private index(before: Coding | undefined, after: Coding | undefined): void {
    if (before) {
      const inDoc = this.byDocument.get(before.documentId);
      inDoc?.delete(before.id);
      if (inDoc?.size === 0) this.byDocument.delete(before.documentId);
    }
    if (after) {
      const inDoc = this.byDocument.get(after.documentId) ?? this.byDocument.set(after.documentId, new Map()).get(after.documentId)!;
      inDoc.set(after.id, after);
    }
  }

  apply(changes: CoderChanges, onCoding: CodingListener): void {
    this.codings.applyAll(changes.codings ?? [], (before, after) => {
      this.index(before, after);
      onCoding(before, after);
    });
    this.memos.applyAll(changes.memos ?? []);
    this.done.applyAll(changes.done ?? []);
    this.decisions.applyAll(changes.decisions ?? []);
    this.file = null;
  }

  /** This coder's codings in one document (in no particular order). */
  codingsIn(documentId: string): Coding[] {
    return [...(this.byDocument.get(documentId)?.values() ?? [])];
  }

  /** Documents this coder has coded in, and how many codings each holds. */
  documentsCoded(): Map<string, number> {
    return new Map([...this.byDocument].map(([id, codings]) => [id, codings.size]));
  }

  isEmpty(): boolean {
    return this.codings.size + this.memos.size + this.done.size + this.decisions.size === 0;
  }

  /** The coder's file as it is saved. */
  toFile(): CoderFile {
    this.file ??= {
      schemaVersion: CODER_SCHEMA_VERSION,
      coderId: this.coderId,
      // Shared with the tables' ordered lists: readers get the file read-only.
      codings: this.codings.list() as Coding[],
      memos: this.memos.list() as Memo[],
      done: this.done.list() as DoneMark[],
      decisions: this.decisions.list() as Decision[],
    };
    return this.file;
  }
}
