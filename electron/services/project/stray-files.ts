import { readdir } from 'node:fs/promises';
import type { ProjectFile } from '../../../shared/domain/schemas';
import { sourceDocumentId } from './layout';
import type { ProjectLayout } from './layout';
import { trashedIds } from './trash';

/**
 * Files in a project folder that project.json does not list: a coder's file (with its change
 * logs) in coders/ for no coder it lists, a transcript (with its turns) in sources/ for no
 * document it lists. A backup restored by hand, a folder copied together from two places, or an
 * older Marginalia's restore leaves them; `check` names them and opening the project offers to
 * re-attach them (see stray-repair).
 */
export interface StrayFiles {
  /** By coder id: the names of their files, relative to the project ("coders/<id>.json", its logs). */
  coders: Map<string, string[]>;
  /** By document id: the names of its files ("sources/<id>.txt", "sources/<id>.turns.json"). */
  sources: Map<string, string[]>;
}

/** A file name in coders/ as the coder it belongs to: "<id>.json", "<id>.changes.jsonl", "<id>.changes.compacting.jsonl". */
function coderIdOf(fileName: string): string | null {
  return /^([^.].*?)(?:\.changes(?:\.compacting)?\.jsonl|\.json)$/.exec(fileName)?.[1] ?? null;
}

async function grouped(dir: string, folder: string, idOf: (name: string) => string | null): Promise<Map<string, string[]>> {
  const byId = new Map<string, string[]>();
  for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) {
    const id = idOf(name);
    if (id === null) continue;
    byId.set(id, [...(byId.get(id) ?? []), `${folder}/${name}`]);
  }
  return byId;
}

/** Every coder's files in coders/, by coder id, listed or not. */
export function coderFilesOnDisk(layout: ProjectLayout): Promise<Map<string, string[]>> {
  return grouped(layout.codersDir, 'coders', coderIdOf);
}

/**
 * Every transcript's files in sources/, by document id, listed or not; those of documents deleted
 * in a session that did not close are left out (the next open purges them, see Trash).
 */
export async function sourceFilesOnDisk(layout: ProjectLayout): Promise<Map<string, string[]>> {
  const files = await grouped(layout.sourcesDir, 'sources', (name) => (name.startsWith('.') ? null : sourceDocumentId(name)));
  for (const id of await trashedIds(layout)) files.delete(id);
  return files;
}

const unlisted = (files: Map<string, string[]>, listed: Set<string>) => new Map([...files].filter(([id]) => !listed.has(id)));

/** The files in the project folder that `project` does not list. */
export async function findStrayFiles(layout: ProjectLayout, project: Pick<ProjectFile, 'coders' | 'documents'>): Promise<StrayFiles> {
  return {
    coders: unlisted(await coderFilesOnDisk(layout), new Set(project.coders.map((c) => c.id))),
    sources: unlisted(await sourceFilesOnDisk(layout), new Set(project.documents.map((d) => d.id))),
  };
}

export const hasStrays = (strays: StrayFiles): boolean => strays.coders.size + strays.sources.size > 0;
