import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import styles from './overlay.module.css';

export interface MenuPopupItem {
  id: string;
  label: string;
  /** Shown muted at the right: "F2", "Del". Also given as aria-keyshortcuts when `keys` is set. */
  shortcut?: string;
  keys?: string;
  disabled?: boolean;
  danger?: boolean;
  /** Draws a line above this item. */
  separatorBefore?: boolean;
  onSelect: () => void;
}

export interface MenuPopupProps {
  /** The menu's accessible name ("Actions for Tackling stigma"). */
  label: string;
  items: MenuPopupItem[];
  /** Viewport position of the menu's top-left corner; it is kept inside the window. */
  x: number;
  y: number;
  /** Escape, Tab, a press outside, or after an item was chosen (`chosen` true). */
  onClose: (chosen: boolean) => void;
}

/**
 * A popup menu (WAI-ARIA menu pattern): focus moves into it, arrow keys, Home/End and
 * type-ahead move between items, Enter or Space chooses, Escape or Tab closes.
 */
export function MenuPopup({ label, items, x, y, onClose }: MenuPopupProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: x, top: y });
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  // Keep the menu inside the window, then focus its first enabled item.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const left = Math.max(4, Math.min(x, window.innerWidth - rect.width - 4));
    const top = Math.max(4, y + rect.height > window.innerHeight - 4 ? y - rect.height : y);
    setPosition({ left, top });
    el.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
  }, [x, y]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onCloseRef.current(false);
    };
    const onBlur = () => onCloseRef.current(false);
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('blur', onBlur);
    window.addEventListener('resize', onBlur);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('resize', onBlur);
    };
  }, []);

  function enabledItems(): HTMLElement[] {
    return Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? []);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    event.stopPropagation();
    const all = enabledItems();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => all[(i + all.length) % all.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusAt(index + 1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(index < 0 ? -1 : index - 1);
        return;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        return;
      case 'End':
        event.preventDefault();
        focusAt(-1);
        return;
      case 'Escape':
        event.preventDefault();
        onClose(false);
        return;
      case 'Tab':
        event.preventDefault();
        onClose(false);
        return;
      default:
        if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
          const char = event.key.toLocaleLowerCase();
          for (let step = 1; step <= all.length; step++) {
            const item = all[(index + step + all.length) % all.length];
            if (item?.textContent?.trim().toLocaleLowerCase().startsWith(char)) {
              event.preventDefault();
              item.focus();
              return;
            }
          }
        }
    }
  }

  function choose(item: MenuPopupItem) {
    if (item.disabled) return;
    onClose(true);
    item.onSelect();
  }

  return createPortal(
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className={styles.menuPopup}
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => {
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      {items.map((item) => (
        <Fragment key={item.id}>
          {item.separatorBefore ? <div role="separator" className={styles.menuPopupSeparator} /> : null}
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            disabled={item.disabled}
            aria-keyshortcuts={item.keys}
            className={[styles.menuPopupItem, item.danger ? styles.menuPopupItemDanger : ''].filter(Boolean).join(' ')}
            onClick={() => choose(item)}
          >
            <span className={styles.menuPopupLabel}>{item.label}</span>
            {item.shortcut ? (
              <span className={styles.menuPopupShortcut} aria-hidden="true">
                {item.shortcut}
              </span>
            ) : null}
          </button>
        </Fragment>
      ))}
    </div>,
    document.body,
  );
}
