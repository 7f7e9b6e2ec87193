import { added, updated } from '../../../../shared/domain/patch';
import type { Change, Patch } from '../../../../shared/domain/patch';
import type { Coding, DocumentMeta, Memo, MemoTarget } from '../../../../shared/domain/schemas';
import { newCoder } from '../../../../shared/operations/coder-ops';
import type { OperationContext } from '../../../../shared/operations/context';
import { addDocuments } from '../../../../shared/operations/document-ops';
import { detectSpeakerPattern, splitTurns } from '../../../../shared/text/turns';
import { planSource } from '../../project/source-files';
import type { PlannedSource } from '../../project/source-files';
import type { SourceFile } from '../types';
import { CoderWork, countOverlaps } from './coding-overlaps';
import { codingsWithOtherUser, otherUserWarning } from './coding-users';
import { planAttributes } from './plan-attributes';
import { planMemos } from './plan-memos';
import { planSets } from './plan-sets';
import { ProjectPlanner, vendorKey } from './project-planner';
import { importedDescription } from './project-description';
import { readRefiFile } from './refi-file';
import type { RefiFile } from './refi-file';
import { emptyReport } from './refi-report';
import type { RefiImportOptions, RefiImportPlan } from './refi-report';

/**
 * Importing a REFI-QDA project (.qdpx, or a bare project.qde) or codebook (.qdc) into an open
 * project, new or already in use. The file is read and checked first; then everything it brings
 * (codes, attribute definitions, documents, coders, codings, memos, values) is planned as one
 * patch, applied in one step: undoing the import removes exactly what it added. Nothing the
 * project already holds is changed: codes with the same name at the same level are reused, a
 * text already in the project is not added twice (its codings land on the existing document),
 * and codings and memos already present are not duplicated. A file's own codings are kept as the
 * file has them, even where one coder's codings at a code overlap (the report counts them).
 */

// ---------------------------------------------------------------------------------------------
// The entry points.

/**
 * What the import dialog needs to know before a REFI-QDA project is imported: whose codings are
 * ambiguous, and how many would overlap (planned against the project as it stands, not applied).
 */
export async function inspectRefiProject(ctx: OperationContext, file: SourceFile): Promise<{ codingsWithOtherUser: number; codingsOverlapping: number }> {
  const { counts } = planRefiProject(ctx, await readRefiFile(file, 'project')).report;
  return { codingsWithOtherUser: counts.codingsWithOtherUser, codingsOverlapping: counts.codingsOverlapping };
}

/** Plans importing a REFI-QDA project into the open project: one patch, and the transcripts it lists. */
export function planRefiProject(ctx: OperationContext, read: RefiFile, options: RefiImportOptions = {}): RefiImportPlan {
  const { file, container, project } = read;
  const plan = new ProjectPlanner(ctx, file, project!, container, options.coderFrom ?? 'selection');
  const codebook = plan.codebook;
  for (const item of project!.skipped) plan.skip({ kind: item.kind, name: item.name, reason: item.reason });
  plan.prepareSources();
  plan.decideOffsets();
  plan.planCodings();
  planMemos(plan);
  const attributes = planAttributes(plan);

  const report = emptyReport(file, project!.origin);
  report.counts.codingsWithOtherUser = codingsWithOtherUser(project!, (guid) => plan.users.has(guid));
  const otherUsers = otherUserWarning(report.counts.codingsWithOtherUser, plan.coderFrom);
  if (otherUsers) plan.warnings.push(otherUsers);
  if (plan.decision) {
    const { scheme, decidedBy, explanation } = plan.decision;
    report.offsets = { ...scheme, decidedBy, explanation };
  }
  // The project's description: kept, or filled in from the file's (project-description.ts).
  const description = importedDescription(ctx.project.description, project!.description, file.name);
  if (description.warning) plan.warnings.push(description.warning);
  const info = ctx.state.tables.info.get('info')!;
  const infoChange = description.after === null ? null : updated('info', info, { ...info, description: description.after });
  const projectChanges: NonNullable<Patch['project']> = {
    ...(infoChange && { info: [infoChange] }),
    codes: codebook.created.map((c) => added(c.id, c)),
    attributes: attributes.newDefinitions.map((d) => added(d.name, d)),
  };
  report.counts.codes = codebook.created.length;
  report.counts.codesReused = codebook.reused;
  report.counts.attributes = attributes.newDefinitions.length;

  // Documents: new texts are added; a text the project has keeps its record and gains values it lacks.
  const importedAt = ctx.now();
  const sources: PlannedSource[] = [];
  const documentChanges: Change<DocumentMeta>[] = [];
  for (const prepared of plan.prepared) {
    const values = attributes.values.get(prepared.source.guid) ?? {};
    if (prepared.sameAs) {
      plan.warnings.push(`“${prepared.name}” has the same text as “${prepared.sameAs.name}” in this export: it was imported once, with the codings of both.`);
      continue;
    }
    if (prepared.existingId) {
      prepared.documentId = prepared.existingId;
      report.counts.duplicateSources++;
      report.documents.push({ name: prepared.duplicateOfName ?? prepared.name, documentId: prepared.existingId, duplicate: true });
      plan.warnings.push(`“${prepared.name}” is already in the project as “${prepared.duplicateOfName}”: it was not added again, and its codings were added to the existing document.`);
      const doc = ctx.state.tables.documents.get(prepared.existingId)!;
      const attributes = { ...doc.attributes };
      for (const [name, value] of Object.entries(values)) {
        const current = attributes[name];
        if (current === undefined) {
          attributes[name] = value;
          report.counts.attributeValues++;
        } else if (current !== value) {
          plan.skip({ kind: 'value', name, source: prepared.name, reason: `the document already has ${JSON.stringify(current)}, which was kept` });
        }
      }
      const change = updated(doc.id, doc, { ...doc, attributes });
      if (change) documentChanges.push(change);
      continue;
    }
    const text = prepared.positions.text;
    const source = planSource(ctx.newId(), { name: prepared.name, text, turns: splitTurns(text, detectSpeakerPattern(text)), attributes: values, importedFrom: file.name }, importedAt);
    sources.push(source);
    prepared.documentId = source.meta.id;
    report.counts.sources++;
    report.counts.attributeValues += Object.keys(values).length;
    report.documents.push({ name: source.meta.name, documentId: source.meta.id, duplicate: false });
  }
  documentChanges.push(...(addDocuments(ctx, sources.map((s) => s.meta))?.documents ?? []));
  projectChanges.documents = documentChanges;
  const sets = planSets(plan);
  projectChanges.sets = sets.changes;
  report.counts.sets = sets.made;

  // Coders: a REFI user becomes the project's coder of the same name, or a new one.
  const keys = new Set<string>([...[...plan.codings.values()].map((c) => c.coderKey), ...plan.memos.map((m) => m.coderKey)]);
  const coderIds = new Map<string, string>();
  const coderChanges: NonNullable<Patch['project']>['coders'] = [];
  for (const key of [...plan.users.keys(), vendorKey]) {
    if (!keys.has(key)) {
      if (key !== vendorKey) plan.skip({ kind: 'user', name: plan.users.get(key)!, reason: 'no codings or notes of theirs were imported, so no coder was made for them' });
      continue;
    }
    const name = plan.coderName(key);
    const existing = ctx.project.coders.find((c) => c.name === name);
    if (existing) {
      coderIds.set(key, existing.id);
      report.counts.codersReused++;
      report.coders.push({ name, coderId: existing.id, created: false });
      continue;
    }
    const coder = newCoder(ctx, name, {}, coderChanges.length);
    coderChanges.push(added(coder.id, coder));
    coderIds.set(key, coder.id);
    report.counts.coders++;
    report.coders.push({ name, coderId: coder.id, created: true });
  }
  projectChanges.coders = coderChanges;

  // Codings, per coder; those the coder already has exactly are not added again.
  const work = new CoderWork();
  const spanKey = (documentId: string, codeId: string, start: number, end: number) => `${documentId}|${codeId}|${start}|${end}`;
  const existingCodings = new Map<string, Map<string, string>>();
  const createdAt = ctx.now();
  for (const coding of plan.codings.values()) {
    const coderId = coderIds.get(coding.coderKey)!;
    const have = existingCodings.get(coderId) ?? existingCodings.set(coderId, new Map((ctx.state.coder(coderId) ? ctx.state.coder(coderId)!.codings.list() : []).map((c) => [spanKey(c.documentId, c.codeId, c.start, c.end), c.id]))).get(coderId)!;
    const documentId = coding.source.documentId!;
    const id = have.get(spanKey(documentId, coding.codeId, coding.start, coding.end));
    if (id) {
      coding.codingId = id;
      report.counts.codingsAlreadyPresent++;
      continue;
    }
    const created: Coding = { id: ctx.newId(), documentId, codeId: coding.codeId, start: coding.start, end: coding.end, createdAt };
    coding.codingId = created.id;
    have.set(spanKey(documentId, coding.codeId, coding.start, coding.end), created.id);
    work.of(coderId).codings.push(added(created.id, created));
    report.counts.codings++;
  }

  // Memos, not duplicating those the coder already has.
  for (const memo of plan.memos) {
    const coderId = coderIds.get(memo.coderKey)!;
    const target: MemoTarget =
      memo.target.type === 'project'
        ? { type: 'project' }
        : memo.target.type === 'document'
          ? { type: 'document', id: memo.target.source.documentId! }
          : memo.target.type === 'code'
            ? { type: 'code', id: memo.target.codeId }
            : { type: 'coding', id: memo.target.coding.codingId! };
    const pending = work.of(coderId).memos.map((c) => c.after as Memo);
    const same = (m: Memo) => m.text === memo.text && JSON.stringify(m.target) === JSON.stringify(target);
    if ([...(ctx.state.coder(coderId)?.memos.values() ?? [])].some(same) || pending.some(same)) continue;
    const at = memo.createdAt ?? createdAt;
    const created: Memo = { id: ctx.newId(), target, text: memo.text, createdAt: at, updatedAt: memo.updatedAt ?? at };
    work.of(coderId).memos.push(added(created.id, created));
    report.counts.memos++;
  }
  report.counts.codingsOverlapping = countOverlaps(ctx, work, options);
  report.notImported = plan.notImported;
  report.warnings = plan.warnings;
  const coders = [...work.byCoder.values()].filter((c) => c.codings.length || c.memos.length);
  return { report, patch: { label: `Import ${file.name}`, project: projectChanges, ...(coders.length > 0 && { coders }) }, sources };
}
