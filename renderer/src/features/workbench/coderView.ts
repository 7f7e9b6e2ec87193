import type { Coder } from '../../../../shared/domain/schemas';
import type { CoderView } from './types';

/** The coders whose codings a view shows. */
export function visibleCoders(view: CoderView, coders: readonly Coder[], currentCoderId: string | null): string[] {
  if (view.mode === 'me') return currentCoderId ? [currentCoderId] : [];
  if (view.mode === 'all') return coders.map((c) => c.id);
  return coders.some((c) => c.id === view.coderId) ? [view.coderId] : [];
}

/** A view as a <select> value, and back. */
export function viewValue(view: CoderView): string {
  return view.mode === 'coder' ? `coder:${view.coderId}` : view.mode;
}

export function parseViewValue(value: string): CoderView {
  if (value === 'all') return { mode: 'all' };
  if (value.startsWith('coder:')) return { mode: 'coder', coderId: value.slice(6) };
  return { mode: 'me' };
}
