import { readFile, readdir } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import { findIntegrityProblems } from '../../../shared/domain/integrity';
import { ProjectState } from '../../../shared/domain/state/project-state';
import type { IntegrityProblem } from '../../../shared/domain/integrity';
import type { CoderFile, ProjectFile } from '../../../shared/domain/schemas';
import { parseJsonFile } from '../store/json-store';
import type { JsonFileKind } from '../store/json-store';
import { ChangeJournal, JOURNAL_FILE } from './change-journal';
import { coderFileKind, projectFileKind, turnsFileKind } from './file-kinds';
import { ProjectLayout, displayNames } from './layout';
import { hashText } from './source-files';

async function readChecked<T>(
  file: string,
  displayName: string,
  kind: JsonFileKind<T>,
  problems: IntegrityProblem[],
): Promise<T | null> {
  try {
    return parseJsonFile(await readFile(file, 'utf-8'), kind, { file, displayName });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = err instanceof AppError ? err.message : code === 'ENOENT' ? `${displayName} is missing` : String(err);
    problems.push({ file: displayName, message });
    return null;
  }
}

/**
 * Reads every file of a project without changing any, and lists every problem found. A change
 * that was interrupted (and that opening the project completes) is taken as completed.
 */
export async function checkProject(dir: string): Promise<IntegrityProblem[]> {
  const layout = new ProjectLayout(dir);
  const problems: IntegrityProblem[] = [];
  let project: ProjectFile | null = await readChecked(layout.projectFile, displayNames.projectFile, projectFileKind, problems);
  if (!project) return problems;

  // A change interrupted mid-way is completed by the next open (see ChangeJournal): check the
  // project as it will then be, not the half-written state.
  const read = await new ChangeJournal(dir).read();
  if (read instanceof AppError) problems.push({ file: JOURNAL_FILE, message: read.message });
  const pending = read instanceof AppError ? null : read;

  const coderFiles = new Map<string, CoderFile>();
  for (const coder of project.coders) {
    const file = await readChecked(layout.coderFile(coder.id), displayNames.coderFile(coder.id), coderFileKind, problems);
    if (file) coderFiles.set(coder.id, file);
  }
  const state = ProjectState.fromFiles(project, coderFiles);
  if (pending) state.apply(pending.patch);
  project = state.data as ProjectFile;
  for (const coderId of state.coderIds()) coderFiles.set(coderId, state.coder(coderId)!.toFile());
  const listed = new Set(project.coders.map((c) => `${c.id}.json`));
  for (const name of await readdir(layout.codersDir).catch(() => [] as string[])) {
    if (name.endsWith('.json') && !listed.has(name)) {
      problems.push({ file: `coders/${name}`, message: 'this coder file belongs to no coder listed in project.json' });
    }
  }

  for (const doc of project.documents) {
    const textName = displayNames.sourceText(doc.id);
    const text = await readFile(layout.sourceText(doc.id), 'utf-8').catch(() => null);
    if (text === null) problems.push({ file: textName, message: `the transcript of "${doc.name}" is missing` });
    else if (text.length !== doc.length || hashText(text) !== doc.hash) {
      problems.push({ file: textName, message: `the transcript of "${doc.name}" was changed after import` });
    }
    const turns = await readChecked(layout.sourceTurns(doc.id), displayNames.sourceTurns(doc.id), turnsFileKind, problems);
    if (turns && turns.turns.some((t) => t.end > doc.length || t.start > t.end)) {
      problems.push({ file: displayNames.sourceTurns(doc.id), message: 'a speaker turn lies outside its transcript' });
    }
  }
  return [...problems, ...findIntegrityProblems(project, coderFiles)];
}
