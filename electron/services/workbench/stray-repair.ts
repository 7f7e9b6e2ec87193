import { unlink } from 'node:fs/promises';
import { AppError } from '../../../shared/api/errors';
import { plural } from '../../../shared/text/plural';
import { keepAside } from '../project/restore-backup';
import { findStrayFiles, hasStrays } from '../project/stray-files';
import { planReattach, strayPath } from '../project/stray-plan';
import type { ProjectSession } from './project-session';

/**
 * The repairs offered for stray files (see stray-files): re-attaching them, one patch through the
 * session (undoable, journaled like any change), or moving them aside into damaged/. Either way a
 * copy of every stray coder file is kept in damaged/ first, so no repair can lose work.
 */

async function keepCopies(session: ProjectSession, files: string[]): Promise<string[]> {
  const { layout } = session.store;
  const now = new Date(session.context().now());
  const kept: string[] = [];
  for (const name of files) kept.push(await keepAside(layout.dir, name, strayPath(layout, name), now));
  return kept;
}

async function strays(session: ProjectSession) {
  session.store.assertWritable();
  const found = await findStrayFiles(session.store.layout, session.store.data);
  if (!hasStrays(found)) throw new AppError('INVALID_INPUT', 'Every file in the project folder is listed in project.json: there is nothing to repair.');
  return found;
}

/** Re-attaches every stray file it can; says what was done, and what could only be moved aside. */
export async function reattachStrayFiles(session: ProjectSession): Promise<string> {
  const found = await strays(session);
  const plan = await planReattach(session.store.layout, found, session.context());
  const sentences: string[] = [];
  if (plan.patch) {
    // The coders' files are rewritten whole when they join: copies first.
    await keepCopies(session, plan.coders.flatMap((c) => c.files));
    await session.change(plan.patch);
    for (const c of plan.coders) {
      const left = c.left > 0 ? ` (${plural(c.left, 'item')} pointing at codes or documents the project no longer has stayed in the copy kept in damaged/)` : '';
      sentences.push(`Coder "${c.name}" was recreated from ${c.files[0]} with ${plural(c.kept, 'coding, memo or mark', 'codings, memos and marks')}${left}.`);
    }
    if (plan.documents.length > 0) sentences.push(`${plural(plan.documents.length, 'transcript')} listed again as ${plan.documents.length === 1 ? 'a document' : 'documents'}: ${plan.documents.map((d) => `"${d.name}"`).join(', ')}.`);
    sentences.push('Undo takes this back; copies of the coder files are in damaged/.');
  }
  if (plan.unusable.length > 0) {
    await moveAside(session, plan.unusable.flatMap((u) => u.files));
    sentences.push(`Could not be re-attached, so moved to damaged/: ${plan.unusable.map((u) => `${u.files.join(', ')} (${u.why})`).join('; ')}.`);
  }
  return sentences.join(' ');
}

async function moveAside(session: ProjectSession, files: string[]): Promise<void> {
  await keepCopies(session, files);
  for (const name of files) await unlink(strayPath(session.store.layout, name));
}

/** Moves every stray file into damaged/ (copied, then removed): project.json is not changed. */
export async function moveStrayFilesAside(session: ProjectSession): Promise<string> {
  const found = await strays(session);
  const files = [...found.coders.values(), ...found.sources.values()].flat();
  await moveAside(session, files);
  return `${plural(files.length, 'file')} that project.json did not list ${files.length === 1 ? 'was' : 'were'} moved to damaged/: ${files.join(', ')}.`;
}
