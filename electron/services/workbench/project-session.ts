import type { ChangeResult, ProjectSnapshot } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { affectedDocuments, isEmptyPatch } from '../../../shared/domain/patch';
import type { Patch } from '../../../shared/domain/patch';
import type { OperationContext } from '../../../shared/operations/context';
import type { ServiceDeps } from '../deps';
import type { ProjectStore } from '../project/project-store';
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
    };
  }

  context(): OperationContext {
    return {
      project: this.store.data,
      coderFile: (coderId) => this.store.coderFile(coderId),
      newId: this.deps.newId,
      now: () => this.deps.now().toISOString(),
    };
  }

  /** The current user's coder id in this project, creating the coder on their first action. */
  async coder(): Promise<string> {
    const name = this.user.coderName;
    if (!name) throw new AppError('NO_CODER', 'Tell Marginalia your name first: every coding records who made it.');
    return (await this.store.ensureCoder(name)).id;
  }

  /** Applies a user's change, records it for undo, and reports what changed. */
  async change(patch: Patch, createdIds: string[] = []): Promise<ChangeResult> {
    if (!isEmptyPatch(patch)) {
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
