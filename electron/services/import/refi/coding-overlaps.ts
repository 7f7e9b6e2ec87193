import { removed, updated } from '../../../../shared/domain/patch';
import type { Change, CoderChanges } from '../../../../shared/domain/patch';
import type { Coding, Memo } from '../../../../shared/domain/schemas';
import type { OperationContext } from '../../../../shared/operations/context';
import type { RefiImportOptions } from './refi-report';

/**
 * A file's codings are imported as the file has them, even where one coder's codings at a code
 * overlap; here they are counted for the preview and, when asked, merged the way coding in
 * Marginalia merges them.
 */

/** The codings and memos of each coder the import touches, built up as one patch. */
export class CoderWork {
  readonly byCoder = new Map<string, CoderChanges & { codings: Change<Coding>[]; memos: Change<Memo>[] }>();

  of(coderId: string) {
    return this.byCoder.get(coderId) ?? this.byCoder.set(coderId, { coderId, codings: [], memos: [] }).get(coderId)!;
  }
}

/**
 * How many of the import's codings overlap another of the same coder at the same code; with
 * `mergeOverlaps`, each overlapping group becomes one coding (the earliest kept, widened; memos
 * on the others move to it), as coding in Marginalia does.
 */
export function countOverlaps(ctx: OperationContext, work: CoderWork, options: RefiImportOptions): number {
  let overlapping = 0;
  for (const changes of work.byCoder.values()) {
    const fresh = new Map(changes.codings.map((c) => [c.id, c.after as Coding]));
    const groups = new Map<string, Coding[]>();
    for (const c of [...fresh.values(), ...(ctx.state.coder(changes.coderId)?.codings.values() ?? [])]) {
      const key = `${c.documentId}|${c.codeId}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const list of groups.values()) {
      list.sort((a, b) => a.start - b.start || b.end - a.end);
      let cluster: Coding[] = [];
      let end = -1;
      const close = () => {
        if (cluster.length > 1 && cluster.some((c) => fresh.has(c.id))) {
          overlapping += cluster.filter((c) => fresh.has(c.id)).length;
          if (options.mergeOverlaps) mergeCluster(changes, cluster, fresh);
        }
      };
      for (const c of list) {
        if (c.start >= end) {
          close();
          cluster = [];
        }
        cluster.push(c);
        end = Math.max(end, c.end);
      }
      close();
    }
  }
  return overlapping;
}

function mergeCluster(changes: CoderChanges & { codings: Change<Coding>[]; memos: Change<Memo>[] }, cluster: Coding[], fresh: Map<string, Coding>): void {
  const [keeper, ...others] = [...cluster].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : fresh.has(a.id) ? 1 : -1));
  const start = Math.min(...cluster.map((c) => c.start));
  const end = Math.max(...cluster.map((c) => c.end));
  const gone = new Set(others.map((c) => c.id));
  changes.codings = changes.codings.filter((c) => !gone.has(c.id));
  for (const other of others) if (!fresh.has(other.id)) changes.codings.push(removed(other.id, other));
  const own = changes.codings.find((c) => c.id === keeper!.id);
  if (own) own.after = { ...(own.after as Coding), start, end };
  else changes.codings.push(updated(keeper!.id, keeper!, { ...keeper!, start, end })!);
  for (const memo of changes.memos) {
    const m = memo.after as Memo | null;
    if (m?.target.type === 'coding' && gone.has(m.target.id)) memo.after = { ...m, target: { type: 'coding', id: keeper!.id } };
  }
}

