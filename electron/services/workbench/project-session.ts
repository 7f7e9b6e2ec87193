import type { ChangeResult, HistoryState, ProjectSnapshot, StrayFilesView, Workspace } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { documentTally } from '../../../shared/api/document-pages';
import { deltaOf, doneByCoder } from '../../../shared/api/snapshot-delta';
import { affectedDocuments, invertPatch, isEmptyPatch, joinPatches } from '../../../shared/domain/patch';
import { firstRoundOf } from '../../../shared/domain/second-round';
import type { Patch } from '../../../shared/domain/patch';
import type { WorkspaceSettings } from '../../../shared/domain/schemas';
import { addCoder, newCoder } from '../../../shared/operations/coder-ops';
import { operationContext } from '../../../shared/operations/context';
import type { OperationContext } from '../../../shared/operations/context';
import type { ServiceDeps } from '../deps';
import type { ProjectStore } from '../project/project-store';
import { findStrayFiles, hasStrays } from '../project/stray-files';
import type { PlannedSource } from '../project/source-files';
import { Histories } from './undo-history';
import type { UndoHistory } from './undo-history';
import { freshWorkspace } from '../settings/app-settings';

/** Who is working: their coder name and their place in each project (app settings, or a script's). */
export interface SessionUser {
  readonly coderName: string | null;
  workspace(projectId: string): WorkspaceSettings;
}

/** A command-line run: nobody to code as, no remembered place. */
export const scriptUser: SessionUser = {
  coderName: null,
  workspace: () => freshWorkspace,
};

/**
 * An open project as the user works in it: its store, everyone's undo histories, and who the
 * user codes as. Every change to the project comes through `change`: one patch, one step in
 * the history of the person who made it.
 */
export class ProjectSession {
  private readonly histories = new Histories();
  /** The id the current user will have as a coder here, until a change of theirs creates them. */
  private pendingCoder: { id: string; name: string; roundOf?: string } | null = null;
  /** Files in the folder that project.json does not list, as last looked for (on opening, after a repair). */
  private strays: StrayFilesView | null = null;

  constructor(
    readonly store: ProjectStore,
    private readonly user: SessionUser,
    private readonly deps: ServiceDeps,
  ) {}

  get currentCoderId(): string | null {
    const name = this.user.coderName;
    return this.store.data.coders.find((c) => c.name === name)?.id ?? null;
  }

  /** The current user's history: each person undoes only what they did. */
  get history(): UndoHistory {
    return this.histories.of(this.user.coderName ?? '');
  }

  snapshot(): ProjectSnapshot {
    const { id, name, description, codebook, attributes, documents, coders, sets, queries } = this.store.data;
    return {
      path: this.store.dir,
      id,
      name,
      description,
      codebook,
      attributes,
      documents: documentTally(documents),
      coders,
      sets,
      queries,
      currentCoderId: this.currentCoderId,
      codingCounts: this.store.codingCounts(),
      memos: this.store.memos(),
      done: doneByCoder(this.store.state),
      workspace: this.workspace(id),
      readOnly: this.store.readOnly,
      ...(this.store.recoveryNotes.length > 0 && { recoveryNotes: [...this.store.recoveryNotes] }),
      ...(this.strays && { strayFiles: this.strays }),
    };
  }

  /** The user's place in the project, with documents deleted since (by them or anyone) forgotten. */
  private workspace(projectId: string): Workspace {
    const saved = this.user.workspace(projectId);
    const known = (id: string | null) => (id !== null && this.store.state.tables.documents.has(id) ? id : null);
    return { ...saved, lastDocumentId: known(saved.lastDocumentId), openingDocumentId: known(saved.openingDocumentId) };
  }

  /** Looks for files project.json does not list, for the snapshot to offer their repair. */
  async lookForStrayFiles(): Promise<void> {
    const found = await findStrayFiles(this.store.layout, this.store.data);
    this.strays = hasStrays(found) ? { coderFiles: [...found.coders.values()].flat(), transcripts: [...found.sources.values()].flat() } : null;
  }

  context(): OperationContext {
    return operationContext(this.store.state, this.deps);
  }

  /**
   * The current user's coder id in this project. A user who has not coded here yet gets an id
   * now, and becomes a coder only when a change of theirs is applied (the same patch adds them):
   * a request that fails leaves the project as it was.
   */
  coder(): string {
    const name = this.user.coderName;
    if (!name) throw new AppError('NO_CODER', 'Tell Marginalia your name first: every coding records who made it.');
    const existing = this.store.data.coders.find((c) => c.name === name);
    if (existing) return existing.id;
    if (this.pendingCoder?.name !== name) {
      const roundOf = firstRoundOf(this.store.data.coders, name);
      this.pendingCoder = { id: this.deps.newId(), name, ...(roundOf !== null && { roundOf }) };
    }
    return this.pendingCoder.id;
  }

  /** A named coder (Consensus, a colleague): their id, and the patch part that adds them if they are new. */
  coderNamed(name: string): { id: string; adds: Patch['project'] | undefined } {
    const existing = this.store.data.coders.find((c) => c.name === name);
    if (existing) return { id: existing.id, adds: undefined };
    const coder = newCoder(this.context(), name);
    return { id: coder.id, adds: addCoder(coder) };
  }

  /** The patch, with the user's coder added first when the patch is the first to need them. */
  private withPendingCoder(patch: Patch): Patch {
    const pending = this.pendingCoder;
    if (!pending || this.store.state.coder(pending.id) || !patch.coders?.some((c) => c.coderId === pending.id)) return patch;
    const coder = newCoder(this.context(), pending.name, { id: pending.id, ...(pending.roundOf && { roundOf: pending.roundOf }) });
    return joinPatches(patch.label, [{ label: patch.label, project: addCoder(coder) }, patch]);
  }

  /**
   * Applies a user's change, records it in their history, and reports what changed. A change that
   * adds documents names their transcripts, written before the patch that lists them.
   */
  async change(patch: Patch, createdIds: string[] = [], sources: readonly PlannedSource[] = []): Promise<ChangeResult> {
    if (isEmptyPatch(patch)) return this.result(patch, createdIds, patch.label);
    const full = this.withPendingCoder(patch);
    if (sources.length > 0) await this.store.addDocuments(full, sources);
    else await this.store.applyPatch(full);
    this.history.record(full);
    return this.result(full, createdIds, full.label);
  }

  /**
   * Plans several parts of one change, each reading the project as the parts before it leave it
   * (the second file of an import sees the first one's documents). Each part's patch is applied
   * in memory only while the next is planned, then taken back: nothing changes until the joined
   * patch is applied. Planning is synchronous, so no request ever sees the parts in between.
   */
  planTogether<T extends { patch: Patch | null }>(parts: ((ctx: OperationContext) => T)[]): T[] {
    const state = this.store.state;
    const planned: T[] = [];
    try {
      for (const part of parts) {
        const plan = part(this.context());
        if (plan.patch) state.apply(plan.patch);
        planned.push(plan);
      }
    } finally {
      for (const { patch } of [...planned].reverse()) if (patch) state.apply(invertPatch(patch));
    }
    return planned;
  }

  /** Several operations ("create a code and code the selection") applied as one step. */
  async changeInSteps(label: string, steps: ((ctx: OperationContext) => Patch)[], createdIds: string[] = []): Promise<ChangeResult> {
    const planned = this.planTogether(steps.map((step) => (ctx: OperationContext) => ({ patch: step(ctx) })));
    return this.change(joinPatches(label, planned.map((p) => p.patch)), createdIds);
  }

  async undo(): Promise<ChangeResult> {
    const patch = this.history.peekUndo();
    if (!patch) throw new AppError('INVALID_INPUT', 'There is nothing to undo.');
    this.assertNobodyStranded('undo', patch);
    await this.store.applyPatch(patch).catch((err: unknown) => {
      throw refusedStep('undo', patch.label, err);
    });
    this.history.commitUndo();
    return this.result(patch, [], `Undid: ${patch.label}`);
  }

  async redo(): Promise<ChangeResult> {
    const patch = this.history.peekRedo();
    if (!patch) throw new AppError('INVALID_INPUT', 'There is nothing to redo.');
    this.assertNobodyStranded('redo', patch);
    await this.store.applyPatch(patch).catch((err: unknown) => {
      throw refusedStep('redo', patch.label, err);
    });
    this.history.commitRedo();
    return this.result(patch, [], `Redid: ${patch.label}`);
  }

  /**
   * An undo or redo that removes a document, code or coding another coder's steps still need
   * waits for those steps: otherwise the other coder is left with steps they can never undo.
   */
  private assertNobodyStranded(step: 'undo' | 'redo', patch: Patch): void {
    const others = this.histories.othersNeeding(this.user.coderName ?? '', patch);
    if (others.length === 0) return;
    const who = others.map((name) => name || 'a script').join(' and ');
    throw new AppError('CONFLICT', `Cannot ${step} “${patch.label}”: ${who} made later changes to what it removes. Undo those first (switch to ${who}), or leave this one as it is.`);
  }

  historyState(): HistoryState {
    return this.history.state();
  }

  private result(patch: Patch, createdIds: string[], message: string): ChangeResult {
    return {
      delta: deltaOf(this.store.state, patch, this.currentCoderId),
      history: this.history.state(),
      affectedDocumentIds: affectedDocuments(patch, (coderId, codingId) => this.store.state.coder(coderId)?.codings.get(codingId)?.documentId),
      createdIds,
      message,
    };
  }
}

/** An undo or redo that no longer fits says whose change is in the way. */
function refusedStep(step: 'undo' | 'redo', label: string, err: unknown): unknown {
  if (!(err instanceof AppError) || err.code !== 'CONFLICT') return err;
  const why = err.message.replace(`“${label}” cannot be applied now: `, '');
  return new AppError('CONFLICT', `Cannot ${step} “${label}”: ${why} Undo the later change first (switch to the coder who made it), or leave this one as it is.`);
}
