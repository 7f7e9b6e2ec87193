import { readFile } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import { findIntegrityProblems } from '../../../shared/domain/integrity';
import { ProjectState } from '../../../shared/domain/state/project-state';
import type { IntegrityProblem } from '../../../shared/domain/integrity';
import type { CoderFile, ProjectFile } from '../../../shared/domain/schemas';
import { parseJsonFile } from '../store/json-store';
import { ChangeJournal, JOURNAL_FILE } from './change-journal';
import { readDataFile, replayCoder, replayProject } from './data-file';
import type { DataFileRead } from './data-file';
import { coderFileKind, projectFileKind, turnsFileKind } from './file-kinds';
import { ProjectLayout, dataFileNames, displayNames } from './layout';
import { hashText } from './source-files';
import { findStrayFiles } from './stray-files';

/** A problem as check lists it: the file at fault, and what is wrong, without repeating its name. */
function problemOf(err: unknown, fallbackFile: string): IntegrityProblem {
  if (err instanceof AppError) return { file: nameIn(err.file) ?? fallbackFile, message: err.message };
  return { file: fallbackFile, message: String(err) };
}

/** "coders/x.changes.jsonl" from a path inside the project (messages name files that way). */
function nameIn(path: string | undefined): string | undefined {
  const match = path && /(?:^|[\\/])((?:coders[\\/])?[^\\/]+)$/.exec(path);
  return match ? match[1]!.replace(/\\/g, '/') : undefined;
}

async function readChecked<T extends object>(read: () => Promise<DataFileRead<T>>, name: string, problems: IntegrityProblem[]): Promise<DataFileRead<T> | null> {
  try {
    return await read();
  } catch (err) {
    problems.push(problemOf(err, name));
    return null;
  }
}

/**
 * Reads every file of a project without changing any, and lists every problem found: each
 * snapshot and change log (every line, the numbering of the changes, each entity as the log
 * leaves it), the transcripts, and the references between them. What opening the project
 * completes is taken as completed: a change interrupted between files, a change cut short while
 * it was appended (dropped).
 */
export async function checkProject(dir: string): Promise<IntegrityProblem[]> {
  const layout = new ProjectLayout(dir);
  const problems: IntegrityProblem[] = [];
  const projectRead = await readChecked(() => readDataFile(layout.data(null), null, projectFileKind, { discardTemp: false }), displayNames.projectFile, problems);
  if (!projectRead) return problems;
  let project: ProjectFile;
  try {
    project = replayProject(projectRead.snapshot, projectRead.pending);
  } catch (err) {
    return [...problems, problemOf(err, dataFileNames(null).log)];
  }

  // A change interrupted mid-way is completed by the next open (see ChangeJournal): check the
  // project as it will then be, not the half-written state.
  const journal = await new ChangeJournal(dir).read();
  if (journal instanceof AppError) problems.push({ file: JOURNAL_FILE, message: journal.message });
  const pending = journal instanceof AppError ? null : journal;

  const reads = new Map<string, DataFileRead<CoderFile>>();
  for (const coder of project.coders) {
    const read = await readChecked(() => readDataFile(layout.data(coder.id), coder.id, coderFileKind, { discardTemp: false }), displayNames.coderFile(coder.id), problems);
    if (read) reads.set(coder.id, read);
  }
  const state = ProjectState.fromFiles(project, new Map([...reads].map(([id, r]) => [id, r.snapshot])));
  for (const [id, read] of reads) {
    try {
      replayCoder(state, id, read.pending);
    } catch (err) {
      problems.push(problemOf(err, dataFileNames(id).log));
    }
  }
  if (pending) state.apply(pending.patch);
  project = state.data as ProjectFile;
  const coderFiles = new Map<string, CoderFile>();
  for (const coderId of state.coderIds()) coderFiles.set(coderId, state.coder(coderId)!.toFile());
  problems.push(...(await strayFiles(layout, project)));

  for (const doc of project.documents) {
    const textName = displayNames.sourceText(doc.id);
    const text = await readFile(layout.sourceText(doc.id), 'utf-8').catch(() => null);
    if (text === null) problems.push({ file: textName, message: `the transcript of "${doc.name}" is missing` });
    else if (text.length !== doc.length || hashText(text) !== doc.hash) {
      problems.push({ file: textName, message: `the transcript of "${doc.name}" was changed after import` });
    }
    const turnsName = displayNames.sourceTurns(doc.id);
    try {
      const turns = parseJsonFile(await readFile(layout.sourceTurns(doc.id), 'utf-8'), turnsFileKind, { file: layout.sourceTurns(doc.id), displayName: turnsName });
      if (turns.turns.some((t) => t.end > doc.length || t.start > t.end)) problems.push({ file: turnsName, message: 'a speaker turn lies outside its transcript' });
    } catch (err) {
      problems.push(err instanceof AppError ? { file: turnsName, message: err.message } : { file: turnsName, message: `${turnsName} is missing` });
    }
  }
  return [...problems, ...findIntegrityProblems(project, coderFiles)];
}

/** What repairs a stray file: the app's offer when the project is opened, or `check --repair`. */
export const STRAY_REPAIR = 'open the project in Marginalia and choose "Re-attach" (or run marginalia check --repair)';

/**
 * Coder files and logs in coders/ that belong to no coder project.json lists, and transcripts in
 * sources/ that belong to no document it lists, each with its repair (see stray-repair).
 */
async function strayFiles(layout: ProjectLayout, project: ProjectFile): Promise<IntegrityProblem[]> {
  const strays = await findStrayFiles(layout, project);
  const coderFiles = [...strays.coders.values()].flat().map((file) => ({
    file,
    message: `this ${file.endsWith('.jsonl') ? 'change log' : 'coder file'} belongs to no coder listed in project.json: ${STRAY_REPAIR} to recreate its coder from it, or move it aside`,
  }));
  const transcripts = [...strays.sources.values()].flat().map((file) => ({
    file,
    message: `this ${file.endsWith('.txt') ? 'transcript' : 'speaker-turns file'} belongs to no document listed in project.json: ${STRAY_REPAIR} to list it as a document again, or move it aside`,
  }));
  return [...coderFiles, ...transcripts];
}
