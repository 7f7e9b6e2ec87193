import { useEffect, useEffectEvent } from 'react';
import { useWorkbench } from './context';
import { useWorkbenchInternals } from './internals';
import { isApplePlatform, shortcutFor } from './shortcuts';

/** True when a key press goes to a text field (its own undo and typing apply there). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** A modal dialog is open: its own keys apply, not the workbench's. */
function modalOpen(): boolean {
  return document.querySelector('dialog[open]:modal') !== null;
}

/**
 * The workbench's keys: 1–9 code the selection at the quick codes, Ctrl/Cmd+K opens the code
 * palette, Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo, Escape drops the selection.
 */
export function WorkbenchShortcuts() {
  const workbench = useWorkbench();
  const internals = useWorkbenchInternals();
  const apple = isApplePlatform(navigator.platform);

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || modalOpen()) return;
    const shortcut = shortcutFor(event, isTyping(event.target), apple);
    if (!shortcut) return;
    switch (shortcut.type) {
      case 'palette':
        event.preventDefault();
        internals.setPaletteOpen(true);
        return;
      case 'undo':
        event.preventDefault();
        void workbench.undo();
        return;
      case 'redo':
        event.preventDefault();
        void workbench.redo();
        return;
      case 'quickCode': {
        if (!workbench.selection) return;
        event.preventDefault();
        const codeId = workbench.quickCodes[shortcut.index];
        if (codeId) void workbench.codeSelection(codeId);
        else internals.say(`No quick code on key ${shortcut.index + 1}: pin a code in the codebook to use it.`);
        return;
      }
      case 'clearSelection':
        if (workbench.selection) {
          workbench.setSelection(null);
          window.getSelection()?.removeAllRanges();
        }
        if (internals.extentEdit) internals.setExtentEdit(null);
        return;
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return null;
}
