import { useRef, useState } from 'react';
import { firstRoundOf, secondRoundName } from '../../../../shared/domain/second-round';
import { renamableCoders } from '../../../../shared/operations/coder-ops';
import { MenuPopup } from '../../ui/MenuPopup';
import type { MenuPopupItem } from '../../ui/MenuPopup';
import styles from './CoderSwitch.module.css';
import { RenameCoderDialog } from './RenameCoderDialog';
import projectStyles from './project.module.css';
import { useProject, useChanges } from '../workbench/state/contexts';

/** Who is coding: the current name, and a menu to code as another of the project's coders or someone new. */
export function CoderSwitch() {
  const { coderName, project } = useProject();
  const { requestCoderName, setCoderName } = useChanges();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [renaming, setRenaming] = useState(false);
  const me = project.coders.find((c) => c.name === coderName);
  const renamable = renamableCoders(project.coders, me?.id ?? null);

  function open() {
    const rect = buttonRef.current?.getBoundingClientRect();
    if (rect) setMenu({ x: rect.right - 220, y: rect.bottom + 4 });
  }

  const items: MenuPopupItem[] = [
    ...project.coders.map((c) => ({
      id: c.id,
      label: c.name,
      ...(c.name === coderName ? { shortcut: 'current' } : {}),
      onSelect: () => {
        if (c.name !== coderName) void setCoderName(c.name);
      },
    })),
    {
      id: 'someone-else',
      label: 'Someone else…',
      separatorBefore: project.coders.length > 0,
      onSelect: () => void requestCoderName(coderName ? 'switch' : 'first'),
    },
    // Intra-coder agreement: the same person codes again, blind to their first round.
    ...(me && firstRoundOf(project.coders, me.name) === null && !project.coders.some((c) => c.name === secondRoundName(me.name))
      ? [{ id: 'second-round', label: 'Start a second round (blind to my first)', onSelect: () => void setCoderName(secondRoundName(me.name)) }]
      : []),
    ...(renamable.length > 0 && !project.readOnly ? [{ id: 'rename-coder', label: 'Rename a coder…', onSelect: () => setRenaming(true) }] : []),
  ];

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={styles.coderSwitch}
        aria-haspopup="menu"
        aria-expanded={menu !== null}
        onClick={() => (menu ? setMenu(null) : open())}
      >
        <span className={styles.coderSwitchDot} style={{ backgroundColor: me?.color ?? 'var(--c-border-strong)' }} aria-hidden="true" />
        {coderName ? (
          <span>
            <span className={projectStyles.coderSwitchLabel}>Coding as </span>
            <strong>{coderName}</strong>
          </span>
        ) : (
          <span>Set your name</span>
        )}
        <svg viewBox="0 0 10 6" width="10" height="6" aria-hidden="true">
          <path d="M1 1l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {menu ? (
        <MenuPopup
          label="Code as"
          items={items}
          x={menu.x}
          y={menu.y}
          onClose={(chosen) => {
            setMenu(null);
            if (!chosen) buttonRef.current?.focus();
          }}
        />
      ) : null}
      {renaming ? (
        <RenameCoderDialog
          coders={renamable}
          onDone={() => {
            setRenaming(false);
            buttonRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
