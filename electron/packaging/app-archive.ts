import { extractFile, getRawHeader } from '@electron/asar';

/** An app.asar as the check reads it: every file with its size, and each file's bytes on demand. */
export interface AppArchive {
  /** Paths inside the archive, `/`-separated, no leading slash (`out/main/index.js`). */
  files: ReadonlyMap<string, { size: number; unpacked: boolean }>;
  read(path: string): Buffer;
}

interface HeaderEntry {
  files?: Record<string, HeaderEntry>;
  size?: number;
  unpacked?: boolean;
  link?: string;
}

export function openAppArchive(asarPath: string): AppArchive {
  const files = new Map<string, { size: number; unpacked: boolean }>();
  const walk = (entry: HeaderEntry, prefix: string) => {
    for (const [name, child] of Object.entries(entry.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, path);
      else if (child.link === undefined) files.set(path, { size: child.size ?? 0, unpacked: child.unpacked === true });
    }
  };
  walk(getRawHeader(asarPath).header as HeaderEntry, '');
  return { files, read: (path) => extractFile(asarPath, path) };
}
