import { readFile, readdir, stat } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import { findIntegrityProblems } from '../../../shared/domain/integrity';
import { applyToCoderFile, applyToProject } from '../../../shared/domain/patch';
import { CODER_SCHEMA_VERSION } from '../../../shared/domain/schemas';
import type { IntegrityProblem } from '../../../shared/domain/integrity';
import type { CoderFile, ProjectFile } from '../../../shared/domain/schemas';
import { parseJsonFile } from '../store/json-store';
import type { JsonFileKind } from '../store/json-store';
import { ChangeJournal, JOURNAL_FILE } from './change-journal';
import { coderFileKind, projectFileKind, turnsFileKind } from './file-kinds';
import { ProjectLayout, displayNames } from './layout';
import { hashText } from './project-store';

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
  const project: ProjectFile | null = await readChecked(layout.projectFile, displayNames.projectFile, projectFileKind, problems);
  if (!project) return problems;

  // A change interrupted mid-way is completed by the next open (see ChangeJournal): check the
  // project as it will then be, not the half-written state.
  const read = await new ChangeJournal(dir).read();
  if (read instanceof AppError) problems.push({ file: JOURNAL_FILE, message: read.message });
  const pending = read instanceof AppError ? null : read;
  const newCoder = pending?.kind === 'addCoder' ? pending.coder : null;
  if (newCoder && !project.coders.some((c) => c.id === newCoder.id)) project.coders.push(newCoder);

  const coderFiles = new Map<string, CoderFile>();
  for (const coder of project.coders) {
    const path = layout.coderFile(coder.id);
    const missing = await stat(path).then(() => false, () => true);
    const file: CoderFile | null =
      coder.id === newCoder?.id && missing
        ? { schemaVersion: CODER_SCHEMA_VERSION, coderId: coder.id, codings: [], memos: [] }
        : await readChecked(path, displayNames.coderFile(coder.id), coderFileKind, problems);
    if (file) coderFiles.set(coder.id, file);
  }
  if (pending?.kind === 'patch') {
    applyToProject(project, pending.patch);
    for (const change of pending.patch.coders ?? []) {
      const file = coderFiles.get(change.coderId);
      if (file) applyToCoderFile(file, change);
    }
  }
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
