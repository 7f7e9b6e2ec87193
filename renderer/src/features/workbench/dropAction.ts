import type { DocumentSpan, DragData, DropData } from './types';

/** What dropping one thing onto another does; null when the drop means nothing (it is cancelled). */
export type DropAction =
  | { type: 'code'; codeId: string; span: DocumentSpan }
  | { type: 'codeSelection'; codeId: string }
  | { type: 'move'; codeId: string; parentId: string | null; index: number | 'end' };

function isDragData(value: unknown): value is DragData {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'selection' || kind === 'code';
}

function isDropData(value: unknown): value is DropData {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'selection' || kind === 'code' || kind === 'code-slot';
}

/**
 * The workbench's drop rules: a selection onto a code codes it; a code onto the selection codes
 * the selection; a code onto a code becomes its last child; a code onto a slot moves there.
 */
export function dropAction(drag: unknown, drop: unknown): DropAction | null {
  if (!isDragData(drag) || !isDropData(drop)) return null;
  if (drag.kind === 'selection') {
    return drop.kind === 'code' ? { type: 'code', codeId: drop.codeId, span: drag.span } : null;
  }
  if (drop.kind === 'selection') return { type: 'codeSelection', codeId: drag.codeId };
  if (drop.kind === 'code') {
    return drop.codeId === drag.codeId ? null : { type: 'move', codeId: drag.codeId, parentId: drop.codeId, index: 'end' };
  }
  return { type: 'move', codeId: drag.codeId, parentId: drop.parentId, index: drop.index };
}
