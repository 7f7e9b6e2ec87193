import { AppError } from '../api/errors';
import { added, removed, updated } from '../domain/patch';
import type { Change, Patch } from '../domain/patch';
import type { AttributeDef, AttributeType, AttributeValue, DocumentMeta } from '../domain/schemas';
import { findDocument, nextRank } from './context';
import type { OperationContext } from './context';

function findAttribute(ctx: OperationContext, name: string): AttributeDef {
  const def = ctx.state.tables.attributes.get(name);
  if (!def) throw new AppError('NOT_FOUND', `There is no attribute named "${name}".`);
  return def;
}

/** Checks a value against its attribute's type; dates are ISO calendar dates (YYYY-MM-DD). Null: no value. */
export function checkAttributeValue(type: AttributeType, name: string, value: AttributeValue): AttributeValue {
  if (value === null || value === '') return null;
  if (type === 'number') {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    throw new AppError('INVALID_INPUT', `"${name}" holds numbers: ${JSON.stringify(value)} is not a number.`);
  }
  if (type === 'date') {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
    throw new AppError('INVALID_INPUT', `"${name}" holds dates (YYYY-MM-DD): ${JSON.stringify(value)} is not one.`);
  }
  return String(value);
}

/** A document's values with one attribute set (or, for null, left without a value). */
export function withValue(values: DocumentMeta['attributes'], name: string, value: AttributeValue): DocumentMeta['attributes'] {
  const next = { ...values };
  if (value === null) delete next[name];
  else next[name] = value;
  return next;
}

export function newAttribute(ctx: OperationContext, name: string, type: AttributeType): AttributeDef {
  if (ctx.project.attributes.some((a) => a.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
    throw new AppError('ALREADY_EXISTS', `An attribute named "${name}" already exists.`);
  }
  return { name, type, rank: nextRank(ctx.project.attributes) };
}

export function defineAttribute(ctx: OperationContext, name: string, type: AttributeType): Patch {
  const def = newAttribute(ctx, name, type);
  return { label: `Add attribute “${name}”`, project: { attributes: [added(name, def)] } };
}

export function deleteAttribute(ctx: OperationContext, name: string): Patch {
  const def = findAttribute(ctx, name);
  const documents = ctx.project.documents
    .filter((d) => name in d.attributes)
    .map((d) => updated(d.id, d, { ...d, attributes: withValue(d.attributes, name, null) })!);
  return { label: `Delete attribute “${name}”`, project: { attributes: [removed(name, def)], documents } };
}

/** The change giving one document a value of `def`, checked against its type; null when it has it already. */
function valueChange(ctx: OperationContext, def: AttributeDef, documentId: string, value: AttributeValue): Change<DocumentMeta> | null {
  const doc = findDocument(ctx, documentId);
  return updated(doc.id, doc, { ...doc, attributes: withValue(doc.attributes, def.name, checkAttributeValue(def.type, def.name, value)) });
}

export function setDocumentAttribute(ctx: OperationContext, documentId: string, name: string, value: AttributeValue): Patch {
  const change = valueChange(ctx, findAttribute(ctx, name), documentId, value);
  return { label: `Set “${name}” of ${findDocument(ctx, documentId).name}`, ...(change && { project: { documents: [change] } }) };
}

/** One attribute's values for many documents in one undoable step (a column pasted into the grid). */
export function setAttributeColumn(ctx: OperationContext, name: string, values: readonly { documentId: string; value: AttributeValue }[]): Patch {
  const def = findAttribute(ctx, name);
  const documents = values.map(({ documentId, value }) => valueChange(ctx, def, documentId, value)).filter((c) => c !== null);
  return { label: `Set “${name}” of ${documents.length === 1 ? 'one document' : `${documents.length} documents`}`, ...(documents.length > 0 && { project: { documents } }) };
}
