import type { HistoryState } from '../../../shared/api/contract';
import { invertPatch } from '../../../shared/domain/patch';
import { removedReferents, stepNeedsAny } from '../../../shared/domain/state/patch-check';
import type { Patch } from '../../../shared/domain/patch';

const MAX_STEPS = 500;

/** One person's undo and redo in an open project, across documents: a stack of their applied patches. */
export class UndoHistory {
  private done: Patch[] = [];
  private undone: Patch[] = [];

  record(patch: Patch): void {
    this.done.push(patch);
    if (this.done.length > MAX_STEPS) this.done.shift();
    this.undone = [];
  }

  /** The patch that undoes the last step, or null. Call `commitUndo` once it has been applied. */
  peekUndo(): Patch | null {
    const last = this.done[this.done.length - 1];
    return last ? invertPatch(last) : null;
  }

  commitUndo(): void {
    const last = this.done.pop();
    if (last) this.undone.push(last);
  }

  peekRedo(): Patch | null {
    return this.undone[this.undone.length - 1] ?? null;
  }

  commitRedo(): void {
    const next = this.undone.pop();
    if (next) this.done.push(next);
  }

  /** Whether undoing one of these steps would need any of `ids`. */
  needsAny(ids: ReadonlySet<string>): boolean {
    return this.done.some((step) => stepNeedsAny(step, ids));
  }

  state(): HistoryState {
    const undo = this.done[this.done.length - 1];
    const redo = this.undone[this.undone.length - 1];
    return { canUndo: Boolean(undo), canRedo: Boolean(redo), undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
  }
}

/**
 * Everyone's histories in one open project, by who made the changes: a coder undoes only their
 * own steps (imports and codebook edits included), and switching coder switches history.
 */
export class Histories {
  private readonly byAuthor = new Map<string, UndoHistory>();

  of(author: string): UndoHistory {
    return this.byAuthor.get(author) ?? this.byAuthor.set(author, new UndoHistory()).get(author)!;
  }

  /** The others whose undo would need what `patch` (an undo or redo of `author`'s) removes. */
  othersNeeding(author: string, patch: Patch): string[] {
    const removing = removedReferents(patch);
    if (removing.size === 0) return [];
    return [...this.byAuthor].filter(([other, history]) => other !== author && history.needsAny(removing)).map(([other]) => other);
  }
}
