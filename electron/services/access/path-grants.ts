import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { isInside } from '../../common/static-files';

/**
 * Which paths on this computer a request may name. A page that is compromised (or a script
 * holding browser mode's token) could otherwise make the backend read any file the user can,
 * e.g. by importing it. By use:
 *
 * * `read` (a file to import): only one the user picked this session (`allow`: native dialog,
 *   a drop) or one inside the project open now;
 * * `project` (open a project, restore it, read a colleague's project): a folder the user picked
 *   or named, which must be a Marginalia project folder (it holds project.json or backups/), so
 *   nothing but Marginalia's own files can be reached this way;
 * * `create` (a new project): any; create-project writes only Marginalia's own files, and only
 *   into a new or empty folder;
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

export class PathGrants {
  private readonly exact = new Set<string>();

  constructor(
    /** The folder of the project open now, if any: files inside it may be read. */
    private readonly openProject: () => string | null = () => null,
    private readonly real: (path: string) => Promise<string> = realPathOf,
  ) {}

  /** A file the user picked (native dialog, a drop): it, and only it, may be read. */
  async allow(path: string): Promise<void> {
    this.exact.add(resolve(path));
    this.exact.add(await this.real(path));
  }

  /** Resolves when `path` may be used for `use`; otherwise throws an AppError saying why and what to do. */
  async check(path: string, use: PathUse): Promise<void> {
    const real = await this.real(path);
    if (use === 'project') {
      if (await isProjectFolder(real)) return;
      throw new AppError('INVALID_INPUT', `${path} is not a Marginalia project folder (it has no project.json), so Marginalia will not open it: choose the folder that holds project.json.`, path);
    }
    if (use === 'create' || use === 'list') return;
    if (this.exact.has(resolve(path)) || this.exact.has(real)) return;
    const project = this.openProject();
    if (project !== null && isInside(await this.real(project), real)) return;
    throw new AppError('INVALID_INPUT', `${path} was not chosen by you in this session, so Marginalia will not read it: add it with Import (or drop it on the window).`, path);
  }
}
