import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import styles from './overlay.module.css';

export interface DialogModalProps {
  title: ReactNode;
  /** A sentence under the title; it becomes the dialog's accessible description. */
  description?: ReactNode;
  children?: ReactNode;
  /** The footer buttons. A submit button in them submits the dialog (Enter in a field does too). */
  actions: ReactNode;
  /** Called with the form's submit (Enter, or a submit button). */
  onSubmit?: () => void;
  /** Escape, the backdrop or a Cancel button. */
  onClose: () => void;
  wide?: boolean;
  className?: string;
}

/**
 * A modal dialog: the native <dialog> in the top layer, so focus stays inside, Escape closes
 * it and the page behind is inert. Mounted = open; rendered in <body>. When it closes, focus goes back to where it
 * was when it opened, if that element is still on the page.
 */
export function DialogModal({ title, description, children, actions, onSubmit, onClose, wide, className }: DialogModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Focus the first field (or the first enabled button when there is no field).
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [role="listbox"]') ??
      dialog.querySelector<HTMLElement>('.dialog-modal__footer button:not([disabled])');
    first?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    onSubmit?.();
  }

  // In <body>, so a dialog opened from inside a form or a list never nests in it.
  return createPortal(
    <dialog
      ref={ref}
      className={[styles.dialogModal, wide ? styles.dialogModalWide : '', className ?? ''].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onMouseDown={(event) => {
        // A press on the backdrop (the dialog element itself, outside its form) closes it.
        if (event.target === ref.current) onClose();
      }}
      onKeyDown={(event) => event.stopPropagation()}
      onContextMenu={(event) => event.stopPropagation()}
    >
      <form className={styles.dialogModalForm} onSubmit={submit} noValidate>
        <div className={styles.dialogModalHeader}>
          <h2 className={styles.dialogModalTitle} id={titleId}>
            {title}
          </h2>
        </div>
        <div className={styles.dialogModalBody} data-dialog-body="">
          {description ? (
            <p className={styles.dialogModalDescription} id={descriptionId}>
              {description}
            </p>
          ) : null}
          {children}
        </div>
        <div className={styles.dialogModalFooter}>{actions}</div>
      </form>
    </dialog>,
    document.body,
  );
}
