import { readFile, unlink } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import type { CoderFile } from '../../../shared/domain/schemas';
import { ProjectState } from '../../../shared/domain/state/project-state';
import { tempPathFor } from '../store/durable-file';
import type { FileIo } from '../store/file-io';
import { parseJsonFile } from '../store/json-store';
import type { JsonFileKind } from '../store/json-store';
import { coderFileKind, projectFileKind } from './file-kinds';
import { displayNames } from './layout';
import type { ProjectLayout } from './layout';

async function readText(file: string, displayName: string): Promise<string> {
  try {
    return await readFile(file, 'utf-8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', `${displayName} is missing.`, file);
    throw new AppError('IO', `${displayName} could not be read: ${(err as Error).message}`, file);
  }
}

/**
 * Reads and validates one JSON file of the project. A temp file left by an interrupted write is
 * discarded: its rename never happened, so that write was never acknowledged and the real file is
 * the truth. (A reader without the project's lock leaves it: its writer may be mid-write.)
 */
async function loadFile<T>(kind: JsonFileKind<T>, file: string, displayName: string, discardTemp: boolean): Promise<T> {
  const data = parseJsonFile(await readText(file, displayName), kind, { file, displayName });
  if (discardTemp) await unlink(tempPathFor(file)).catch(() => undefined);
  return data;
}

/** A project's files, read and validated, as a ProjectState. Nothing is written. */
export async function loadProjectState(layout: ProjectLayout, _io: FileIo, options: { discardTemp: boolean }): Promise<ProjectState> {
  const project = await loadFile(projectFileKind, layout.projectFile, displayNames.projectFile, options.discardTemp).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') {
      throw new AppError('NOT_FOUND', `${layout.dir} is not a Marginalia project: it has no project.json.`, layout.projectFile);
    }
    throw err;
  });
  const coderFiles = new Map<string, CoderFile>();
  for (const coder of project.coders) {
    const file = await loadFile(coderFileKind, layout.coderFile(coder.id), displayNames.coderFile(coder.id), options.discardTemp);
    coderFiles.set(coder.id, file);
  }
  return ProjectState.fromFiles(project, coderFiles);
}
