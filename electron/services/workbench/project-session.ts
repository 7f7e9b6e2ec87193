import type { ChangeResult, ProjectSnapshot } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { affectedDocuments, isEmptyPatch } from '../../../shared/domain/patch';
import type { Patch } from '../../../shared/domain/patch';
import type { OperationContext } from '../../../shared/operations/context';
import type { ServiceDeps } from '../deps';
import type { ProjectStore } from '../project/project-store';
import { CODER_SCHEMA_VERSION } from '../../../shared/domain/schemas';
import type { WorkspaceSettings } from '../../../shared/domain/schemas';
import { UndoHistory } from './undo-history';

/** Who is working: their coder name and their place in each project (app settings, or a script's). */
export interface SessionUser {
  readonly coderName: string | null;
  workspace(projectId: string): WorkspaceSettings;
}

/** A command-line run: nobody to code as, no remembered place. */
export const scriptUser: SessionUser = {
  coderName: null,
  workspace: () => ({ lastDocumentId: null, scrollTop: 0, quickCodes: [] }),
};

/** An open project as the user works in it: its store, their undo history, and who they code as. */
export class ProjectSession {
  readonly history = new UndoHistory();

  constructor(
    readonly store: ProjectStore,
    private readonly user: SessionUser,
    private readonly deps: ServiceDeps,
  ) {}

  get currentCoderId(): string | null {
    const name = this.user.coderName;
    return this.store.data.coders.find((c) => c.name === name)?.id ?? null;
  }

  snapshot(): ProjectSnapshot {
    const { id, name, description, codebook, attributes, documents, coders } = this.store.data;
    return {
      path: this.store.dir,
      id,
      name,
      description,
      codebook,
      attributes,
      documents,
      coders,
      currentCoderId: this.currentCoderId,
      codingCounts: this.store.codingCounts(),
      memos: this.store.memos(),
      workspace: this.user.workspace(id),
      readOnly: this.store.readOnly,
      ...(this.store.recoveryNotes.length > 0 && { recoveryNotes: [...this.store.recoveryNotes] }),
    };
  }

  context(): OperationContext {
    return {
      project: this.store.data,
      coderFile: (coderId) =>
        coderId === this.newCoder?.id && !this.store.data.coders.some((c) => c.id === coderId)
          ? { schemaVersion: CODER_SCHEMA_VERSION, coderId, codings: [], memos: [] }
          : this.store.coderFile(coderId),
      newId: this.deps.newId,
      now: () => this.deps.now().toISOString(),
    };
  }

  /** The id the current user will have as a coder here, until their first change creates them. */
  private newCoder: { id: string; name: string } | null = null;

  /**
   * The current user's coder id in this project. A user who has not coded here yet gets an id
   * now, and becomes a coder only when a change of theirs is applied: a request that fails
   * (an unknown code, a passage outside the document) leaves the project as it was.
   */
  async coder(): Promise<string> {
    const name = this.user.coderName;
    if (!name) throw new AppError('NO_CODER', 'Tell Marginalia your name first: every coding records who made it.');
    const existing = this.store.data.coders.find((c) => c.name === name);
    if (existing) return existing.id;
    if (this.newCoder?.name !== name) this.newCoder = { id: this.deps.newId(), name };
    return this.newCoder.id;
  }

  /** Creates the user's coder when a change is the first to need it. */
  private async ensureNewCoder(patch: Patch): Promise<void> {
    const pending = this.newCoder;
    if (!pending || !patch.coders?.some((c) => c.coderId === pending.id)) return;
    if (!this.store.data.coders.some((c) => c.id === pending.id)) await this.store.ensureCoder(pending.name, pending.id);
  }

  /** Applies a user's change, records it for undo, and reports what changed. */
  async change(patch: Patch, createdIds: string[] = []): Promise<ChangeResult> {
    if (!isEmptyPatch(patch)) {
      await this.ensureNewCoder(patch);
      await this.store.applyPatch(patch);
      this.history.record(patch);
    }
    return this.result(patch, createdIds, patch.label);
  }

  async undo(): Promise<ChangeResult> {
    const patch = this.history.peekUndo();
    if (!patch) throw new AppError('INVALID_INPUT', 'There is nothing to undo.');
    await this.store.applyPatch(patch);
    this.history.commitUndo();
    return this.result(patch, [], `Undid: ${patch.label}`);
  }

  async redo(): Promise<ChangeResult> {
    const patch = this.history.peekRedo();
    if (!patch) throw new AppError('INVALID_INPUT', 'There is nothing to redo.');
    await this.store.applyPatch(patch);
    this.history.commitRedo();
    return this.result(patch, [], `Redid: ${patch.label}`);
  }

  private result(patch: Patch, createdIds: string[], message: string): ChangeResult {
    return {
      snapshot: this.snapshot(),
      history: this.history.state(),
      affectedDocumentIds: affectedDocuments(patch),
      createdIds,
      message,
    };
  }
}
