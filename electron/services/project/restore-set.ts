import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { BackupSets } from '../store/backups';
import { fsyncDir } from '../store/durable-file';
import type { FileIo } from '../store/file-io';
import { backupPaths, keepAside, keepDataFileAside, keyOf, putInPlace, soundContent } from './restore-backup';
import { ProjectLayout } from './layout';
import { coderFilesOnDisk, sourceFilesOnDisk } from './stray-files';

/**
 * Restoring a whole backup set: project.json with every coder file (each with its change log) as
 * they were at one moment, so the project never mixes an older project.json with newer coder
 * files (coders it does not list, codings of codes it does not have).
 */

interface SetMember {
  /** "project.json", "coders/<id>.json". */
  name: string;
  text: string;
}

/**
 * The members of the set taken at `at`, their logs folded in, when the set is whole (its list is
 * there, with project.json) and every member is sound; else null.
 */
export async function soundSet(dir: string, at: string): Promise<SetMember[] | null> {
  const sets = new BackupSets(dir);
  const files = await sets.setFiles(at);
  if (!files) return null;
  const members: SetMember[] = [];
  for (const snapshot of files.filter((f) => f.endsWith('.json'))) {
    const stem = snapshot.slice(0, -`.${at}.json`.length);
    const name = stem === 'project' ? 'project.json' : stem.startsWith('coders-') ? `coders/${stem.slice('coders-'.length)}.json` : null;
    if (name === null || (name !== 'project.json' && keyOf(name) === null)) return null;
    const log = `${stem}.${at}.changes.jsonl`;
    const content = await soundContent(backupPaths(sets.dir, join(sets.dir, snapshot), files.includes(log) ? join(sets.dir, log) : null), name);
    if (!content) return null;
    members.push({ name, text: JSON.stringify(content, null, 1) });
  }
  return members.some((m) => m.name === 'project.json') ? members : null;
}

/** The project's data files now: project.json and each coder file (whether or not project.json lists it). */
async function currentDataFiles(layout: ProjectLayout): Promise<string[]> {
  const coders = [...(await coderFilesOnDisk(layout)).keys()].map((id) => `coders/${id}.json`);
  return ['project.json', ...coders.filter((name) => keyOf(name) !== null)];
}

/** Transcripts in sources/ of documents the set's project.json does not list (added after the set was taken). */
async function unlistedSources(layout: ProjectLayout, projectText: string): Promise<string[]> {
  const listed = new Set(((JSON.parse(projectText) as { documents?: { id: string }[] }).documents ?? []).map((d) => d.id));
  return [...(await sourceFilesOnDisk(layout))].filter(([id]) => !listed.has(id)).flatMap(([, files]) => files);
}

/**
 * Puts a sound set in place of the project's data files. Every data file there now, with its
 * logs, is first copied to damaged/; then the set's coder files are written, the coder files the
 * set does not have are removed (their copies are in damaged/), and project.json goes last.
 * Transcripts of documents added since the set was taken go to damaged/ too (to import again if
 * wanted), so the restored project lists every file it holds. Returns what was kept aside.
 */
export async function putSetInPlace(dir: string, members: readonly SetMember[], now: Date, io: FileIo): Promise<string[]> {
  const layout = new ProjectLayout(dir);
  const current = await currentDataFiles(layout);
  const project = members.find((m) => m.name === 'project.json')!;
  const sources = await unlistedSources(layout, project.text);
  const kept: string[] = [];
  for (const name of current) kept.push(...(await keepDataFileAside(dir, layout.data(keyOf(name)), now)));
  for (const name of sources) kept.push(await keepAside(dir, name, join(dir, name), now));
  const restored = new Set(members.map((m) => m.name));
  for (const m of members) if (m.name !== 'project.json') await putInPlace(layout.data(keyOf(m.name)), m.name, m.text, io);
  for (const name of current.filter((n) => !restored.has(n))) {
    const paths = layout.data(keyOf(name));
    for (const file of [paths.snapshot, paths.log, paths.compacting]) await unlink(file).catch(() => undefined);
  }
  await fsyncDir(layout.codersDir);
  await putInPlace(layout.data(null), project.name, project.text, io);
  for (const name of sources) await unlink(join(dir, name)).catch(() => undefined);
  if (sources.length > 0) await fsyncDir(layout.sourcesDir);
  return kept;
}
