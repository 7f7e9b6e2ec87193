import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../shared/api/errors';

/** A path with its links resolved as far as they exist: the file itself need not exist yet. */
async function realPath(path: string): Promise<string> {
  const real = await realpath(path).catch(() => null);
  if (real !== null) return real;
  const parent = dirname(path);
  return parent === path ? path : join(await realPath(parent), basename(path));
}

/**
 * The absolute path of a file a command writes, refused inside the project folder: it would
 * replace one of the project's own files (project.json, a coder's file) or leave a stray one there.
 * Compared with links resolved, so a link into the project is caught too.
 */
export async function outsideProject(projectDir: string, file: string): Promise<string> {
  const target = resolve(file);
  const path = relative(await realPath(resolve(projectDir)), await realPath(target));
  const inside = path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
  if (inside) throw new AppError('INVALID_INPUT', `will not write ${target}: it is inside the project folder ${resolve(projectDir)}; choose a file outside it.`, target);
  return target;
}
