import { useEffect, useEffectEvent } from 'react';
import { useApiEvents } from '../../api/context';
import { focusNextPane } from './paneCycle';
import { isApplePlatform, shortcutFor } from './shortcuts';
import { useProject, useChanges, useDocument, useDocumentActions, useViewActions } from './state/contexts';

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
 * palette, Ctrl/Cmd+I codes the selection in vivo, Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y
 * redo, Escape drops the selection, ? shows the sheet of shortcuts, F6 and Shift+F6 move between
 * panes.
 */
export function WorkbenchShortcuts() {
  const { quickCodes } = useProject();
  const { redo, undo } = useChanges();
  const { extentEdit, selection } = useDocument();
  const { codeSelection, codeSelectionInVivo, setExtentEdit, setSelection } = useDocumentActions();
  const { say, setPaletteOpen, setShortcutsOpen } = useViewActions();
  const apple = isApplePlatform(navigator.platform);

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || modalOpen()) return;
    const shortcut = shortcutFor(event, isTyping(event.target), apple);
    if (!shortcut) return;
    switch (shortcut.type) {
      case 'palette':
        event.preventDefault();
        setPaletteOpen(true);
        return;
      case 'undo':
        event.preventDefault();
        void undo();
        return;
      case 'redo':
        event.preventDefault();
        void redo();
        return;
      case 'quickCode': {
        if (!selection) return;
        event.preventDefault();
        const codeId = quickCodes[shortcut.index];
        if (codeId) void codeSelection(codeId);
        else say(`No quick code on key ${shortcut.index + 1}: pin a code in the codebook to use it.`);
        return;
      }
      case 'cyclePanes':
        event.preventDefault();
        focusNextPane(shortcut.backwards);
        return;
      case 'help':
        event.preventDefault();
        setShortcutsOpen(true);
        return;
      case 'inVivo':
        event.preventDefault();
        if (selection) void codeSelectionInVivo();
        else say('Select words in the text first: Ctrl/Cmd+I makes them a code and codes them (in vivo).');
        return;
      case 'clearSelection':
        if (selection) {
          setSelection(null);
          window.getSelection()?.removeAllRanges();
        }
        if (extentEdit) setExtentEdit(null);
        return;
    }
  });

  // The desktop menu's Edit → Undo, Redo and Code Selection… (shown with the same keys): in a text field, the field's own undo.
  useApiEvents((event) => {
    if (event.name !== 'shell.request' || event.payload.action !== 'command') return;
    const typing = isTyping(document.activeElement);
    switch (event.payload.command) {
      case 'undo':
        if (typing) document.execCommand('undo');
        else void undo();
        return;
      case 'redo':
        if (typing) document.execCommand('redo');
        else void redo();
        return;
      case 'codePalette':
        setPaletteOpen(true);
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
