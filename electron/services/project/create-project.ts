import { readdir } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import type { TemplateId } from '../../../shared/api/contract';
import { codebookFromTemplate, codebookTemplates } from '../../../shared/templates';
import type { ServiceDeps } from '../deps';
import type { LockApp } from '../store/project-lock';
import { ProjectStore } from './project-store';

/** Refuses a folder that already holds something, so a new project never mixes with other files. */
export async function assertUsableFolder(dir: string): Promise<void> {
  const entries = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw new AppError('IO', `${dir} cannot be used for a project: ${err.message}`, dir);
  });
  if (entries.length > 0) {
    throw new AppError('ALREADY_EXISTS', `${dir} is not empty. Choose a new or empty folder for the project.`, dir);
  }
}

export async function createProject(
  dir: string,
  options: { name: string; template: TemplateId },
  deps: ServiceDeps,
  lock: { app?: LockApp } = {},
): Promise<ProjectStore> {
  await assertUsableFolder(dir);
  return ProjectStore.create(
    dir,
    {
      name: options.name,
      description: '',
      codebook: codebookFromTemplate(codebookTemplates[options.template], deps.newId),
      attributes: [],
    },
    deps,
    lock,
  );
}
