import type { CoderChanges } from '../patch';
import { CODER_SCHEMA_VERSION } from '../schemas';
import type { CoderFile, CoderProfile, Coding, Decision, DoneMark, Memo } from '../schemas';
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

/** One coder's work in memory. Their codings are kept in file order, by document first. */
export class CoderState {
  readonly codings: EntityTable<Coding>;
  readonly memos: EntityTable<Memo>;
  readonly done: EntityTable<DoneMark>;
  readonly decisions: EntityTable<Decision>;
  /** The coder's name as their file carries it (see coderProfileSchema). */
  readonly profile: EntityTable<CoderProfile>;
  private file: CoderFile | null = null;

  /** `name`: the coder's name from project.json, for a file that does not carry one yet (it does from its next save). */
  constructor(readonly coderId: string, file?: CoderFile, name?: string) {
    const known = file?.name ?? name;
    this.profile = new EntityTable(byId, null, known === undefined ? [] : [{ id: 'profile', name: known }]);
    this.codings = new EntityTable(byId, codingOrder, file?.codings);
    this.memos = new EntityTable(byId, memoOrder, file?.memos);
    this.done = new EntityTable(byId, doneOrder, file?.done);
    this.decisions = new EntityTable(byId, decisionOrder, file?.decisions);
  }

  apply(changes: CoderChanges, onCoding: CodingListener): void {
    this.codings.applyAll(changes.codings ?? [], onCoding);
    this.memos.applyAll(changes.memos ?? []);
    this.done.applyAll(changes.done ?? []);
    this.decisions.applyAll(changes.decisions ?? []);
    this.profile.applyAll(changes.profile ?? []);
    this.file = null;
  }

  /** This coder's codings in one document, in file order (a binary search: no index to build on opening). */
  codingsIn(documentId: string): Coding[] {
    return this.codings.stretch((c) => compareText(c.documentId, documentId));
  }

  /** The coder's file as it is saved. */
  toFile(): CoderFile {
    const name = this.profile.get('profile')?.name;
    this.file ??= {
      schemaVersion: CODER_SCHEMA_VERSION,
      coderId: this.coderId,
      ...(name !== undefined && { name }),
      // Shared with the tables' ordered lists: readers get the file read-only.
      codings: this.codings.list() as Coding[],
      memos: this.memos.list() as Memo[],
      done: this.done.list() as DoneMark[],
      decisions: this.decisions.list() as Decision[],
    };
    return this.file;
  }
}
