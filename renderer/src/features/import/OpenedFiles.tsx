import { createContext, use, useEffect, useEffectEvent, useState } from 'react';
import type { ReactNode } from 'react';
import type { ServerEvents } from '../../../../shared/api/contract';
import { useApiEvents } from '../../api/context';

export type OpenedFile = Extract<ServerEvents['shell.request'], { action: 'import' }>['files'][number];

const Opened = createContext<{ files: OpenedFile[]; taken: () => void }>({ files: [], taken: () => undefined });

/**
 * Files the operating system opened with the desktop app (a double-clicked .qdpx), already
 * staged by the shell. Held at the app's top, listening from the first render, because the
 * file that launched the app arrives while the project view is still mounting.
 */
export function OpenedFilesProvider({ children }: { children: ReactNode }) {
  const [files, setFiles] = useState<OpenedFile[]>([]);
  useApiEvents((event) => {
    if (event.name === 'shell.request' && event.payload.action === 'import') {
      const { files: opened } = event.payload;
      setFiles((waiting) => [...waiting, ...opened]);
    }
  });
  return <Opened value={{ files, taken: () => setFiles([]) }}>{children}</Opened>;
}

/** Hands each file the OS opened to `onFiles` (the import dialog), once. */
export function useOpenedFiles(onFiles: (files: OpenedFile[]) => void): void {
  const { files, taken } = use(Opened);
  const take = useEffectEvent(() => {
    onFiles(files);
    taken();
  });
  useEffect(() => {
    if (files.length > 0) take();
  }, [files]);
}
