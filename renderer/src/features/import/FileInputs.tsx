import { useEffect, useRef, useState } from 'react';
import type { DragEvent, ReactNode, Ref } from 'react';
import { importAccept } from './files';
import styles from './FileInputs.module.css';

/** A hidden file input for the files Marginalia imports; a button elsewhere clicks it. */
export function ImportFileInput({ ref, label, onFiles }: { ref: Ref<HTMLInputElement>; label: string; onFiles: (files: File[]) => void }) {
  return (
    <input
      ref={ref}
      type="file"
      multiple
      accept={importAccept}
      hidden
      tabIndex={-1}
      aria-label={label}
      onChange={(event) => {
        const files = Array.from(event.currentTarget.files ?? []);
        // Cleared, so choosing the same file again still reports a change.
        event.currentTarget.value = '';
        onFiles(files);
      }}
    />
  );
}

/** True for a drag of files from the desktop (not text, not an in-app drag). */
function carriesFiles(event: { dataTransfer: DataTransfer | null }): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export interface FileDropZoneProps {
  onFiles: (files: File[]) => void;
  /** What the highlight says while files are dragged over ("Drop files to import"). */
  prompt: string;
  className?: string;
  children: ReactNode;
}

/**
 * Accepts files dropped from the desktop (HTML5 drag and drop; the workbench's own drags use
 * pointer events and never reach here), highlighted while files are over it.
 */
export function FileDropZone({ onFiles, prompt, className, children }: FileDropZoneProps) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them to know when the drag left.
  const depth = useRef(0);

  function onDragEnter(event: DragEvent) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setOver(true);
  }
  function onDragOver(event: DragEvent) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!over) setOver(true);
  }
  function onDragLeave(event: DragEvent) {
    if (!carriesFiles(event)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  }
  function onDrop(event: DragEvent) {
    const files = Array.from(event.dataTransfer?.files ?? []);
    depth.current = 0;
    setOver(false);
    if (files.length === 0) return;
    event.preventDefault();
    onFiles(files);
  }

  return (
    <div
      className={[styles.fileDrop, className ?? ''].filter(Boolean).join(' ')}
      data-drop-target="files"
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {children}
      {over ? (
        <div className={styles.fileDropOverlay} aria-hidden="true">
          <svg viewBox="0 0 24 24" width="28" height="28">
            <path d="M12 15V4m0 0L7.5 8.5M12 4l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
            <path d="M4.5 14.5v3.5a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2v-3.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          <span>{prompt}</span>
        </div>
      ) : null}
    </div>
  );
}

/**
 * While mounted, a file dropped anywhere but a drop zone is ignored instead of making the
 * window navigate to it (which would leave the project).
 */
export function usePreventFileNavigation(): void {
  useEffect(() => {
    const refuse = (event: globalThis.DragEvent) => {
      if (event.defaultPrevented || !carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
    };
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    return () => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    };
  }, []);
}
