import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { isInside } from '../../common/static-files';

/**
 * Which paths on this computer a request may name: only those the user gave this session.
 * A page that is compromised (or a script holding browser mode's token) could otherwise make
 * the backend read any file the user can, e.g. by importing it. Paths are let through when:
 *
 * * the user picked them (native dialog, browser mode's folder chooser, a drop), or named them
 *   (`--project`, a recent project): `allow`;
 * * they are a new folder inside a folder the user picked as the place for it: `allowNewInside`;
 * * they lie inside the project open now: `setOpenProject`.
 *
 * Comparisons use real paths, so a symlink inside the project cannot lead outside it.
 */
export type PathUse = 'open' | 'create' | 'read';

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

export class PathGrants {
  private readonly exact = new Set<string>();
  private readonly newInside = new Set<string>();
  private project: string | null = null;

  constructor(private readonly real: (path: string) => Promise<string> = realPathOf) {}

  /** A path the user picked or named: it, and only it, may be used. */
  async allow(path: string): Promise<void> {
    this.exact.add(resolve(path));
    this.exact.add(await this.real(path));
  }

  /** A folder the user picked as the place for a new project: a new folder directly inside it may be created. */
  async allowNewInside(folder: string): Promise<void> {
    this.newInside.add(await this.real(folder));
  }

  /** The project open now (null when none): anything inside it may be read. */
  async setOpenProject(dir: string | null): Promise<void> {
    this.project = dir === null ? null : await this.real(dir);
  }

  /** Resolves when `path` may be used for `use`; otherwise throws an AppError saying how to choose it. */
  async check(path: string, use: PathUse): Promise<void> {
    const real = await this.real(path);
    if (this.exact.has(resolve(path)) || this.exact.has(real)) return;
    if (this.project !== null && isInside(this.project, real)) return;
    if (use === 'create' && this.newInside.has(dirname(real))) return;
    const how = use === 'read' ? 'add it with Import (or drop it on the window)' : 'choose it with Open project (or from the recent projects)';
    throw new AppError('INVALID_INPUT', `${path} was not chosen by you in this session, so Marginalia will not ${use} it: ${how}.`, path);
  }
}
