import { AppError } from '../../../shared/api/errors';
import type { CoderFile } from '../../../shared/domain/schemas';
import { ProjectState } from '../../../shared/domain/state/project-state';
import { readDataFile, replayCoder, replayProject } from './data-file';
import type { LogPosition, TornLine } from './data-file';
import { coderFileKind, projectFileKind } from './file-kinds';
import type { FileKey, ProjectLayout } from './layout';

export interface LoadedProject {
  state: ProjectState;
  /** Where each data file's logs stand. */
  positions: Map<FileKey, LogPosition>;
  /** Changes cut short by a crash, dropped. */
  torn: TornLine[];
}

/**
 * A project's files, read and validated, as a ProjectState: each snapshot with the changes of
 * its log it does not hold yet applied in order. Nothing is written (see readDataFile).
 */
async function load(layout: ProjectLayout, options: { discardTemp: boolean }): Promise<LoadedProject> {
  const project = await readDataFile(layout.data(null), null, projectFileKind, options).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND' && err.file === layout.projectFile) {
      throw new AppError('NOT_FOUND', `${layout.dir} is not a Marginalia project: it has no project.json.`, layout.projectFile);
    }
    throw err;
  });
  const projectData = replayProject(project.snapshot, project.pending);
  const positions = new Map<FileKey, LogPosition>([[null, project.position]]);
  const torn = [...project.torn];
  const coders = [];
  for (const coder of projectData.coders) {
    const read = await readDataFile(layout.data(coder.id), coder.id, coderFileKind, options);
    coders.push({ id: coder.id, read });
    positions.set(coder.id, read.position);
    torn.push(...read.torn);
  }
  const state = ProjectState.fromFiles(projectData, new Map<string, CoderFile>(coders.map((c) => [c.id, c.read.snapshot])));
  for (const { id, read } of coders) replayCoder(state, id, read.pending);
  return { state, positions, torn };
}

/**
 * Loads a project. A reader that does not hold the project's lock may meet its writer between
 * two steps of a compaction or a coder's removal: what it read is then read once more.
 */
export async function loadProject(layout: ProjectLayout, options: { discardTemp: boolean }): Promise<LoadedProject> {
  try {
    return await load(layout, options);
  } catch (err) {
    const racing = !options.discardTemp && err instanceof AppError && (err.code === 'DAMAGED_FILE' || err.code === 'NOT_FOUND');
    if (!racing) throw err;
    await new Promise((resolve) => setTimeout(resolve, 50));
    return load(layout, options);
  }
}
