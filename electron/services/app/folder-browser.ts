import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { FolderEntry, FolderListing } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';

/**
 * Browser mode's folder chooser. A page has no native folder dialog, so the backend lists
 * folders for it; the page may be any tab on this machine that got the token, so the listing
 * stays inside the user's home folder. Paths are compared after resolving symbolic links, so a
 * link inside home cannot lead the chooser out of it, and links are not listed as folders.
 */

/** Enough for any real folder; a listing beyond it says it was cut short. */
const MAX_FOLDERS = 2000;

export interface FolderBrowserOptions {
  home: string;
  /** Where the chooser opens by default: the first of these that exists (home at the latest). */
  startAt: readonly string[];
}

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

async function holdsProject(dir: string): Promise<boolean> {
  return stat(join(dir, 'project.json')).then((s) => s.isFile(), () => false);
}

export class FolderBrowser {
  constructor(private readonly options: FolderBrowserOptions) {}

  async list(requested?: string): Promise<FolderListing> {
    const home = await realpath(resolve(this.options.home));
    const dir = requested === undefined ? await this.startFolder(home) : await this.checked(home, requested);
    const entries = await readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      throw new AppError('IO', `The folder ${dir} cannot be read: ${err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.message}.`, dir);
    });
    const names = entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }));
    const shown = names.slice(0, MAX_FOLDERS);
    const folders: FolderEntry[] = await Promise.all(shown.map(async (name) => ({ name, path: join(dir, name), isProject: await holdsProject(join(dir, name)) })));
    return { home, path: dir, trail: trail(home, dir), isProject: await holdsProject(dir), folders, truncated: names.length > shown.length };
  }

  /** The requested folder, if it exists and lies in home (after following links); else a clear refusal. */
  private async checked(home: string, requested: string): Promise<string> {
    const absolute = resolve(home, requested);
    const outside = () =>
      new AppError('INVALID_INPUT', `${absolute} is outside your home folder (${home}). The folder chooser only shows folders in your home folder.`, absolute);
    // Refused before touching the disk, so the chooser says nothing about what exists elsewhere.
    if (!isWithin(home, absolute) && !isWithin(resolve(this.options.home), absolute)) throw outside();
    const real = await realpath(absolute).catch(() => {
      throw new AppError('NOT_FOUND', `There is no folder at ${absolute}.`, absolute);
    });
    if (!isWithin(home, real)) throw outside();
    if (!(await isDirectory(real))) throw new AppError('INVALID_INPUT', `${absolute} is a file, not a folder.`, absolute);
    return real;
  }

  private async startFolder(home: string): Promise<string> {
    for (const candidate of this.options.startAt) {
      const real = await realpath(candidate).catch(() => null);
      if (real !== null && isWithin(home, real) && (await isDirectory(real))) return real;
    }
    return home;
  }
}

/** Home, then each folder down to `dir`. */
function trail(home: string, dir: string): FolderListing['trail'] {
  const steps = [{ name: basename(home) || home, path: home }];
  let path = home;
  for (const part of relative(home, dir).split(sep).filter(Boolean)) {
    path = join(path, part);
    steps.push({ name: part, path });
  }
  return steps;
}
