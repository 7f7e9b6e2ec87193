import { readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { ProjectState } from '../../../shared/domain/state/project-state';
import { makePrivateDir } from '../store/file-io';
import type { FileIo } from '../store/file-io';
import { JOURNAL_FILE } from './change-journal';
import type { TornLine } from './data-file';
import type { ProjectLayout } from './layout';
import type { ProjectFiles } from './project-files';
import type { Trash } from './trash';

export interface Recovery {
  layout: ProjectLayout;
  state: ProjectState;
  files: ProjectFiles;
  trash: Trash;
  io: FileIo;
  now: () => Date;
  /** Folds every change log into its snapshot. */
  foldLogs: () => Promise<void>;
}

/**
 * What the holder of a project's lock tidies up on opening it, after a Marginalia that stopped
 * mid-way: leftovers of unacknowledged writes, changes cut short while they were appended, a
 * change to several files left half done, transcripts of documents whose deletion can no
 * longer be undone. Returns notes for the user; throws the reason to stay read-only, if any.
 */
export async function recoverProject(r: Recovery, torn: readonly TornLine[]): Promise<string[]> {
  const notes: string[] = [];
  await removeLeftovers(r.layout);
  for (const line of torn) {
    // Appends start at the end of the last whole line: the cut-short one goes first.
    await r.io.truncate(line.file, line.keepBytes);
    notes.push(`The last change written to ${line.name} was cut short when Marginalia stopped, before it was confirmed: it has been dropped. Every confirmed change is kept.`);
  }
  const interrupted = await finishInterruptedChange(r);
  if (interrupted) notes.push(interrupted);
  await r.trash.empty(r.state, r.foldLogs);
  return notes;
}

/**
 * Removes what a writer that stopped mid-write left behind: temp files of transcripts, of
 * snapshots and of the change record (never renamed into place, so never acknowledged), and lock
 * files set aside while a stale lock was being cleared.
 */
async function removeLeftovers(layout: ProjectLayout): Promise<void> {
  const leftovers = async (dir: string, match: RegExp) =>
    (await readdir(dir).catch(() => [] as string[])).filter((n) => match.test(n)).map((n) => join(dir, n));
  const files = [
    ...(await leftovers(layout.sourcesDir, /^\..+\.tmp$/)),
    ...(await leftovers(layout.codersDir, /^\..+\.json\.tmp$/)),
    ...(await leftovers(layout.dir, /^(\.project\.json\.tmp|\.\.marginalia-journal\.json\.tmp|\.marginalia-lock\.stale-.+)$/)),
  ];
  await Promise.all(files.map((f) => unlink(f).catch(() => undefined)));
}

/**
 * Completes a change that a Marginalia which stopped mid-way had recorded (see ChangeJournal);
 * returns a note saying so. One that cannot be completed keeps the project read-only.
 */
async function finishInterruptedChange(r: Recovery): Promise<string | null> {
  const change = await r.files.journal.read();
  if (change === null) return null;
  if (change instanceof AppError) {
    const aside = join('damaged', `${JOURNAL_FILE.replace(/^\./, '')}.${r.now().getTime()}`);
    await makePrivateDir(join(r.layout.dir, 'damaged'));
    await rename(r.files.journal.file, join(r.layout.dir, aside));
    return `A record of an unfinished change could not be read (${change.message}); it was moved to ${aside}. Run a check of the project to see whether anything is out of step.`;
  }
  const label = change.patch.label;
  try {
    await r.trash.expect(change.patch);
    await r.files.complete(r.state, change.patch);
    return `A change that was interrupted last time ("${label}") has been completed.`;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new AppError(
      'READ_ONLY',
      `A change that was interrupted last time ("${label}") could not be completed: ${why} The project is open read-only until it can be; open it again once the problem is solved.`,
    );
  }
}
