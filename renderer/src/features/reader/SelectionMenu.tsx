import { MenuPopup } from '../../ui/MenuPopup';
import { isApplePlatform } from '../workbench/shortcuts';
import { useDocumentActions, useViewActions } from '../workbench/state/contexts';

/** The reader's right-click menu on a selection: code its words in vivo, or pick a code for it. */
export function SelectionMenu({ x, y, onClose }: { x: number; y: number; onClose: () => void }) {
  const { codeSelectionInVivo } = useDocumentActions();
  const { setPaletteOpen } = useViewActions();
  const mod = isApplePlatform(navigator.platform) ? '⌘' : 'Ctrl+';
  return (
    <MenuPopup
      label="Selected passage"
      x={x}
      y={y}
      onClose={onClose}
      items={[
        { id: 'in-vivo', label: 'Code in vivo', shortcut: `${mod}I`, keys: 'Control+I Meta+I', onSelect: () => void codeSelectionInVivo() },
        { id: 'palette', label: 'Code at…', shortcut: `${mod}K`, keys: 'Control+K Meta+K', onSelect: () => setPaletteOpen(true) },
      ]}
    />
  );
}
