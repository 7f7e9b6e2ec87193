import type { AgreementMode, AttributeFilter, Input, ProjectSnapshot } from '../../../../shared/api/contract';
import { subtreeIds } from '../../../../shared/domain/codebook';
import type { Code } from '../../../../shared/domain/schemas';
import { treeOrder } from '../../../../shared/export/code-tree';

/**
 * The export dialog's choices and the requests made from them, pure so they can be tested:
 * which codes (whole subtrees), documents, coders and attribute columns, what to cross the
 * codes with, and the agreement sheets.
 */

export type ExportFormat = 'xlsx' | 'csv' | 'qdpx' | 'qdc' | 'report';

export interface ExportForm {
  format: ExportFormat;
  /** 'chosen': only the codes ticked in `codeIds` (a ticked code brings its whole subtree). */
  codes: 'all' | 'chosen';
  codeIds: string[];
  /** 'filtered': only the documents passing the workbench's attribute filter. */
  documents: 'all' | 'filtered';
  /** The coders ticked; every coder ticked exports everyone (null in the request). */
  coderIds: string[];
  attributeColumns: 'all' | 'chosen';
  chosenAttributes: string[];
  /** Attributes crossed with the codes, a count sheet each. */
  crossAttributes: string[];
  rollUp: boolean;
  sheetPerCode: boolean;
  agreement: boolean;
  agreementCoders: [string, string];
  agreementMode: AgreementMode;
  /** Compare every document exported, not only those both coders finished (or coded): as the agreement view's switch. */
  agreementAllDocuments: boolean;
  /** A .qdpx for NVivo: selection offsets in UTF-16 units, as NVivo counts them. */
  forNvivo: boolean;
}

/** Attributes a researcher usually crosses codes with, when the project has them. */
const USUAL_CROSSINGS = ['Stakeholder group', 'Borough'];

export function initialExportForm(project: Pick<ProjectSnapshot, 'attributes' | 'coders'>, filter: AttributeFilter): ExportForm {
  const attributes = project.attributes.map((a) => a.name);
  const coders = project.coders.map((c) => c.id);
  return {
    format: 'xlsx',
    codes: 'all',
    codeIds: [],
    documents: hasFilter(filter) ? 'filtered' : 'all',
    coderIds: coders,
    attributeColumns: 'all',
    chosenAttributes: attributes,
    crossAttributes: USUAL_CROSSINGS.filter((name) => attributes.includes(name)),
    rollUp: true,
    sheetPerCode: false,
    agreement: false,
    agreementCoders: [coders[0] ?? '', coders[1] ?? ''],
    agreementMode: 'character',
    agreementAllDocuments: false,
    forNvivo: false,
  };
}

export function hasFilter(filter: AttributeFilter): boolean {
  return Object.values(filter).some((values) => values.length > 0);
}

// ---- Codes: whole subtrees ----------------------------------------------------------------

/**
 * Ticks or unticks a code with all its sub-codes. Unticking also unticks its ancestors: a
 * ticked code always has its whole subtree ticked, so the request can name subtrees.
 */
export function toggleCodeSubtree(codebook: readonly Code[], ticked: readonly string[], codeId: string, on: boolean): string[] {
  const subtree = new Set(subtreeIds(codebook, codeId));
  const next = new Set(ticked);
  if (on) {
    for (const id of subtree) next.add(id);
    // A parent whose sub-codes are now all ticked (and that holds nothing else) is ticked too.
    const byId = new Map(codebook.map((c) => [c.id, c]));
    for (let parent = byId.get(codeId)?.parentId ?? null; parent !== null; parent = byId.get(parent)?.parentId ?? null) {
      const children = codebook.filter((c) => c.parentId === parent);
      const parentCode = byId.get(parent);
      if (!parentCode || parentCode.codable || !children.every((c) => next.has(c.id))) break;
      next.add(parent);
    }
  } else {
    for (const id of subtree) next.delete(id);
    const byId = new Map(codebook.map((c) => [c.id, c]));
    const seen = new Set<string>();
    for (let parent = byId.get(codeId)?.parentId ?? null; parent !== null && !seen.has(parent); parent = byId.get(parent)?.parentId ?? null) {
      seen.add(parent);
      next.delete(parent);
    }
  }
  return treeOrder(codebook)
    .map((c) => c.id)
    .filter((id) => next.has(id));
}

/** A code's box: ticked, partly (some sub-codes ticked), or not. */
export function tickState(codebook: readonly Code[], ticked: readonly string[], codeId: string): 'on' | 'mixed' | 'off' {
  const set = new Set(ticked);
  if (set.has(codeId)) return 'on';
  return subtreeIds(codebook, codeId).some((id) => set.has(id)) ? 'mixed' : 'off';
}

/** The fewest codes whose subtrees are exactly the ticked codes: ticked codes whose parent is not ticked. */
export function subtreeRoots(codebook: readonly Code[], ticked: readonly string[]): string[] {
  const set = new Set(ticked);
  const byId = new Map(codebook.map((c) => [c.id, c]));
  return treeOrder(codebook)
    .filter((c) => set.has(c.id) && !(c.parentId !== null && set.has(c.parentId) && byId.has(c.parentId)))
    .map((c) => c.id);
}

// ---- Requests -----------------------------------------------------------------------------

export type Selection = Input<'export.workbook'>['selection'];

export function exportSelection(form: ExportForm, codebook: readonly Code[], allCoderIds: readonly string[], filter: AttributeFilter): Selection {
  const everyCoder = allCoderIds.every((id) => form.coderIds.includes(id));
  return {
    codeIds: form.codes === 'all' ? null : subtreeRoots(codebook, form.codeIds),
    documentIds: null,
    attributes: form.documents === 'filtered' ? filter : {},
    coderIds: everyCoder ? null : allCoderIds.filter((id) => form.coderIds.includes(id)),
  };
}

function attributeColumns(form: ExportForm, attributes: readonly string[]): 'all' | string[] {
  return form.attributeColumns === 'all' ? 'all' : attributes.filter((name) => form.chosenAttributes.includes(name));
}

export type ExportRequest =
  | { channel: 'export.workbook'; input: Input<'export.workbook'> }
  | { channel: 'export.csv'; input: Input<'export.csv'> }
  | { channel: 'export.refi'; input: Input<'export.refi'> }
  | { channel: 'export.report'; input: Input<'export.report'> };

/** What to ask the backend for, or why the choices cannot be exported yet. */
export function exportRequest(
  form: ExportForm,
  project: Pick<ProjectSnapshot, 'codebook' | 'coders' | 'attributes'>,
  filter: AttributeFilter,
): { ok: true; request: ExportRequest } | { ok: false; reason: string } {
  if (form.format === 'qdpx' || form.format === 'qdc') {
    const offsets = form.format === 'qdpx' && form.forNvivo ? 'utf16' : 'standard';
    return { ok: true, request: { channel: 'export.refi', input: { format: form.format, offsets } } };
  }
  const coderIds = project.coders.map((c) => c.id);
  const attributes = project.attributes.map((a) => a.name);
  if (form.codes === 'chosen' && form.codeIds.length === 0) return { ok: false, reason: 'Tick at least one code.' };
  if (!form.coderIds.some((id) => coderIds.includes(id))) return { ok: false, reason: 'Tick at least one coder.' };
  const selection = exportSelection(form, project.codebook, coderIds, filter);
  if (form.format === 'report') return { ok: true, request: { channel: 'export.report', input: { selection } } };
  const columns = attributeColumns(form, attributes);
  if (form.format === 'csv') return { ok: true, request: { channel: 'export.csv', input: { selection, attributeColumns: columns } } };

  let agreement: Input<'export.workbook'>['agreement'] = null;
  if (form.agreement && coderIds.length >= 2) {
    const [a, b] = form.agreementCoders;
    if (!coderIds.includes(a) || !coderIds.includes(b)) return { ok: false, reason: 'Choose the two coders to compare.' };
    if (a === b) return { ok: false, reason: 'Choose two different coders to compare.' };
    agreement = { coderIds: [a, b], mode: form.agreementMode, allDocuments: form.agreementAllDocuments };
  }
  return {
    ok: true,
    request: {
      channel: 'export.workbook',
      input: {
        selection,
        attributeColumns: columns,
        crossAttributes: attributes.filter((name) => form.crossAttributes.includes(name)),
        rollUp: form.rollUp,
        sheetPerCode: form.sheetPerCode,
        agreement,
      },
    },
  };
}

/** One item of a list of ticks switched on or off, keeping no duplicates. */
export function toggleIn<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
}
