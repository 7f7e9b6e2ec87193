import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { isInside } from '../../common/static-files';

/**
 * Which paths on this computer a request may name. A page that is compromised (or a script
 * holding browser mode's token) could otherwise make the backend read any file the user can,
 * e.g. by importing it, or opening another project to read its memos. A path may be used when
 * the user gave it: picked this session (`allow`: the native dialog, a folder browser mode's
 * chooser showed them, a drop, a project opened from the menu or the command line), or named
 * once and remembered (a recent project; where new projects go by default). By use:
 *
 * * `read` (a file to import): one the user picked, or one inside the project open now;
 * * `project` (open a project, restore it, read a colleague's project): a folder the user picked
 *   or named, which must also be a Marginalia project folder (it holds project.json or backups/);
 * * `create` (a new project): a folder the user picked or named, or one inside such a folder;
 * * `list` (the folder chooser): any here; the folder browser itself lists only the home folder
 *   and below, and names folders, never reads files.
 *
 * Comparisons use real paths, so a symlink inside the project cannot lead outside it.
 */
export type PathUse = 'project' | 'create' | 'read' | 'list';

/** The real path of `path`; for one that does not exist yet, its nearest existing ancestor's, plus the rest. */
export async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(await realPathOf(parent), basename(absolute));
  }
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** A folder Marginalia made: it holds project.json, or at least the backups to restore one from. */
async function isProjectFolder(dir: string): Promise<boolean> {
  return (await exists(join(dir, 'project.json'))) || (await exists(join(dir, 'backups')));
}

const REFUSED: Record<Exclude<PathUse, 'list'>, string> = {
  read: 'so Marginalia will not read it: add it with Import (or drop it on the window)',
  project: 'so Marginalia will not open it: choose it with Open project (or from your recent projects)',
  create: 'so Marginalia will not create a project there: choose the location with the folder button of New project',
};

export class PathGrants {
  private readonly exact = new Set<string>();

  constructor(
    /** The folder of the project open now, if any: files inside it may be read. */
    private readonly openProject: () => string | null = () => null,
    /** Folders the user named once and the app remembers: recent projects, where new projects go. */
    private readonly named: () => readonly string[] = () => [],
    private readonly real: (path: string) => Promise<string> = realPathOf,
  ) {}

  /** A path the user picked (native dialog, the folder chooser, a drop, a menu, the command line): it, and only it, may be used. */
  async allow(path: string): Promise<void> {
    this.exact.add(resolve(path));
    this.exact.add(await this.real(path));
  }

  private async given(path: string, real: string): Promise<boolean> {
    if (this.exact.has(resolve(path)) || this.exact.has(real)) return true;
    for (const named of this.named()) if (resolve(named) === resolve(path) || (await this.real(named)) === real) return true;
    return false;
  }

  /** Resolves when `path` may be used for `use`; otherwise throws an AppError saying why and what to do. */
  async check(path: string, use: PathUse): Promise<void> {
    if (use === 'list') return;
    const real = await this.real(path);
    if (use === 'project' && (await this.given(path, real))) {
      if (await isProjectFolder(real)) return;
      throw new AppError('INVALID_INPUT', `${path} is not a Marginalia project folder (it has no project.json), so Marginalia will not open it: choose the folder that holds project.json.`, path);
    }
    if (use === 'create' && ((await this.given(path, real)) || (await this.given(dirname(resolve(path)), dirname(real))))) return;
    if (use === 'read') {
      if (this.exact.has(resolve(path)) || this.exact.has(real)) return;
      const project = this.openProject();
      if (project !== null && isInside(await this.real(project), real)) return;
    }
    throw new AppError('INVALID_INPUT', `${path} was not chosen by you in this session, ${REFUSED[use]}.`, path);
  }
}
