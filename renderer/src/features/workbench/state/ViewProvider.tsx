import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { MemoTarget } from '../../../../../shared/domain/schemas';
import type { CentreView } from '../types';
import { StatusContext, ViewActionsContext, ViewStateContext } from './contexts';
import type { StatusMessage, ViewActions, ViewState } from './contexts';

/** The centre view, the code palette, the docked memo panel, the shortcut sheet, the reader's word snapping and the status line. */
export function ViewProvider({ children }: { children: ReactNode }) {
  const [centre, setCentre] = useState<CentreView>({ kind: 'reader' });
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [memoTarget, openMemos] = useState<MemoTarget | null>(null);
  const [snapWords, setSnapWords] = useState(true);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const state = useMemo<ViewState>(() => ({ centre, paletteOpen, memoTarget, snapWords, shortcutsOpen }), [centre, paletteOpen, memoTarget, snapWords, shortcutsOpen]);
  // State setters never change, so neither does this: dispatching never re-renders.
  const actions = useMemo<ViewActions>(
    () => ({
      setCentre,
      setPaletteOpen,
      openMemos,
      setSnapWords,
      setShortcutsOpen,
      say: (text: string | null) => setStatus((last) => (text === null ? null : { text, serial: (last?.serial ?? 0) + 1 })),
    }),
    [],
  );
  return (
    <ViewActionsContext value={actions}>
      <ViewStateContext value={state}>
        <StatusContext value={status}>{children}</StatusContext>
      </ViewStateContext>
    </ViewActionsContext>
  );
}
