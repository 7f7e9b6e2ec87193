import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { added } from '../../../shared/domain/patch';
import type { CoderChanges, Patch } from '../../../shared/domain/patch';
import { idSchema } from '../../../shared/domain/schemas';
import type { Coder, CoderFile, DocumentMeta, ProjectFile } from '../../../shared/domain/schemas';
import { addCoder, newCoder } from '../../../shared/operations/coder-ops';
import { addDocuments } from '../../../shared/operations/document-ops';
import type { OperationContext } from '../../../shared/operations/context';
import { BackupSets } from '../store/backups';
import { parseJsonFile } from '../store/json-store';
import { turnsFileKind } from './file-kinds';
import { displayNames } from './layout';
import type { ProjectLayout } from './layout';
import { backupPaths, soundContent } from './restore-backup';
import { hashText } from './source-files';
import type { StrayFiles } from './stray-files';

/**
 * The patch that lists stray files again (see stray-files): each stray coder file's coder
 * recreated with the file's own work, each stray transcript as a document. A coder's name comes
 * from their file (files written before names travelled with them hold none); the rest of their
 * record (colour, whose second round), a name the file lacks, and a document's record (name,
 * where it came from) from the newest backup of project.json that lists them; without one, a
 * clear placeholder name the user can change. Work that points at what the project no longer has (a code deleted
 * since, say) cannot be listed; it is counted, and stays in the copy kept in damaged/.
 */

export interface ReattachPlan {
  patch: Patch | null;
  coders: { id: string; name: string; files: string[]; kept: number; left: number }[];
  documents: { id: string; name: string; files: string[] }[];
  /** Strays that cannot be re-attached, and why: they can only be moved aside. */
  unusable: { files: string[]; why: string }[];
}

const MAX_CODER_NAME = 100;

/** The records of project.json's backups, newest first, for the ids asked: a stray's name comes from its last listing. */
async function recordsInBackups(dir: string, coderIds: string[], documentIds: string[]) {
  const coders = new Map<string, Coder>();
  const documents = new Map<string, DocumentMeta>();
  if (coderIds.length + documentIds.length === 0) return { coders, documents };
  const sets = new BackupSets(dir);
  for (const backup of await sets.list('project')) {
    const project = (await soundContent(backupPaths(sets.dir, backup.snapshot, backup.log), 'project.json')) as ProjectFile | null;
    for (const coder of project?.coders ?? []) if (coderIds.includes(coder.id) && !coders.has(coder.id)) coders.set(coder.id, coder);
    for (const doc of project?.documents ?? []) if (documentIds.includes(doc.id) && !documents.has(doc.id)) documents.set(doc.id, doc);
    if (coders.size === coderIds.length && documents.size === documentIds.length) break;
  }
  return { coders, documents };
}

/** `name`, or with " (recovered)" when a listed coder has it already (a coder recreated after the file went astray). */
function freeName(ctx: OperationContext, name: string): string {
  const taken = new Set(ctx.project.coders.map((c) => c.name));
  return taken.has(name) ? `${name.slice(0, MAX_CODER_NAME - 12)} (recovered)` : name;
}

/** A coder file's work that the project (with the documents re-attached) can hold, as one coder's part of a patch. */
function fittingWork(ctx: OperationContext, file: CoderFile, documents: Map<string, number>): { part: CoderChanges; kept: number; left: number } {
  const codes = ctx.state.tables.codes;
  const codings = file.codings.filter((c) => codes.get(c.codeId)?.codable === true && c.end <= (documents.get(c.documentId) ?? -1));
  const codingIds = new Set(codings.map((c) => c.id));
  const memos = file.memos.filter(({ target }) => target.type === 'project' || (target.type === 'document' ? documents.has(target.id) : target.type === 'code' ? codes.has(target.id) : codingIds.has(target.id)));
  const done = file.done.filter((d) => documents.has(d.documentId));
  const decisions = file.decisions.filter((d) => codes.has(d.codeId) && documents.has(d.documentId));
  const kept = codings.length + memos.length + done.length + decisions.length;
  const all = file.codings.length + file.memos.length + file.done.length + file.decisions.length;
  const list = <T extends { id: string }>(items: T[]) => items.map((x) => added(x.id, x));
  return { part: { coderId: file.coderId, codings: list(codings), memos: list(memos), done: list(done), decisions: list(decisions) }, kept, left: all - kept };
}

async function strayDocument(layout: ProjectLayout, id: string, files: string[], now: string, known: DocumentMeta | undefined): Promise<Omit<DocumentMeta, 'rank'> | string> {
  if (!idSchema.safeParse(id).success) return 'its name is not one Marginalia gives a transcript';
  const text = await readFile(layout.sourceText(id), 'utf-8').catch(() => null);
  if (text === null) return files.includes(displayNames.sourceText(id)) ? 'the transcript cannot be read' : 'its transcript is not there';
  let turns;
  try {
    turns = parseJsonFile(await readFile(layout.sourceTurns(id), 'utf-8'), turnsFileKind, { file: layout.sourceTurns(id), displayName: displayNames.sourceTurns(id) }).turns;
  } catch {
    return `its speaker turns (${displayNames.sourceTurns(id)}) are missing or cannot be read`;
  }
  if (turns.some((t) => t.end > text.length || t.start > t.end)) return 'a speaker turn lies outside the transcript';
  return {
    id,
    name: known?.name ?? `Recovered transcript (${displayNames.sourceText(id)})`,
    hash: hashText(text),
    length: text.length,
    turnCount: turns.length,
    attributes: {},
    importedFrom: known?.importedFrom ?? displayNames.sourceText(id),
    importedAt: known?.importedAt ?? now,
  };
}

/** Plans re-attaching every stray file of the project open in `ctx`. */
export async function planReattach(layout: ProjectLayout, strays: StrayFiles, ctx: OperationContext): Promise<ReattachPlan> {
  const plan: ReattachPlan = { patch: null, coders: [], documents: [], unusable: [] };
  const known = await recordsInBackups(layout.dir, [...strays.coders.keys()], [...strays.sources.keys()]);
  const metas: Omit<DocumentMeta, 'rank'>[] = [];
  for (const [id, files] of strays.sources) {
    const meta = await strayDocument(layout, id, files, ctx.now(), known.documents.get(id));
    if (typeof meta === 'string') plan.unusable.push({ files, why: meta });
    else {
      metas.push(meta);
      plan.documents.push({ id, name: meta.name, files });
    }
  }
  const lengths = new Map([...ctx.state.tables.documents.values(), ...metas].map((d) => [d.id, d.length]));
  const coders: Coder[] = [];
  const parts: CoderChanges[] = [];
  for (const [id, files] of strays.coders) {
    const file = idSchema.safeParse(id).success ? ((await soundContent(layout.data(id), `coders/${id}.json`)) as CoderFile | null) : null;
    if (file === null) {
      plan.unusable.push({ files, why: `${displayNames.coderFile(id)} is missing, damaged, or not the file of coder ${id}` });
      continue;
    }
    const record = known.coders.get(id);
    const name = freeName(ctx, file.name ?? record?.name ?? `Recovered coder (file ${displayNames.coderFile(id)})`);
    const roundOf = record?.roundOf !== undefined && ctx.state.tables.coders.has(record.roundOf) ? record.roundOf : undefined;
    coders.push(newCoder(ctx, name, { id, ...(record && { color: record.color }), ...(roundOf && { roundOf }) }, coders.length));
    const { part, kept, left } = fittingWork(ctx, file, lengths);
    parts.push(part);
    plan.coders.push({ id, name, files, kept, left });
  }
  if (metas.length + coders.length === 0) return plan;
  const label = 'Re-attach files project.json did not list';
  plan.patch = {
    label,
    project: { ...(metas.length > 0 && addDocuments(ctx, metas)), ...(coders.length > 0 && { coders: coders.flatMap((c) => addCoder(c).coders ?? []) }) },
    ...(parts.length > 0 && { coders: parts }),
  };
  return plan;
}

/** Where a stray's files are, for reading or moving. */
export const strayPath = (layout: ProjectLayout, name: string) => join(layout.dir, ...name.split('/'));
