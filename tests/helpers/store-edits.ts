import { added, updated } from '../../shared/domain/patch';
import type { Patch } from '../../shared/domain/patch';
import type { Code, Coder, Coding, DocumentMeta } from '../../shared/domain/schemas';
import { newCoder } from '../../shared/operations/coder-ops';
import { addDocuments } from '../../shared/operations/document-ops';
import type { ProjectStore } from '../../electron/services/project/project-store';
import { planSource } from '../../electron/services/project/source-files';
import type { NewDocument } from '../../electron/services/project/source-files';
import { ProjectSession, scriptUser } from '../../electron/services/workbench/project-session';
import { fixedDeps } from './temp-dir';
import type { ImportItemOptions, ImportResult } from '../../shared/api/contract';
import { runImport } from '../../electron/services/import/import-service';
import { planRefiProject } from '../../electron/services/import/refi/import-refi';
import { planRefiCodebook } from '../../electron/services/import/refi/plan-codebook';
import { readRefiFile } from '../../electron/services/import/refi/refi-file';
import type { RefiImportOptions, RefiImportReport } from '../../electron/services/import/refi/refi-report';
import type { SourceFile } from '../../electron/services/import/types';

/**
 * Test fixtures made through the one door every change takes (a patch applied by a session),
 * so a fixture is a project a user could have made.
 */
const sessions = new WeakMap<ProjectStore, ProjectSession>();
/** One id sequence for every fixture, so stores reopened in a test never hand out an id twice. */
let fixtureIds = 0;
const fixtureDeps = { now: fixedDeps().now, newId: () => `fx-${String(++fixtureIds).padStart(5, '0')}` };

export function sessionFor(store: ProjectStore): ProjectSession {
  let session = sessions.get(store);
  if (!session) {
    session = new ProjectSession(store, scriptUser, fixtureDeps);
    sessions.set(store, session);
  }
  return session;
}

export async function addDocument(store: ProjectStore, doc: NewDocument): Promise<DocumentMeta> {
  const session = sessionFor(store);
  const ctx = session.context();
  const source = planSource(ctx.newId(), doc, ctx.now());
  await session.change({ label: `Import ${doc.name}`, project: addDocuments(ctx, [source.meta]) }, [], [source]);
  return store.state.tables.documents.get(source.meta.id)!;
}

export async function addCoder(store: ProjectStore, name: string, color?: string): Promise<Coder> {
  const session = sessionFor(store);
  const coder = newCoder(session.context(), name, color ? { color } : {});
  await session.change({ label: `Add coder ${name}`, project: { coders: [added(coder.id, coder)] } });
  return coder;
}

export async function addCodings(store: ProjectStore, coderId: string, codings: Pick<Coding, 'documentId' | 'codeId' | 'start' | 'end'>[]): Promise<Coding[]> {
  const session = sessionFor(store);
  const ctx = session.context();
  const made = codings.map((c) => ({ id: ctx.newId(), createdAt: ctx.now(), ...c }));
  await session.change({ label: 'Code passages', coders: [{ coderId, codings: made.map((c) => added(c.id, c)) }] });
  return made;
}

/** Imports one file as the app does (one patch through the session); its result line. */
export async function importFile(session: ProjectSession, file: SourceFile, options: ImportItemOptions = {}): Promise<ImportResult> {
  const { results } = await runImport(session, [{ file: async () => file, options }]);
  return results[0]!;
}

/** Imports a REFI-QDA project or codebook as one patch; the importer's full report. */
export async function importRefi(store: ProjectStore, file: SourceFile, kind: 'project' | 'codebook' = 'project', options: RefiImportOptions = {}): Promise<RefiImportReport> {
  const session = sessionFor(store);
  const read = await readRefiFile(file, kind);
  const plan = kind === 'project' ? planRefiProject(session.context(), read, options) : planRefiCodebook(session.context(), read);
  await session.change(plan.patch, [], plan.sources);
  return plan.report;
}

export const importRefiProject = (store: ProjectStore, file: SourceFile, options?: RefiImportOptions) => importRefi(store, file, 'project', options);
export const importRefiCodebook = (store: ProjectStore, file: SourceFile) => importRefi(store, file, 'codebook');

/** A patch that changes one code's fields (what a rename or a recolouring makes). */
export function codePatch(store: ProjectStore, codeId: string, fields: Partial<Code>, label = 'Change a code'): Patch {
  const code = store.state.tables.codes.get(codeId)!;
  return { label, project: { codes: [updated(codeId, code, { ...code, ...fields })!] } };
}
