import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { MemoTarget } from '../../../../../shared/domain/schemas';
import type { CentreView } from '../types';
import { StatusContext, ViewActionsContext, ViewStateContext } from './contexts';
import type { ViewActions, ViewState } from './contexts';

/** The centre view, the code palette, the docked memo panel and the status line. */
export function ViewProvider({ children }: { children: ReactNode }) {
  const [centre, setCentre] = useState<CentreView>({ kind: 'reader' });
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [memoTarget, openMemos] = useState<MemoTarget | null>(null);
  const [status, say] = useState<string | null>(null);
  const state = useMemo<ViewState>(() => ({ centre, paletteOpen, memoTarget }), [centre, paletteOpen, memoTarget]);
  // State setters never change, so neither does this: dispatching never re-renders.
  const actions = useMemo<ViewActions>(() => ({ setCentre, setPaletteOpen, openMemos, say }), []);
  return (
    <ViewActionsContext value={actions}>
      <ViewStateContext value={state}>
        <StatusContext value={status}>{children}</StatusContext>
      </ViewStateContext>
    </ViewActionsContext>
  );
}
