import { AppError } from '../api/errors';
import type { Patch } from '../domain/patch';
import type { AttributeType, AttributeValue } from '../domain/schemas';
import { findDocument } from './context';
import type { OperationContext } from './context';

function findAttribute(ctx: OperationContext, name: string) {
  const def = ctx.project.attributes.find((a) => a.name === name);
  if (!def) throw new AppError('NOT_FOUND', `There is no attribute named "${name}".`);
  return def;
}

/** Checks a value against its attribute's type; dates are ISO calendar dates (YYYY-MM-DD). */
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

export function defineAttribute(ctx: OperationContext, name: string, type: AttributeType): Patch {
  if (ctx.project.attributes.some((a) => a.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
    throw new AppError('ALREADY_EXISTS', `An attribute named "${name}" already exists.`);
  }
  const before = [...ctx.project.attributes];
  return { label: `Add attribute ${name}`, attributes: { before, after: [...before, { name, type }] } };
}

export function deleteAttribute(ctx: OperationContext, name: string): Patch {
  findAttribute(ctx, name);
  const before = [...ctx.project.attributes];
  const documentAttributes = ctx.project.documents
    .filter((d) => name in d.attributes)
    .map((d) => {
      const after = { ...d.attributes };
      delete after[name];
      return { documentId: d.id, before: d.attributes, after };
    });
  return { label: `Delete attribute ${name}`, attributes: { before, after: before.filter((a) => a.name !== name) }, documentAttributes };
}

export function setDocumentAttribute(ctx: OperationContext, documentId: string, name: string, value: AttributeValue): Patch {
  const doc = findDocument(ctx, documentId);
  const def = findAttribute(ctx, name);
  const checked = checkAttributeValue(def.type, name, value);
  return {
    label: `Set ${name} of ${doc.name}`,
    documentAttributes: [{ documentId, before: doc.attributes, after: { ...doc.attributes, [name]: checked } }],
  };
}
