import { AppError } from '../../../shared/api/errors';
import { added, updated } from '../../../shared/domain/patch';
import type { Change, Patch } from '../../../shared/domain/patch';
import type { AttributeDef, AttributeValue, DocumentMeta, ProjectFile } from '../../../shared/domain/schemas';
import { checkAttributeValue } from '../../../shared/operations/attribute-ops';
import { nextRank } from '../../../shared/operations/context';
import { looseNameKey } from '../../../shared/text/normalise';
import { columnIndex, pickSheet } from './spreadsheet-sheets';
import type { Table } from './spreadsheet-types';
import { inferAttributeType, isNumberText, put, toAttributeValue, toIsoDate } from './spreadsheet-values';
import type { IncomingAttribute } from './spreadsheet-values';

/**
 * A spreadsheet's columns as the project's document attributes: an attribute table (one row per
 * document, matched by name) read into values, and any file's attributes fitted to the ones the
 * project already has, as one patch. Pure: the caller applies the patch.
 */

export interface AttributeTableOptions {
  sheet?: string;
  /** The column holding document names. */
  nameColumn: string;
  /** For errors. */
  fileName?: string;
}

export interface AttributeTableUpdates {
  /** One per other column with any value, typed from its values. */
  defs: IncomingAttribute[];
  /**
   * New values per matched document. Empty cells are left out: a table never erases a
   * value a document already has.
   */
  updates: { documentId: string; values: Record<string, AttributeValue> }[];
  /** Names in the table that match no document. */
  unmatched: string[];
  /** Names that loosely match more than one document, so none was changed. */
  ambiguous: string[];
  /** Names whose document an earlier row already matched: the later row's values win. */
  duplicates: string[];
}

/**
 * Matches a table with one row per document (by the name column: exactly, else ignoring case
 * and spaces) to the project's documents, and reads the other columns as attribute values.
 */
export function attributeTableUpdates(
  table: Table,
  options: AttributeTableOptions,
  documents: readonly DocumentMeta[],
): AttributeTableUpdates {
  const fileName = options.fileName ?? 'The table';
  const sheet = pickSheet(table, fileName, options.sheet);
  const nameIdx = columnIndex(sheet, fileName, options.nameColumn, 'document names');
  const attrIdx = sheet.columns.map((_, i) => i).filter((i) => i !== nameIdx);
  const defs: IncomingAttribute[] = [];
  const used: { index: number; def: IncomingAttribute }[] = [];
  for (const i of attrIdx) {
    const values = sheet.rows.map((r) => r.cells[i]!).filter((v) => v !== '');
    if (values.length === 0) continue;
    const def = { name: sheet.columns[i]!, type: inferAttributeType(values) };
    defs.push(def);
    used.push({ index: i, def });
  }

  const exact = new Map<string, DocumentMeta[]>();
  const loose = new Map<string, DocumentMeta[]>();
  for (const doc of documents) {
    for (const [map, key] of [[exact, doc.name], [loose, looseNameKey(doc.name)]] as const) {
      const list = map.get(key);
      if (list) list.push(doc);
      else map.set(key, [doc]);
    }
  }

  const byDocument = new Map<string, Record<string, AttributeValue>>();
  const unmatched: string[] = [];
  const ambiguous: string[] = [];
  const duplicates = new Set<string>();
  for (const r of sheet.rows) {
    const name = r.cells[nameIdx]!;
    if (!name) continue;
    let targets = exact.get(name) ?? [];
    if (targets.length === 0) {
      const candidates = loose.get(looseNameKey(name)) ?? [];
      if (candidates.length > 1) {
        ambiguous.push(name);
        continue;
      }
      targets = candidates;
    }
    if (targets.length === 0) {
      unmatched.push(name);
      continue;
    }
    const values: Record<string, AttributeValue> = {};
    for (const { index, def } of used) {
      const value = toAttributeValue(def.type, r.cells[index]!);
      if (value !== null) put(values, def.name, value);
    }
    for (const doc of targets) {
      const before = byDocument.get(doc.id);
      if (before) duplicates.add(name);
      byDocument.set(doc.id, { ...before, ...values });
    }
  }
  const updates = [...byDocument].map(([documentId, values]) => ({ documentId, values }));
  return { defs, updates, unmatched, ambiguous, duplicates: [...duplicates] };
}

export interface FittedAttributes {
  /** The project's attributes with any new ones appended. */
  attributes: AttributeDef[];
  /** The attributes not yet in the project. */
  added: AttributeDef[];
  /** The value sets, keyed by the project's attribute names and converted to their types. */
  valueSets: Record<string, AttributeValue>[];
}

function fitValue(def: IncomingAttribute, value: AttributeValue): AttributeValue {
  if (value === null || value === '') return null;
  let fitted: AttributeValue = value;
  if (def.type === 'text') fitted = String(value);
  else if (def.type === 'number' && typeof value === 'string' && isNumberText(value)) fitted = Number(value);
  else if (def.type === 'date' && typeof value === 'string') fitted = toIsoDate(value) ?? value;
  try {
    return checkAttributeValue(def.type, def.name, fitted);
  } catch (err) {
    const kind = def.type === 'number' ? 'numbers' : 'dates (YYYY-MM-DD)';
    throw new AppError(
      'INVALID_INPUT',
      `The project's attribute "${def.name}" holds ${kind}, but the spreadsheet gives ${JSON.stringify(value)}. ` +
        'Correct the spreadsheet, or rename that column to make a new attribute.',
      err instanceof AppError ? err.file : undefined,
    );
  }
}

/**
 * Reconciles imported attributes with the project's: a column named like an existing attribute
 * (ignoring case) fills that attribute, converted to its type (an AppError if a value cannot
 * be); other columns become new attributes.
 */
export function fitAttributeValues(
  existing: readonly AttributeDef[],
  incoming: readonly IncomingAttribute[],
  valueSets: readonly Record<string, AttributeValue>[],
): FittedAttributes {
  const added: AttributeDef[] = [];
  const target = new Map<string, IncomingAttribute>();
  for (const def of incoming) {
    const fold = def.name.toLocaleLowerCase();
    const match =
      existing.find((a) => a.name === def.name) ??
      existing.find((a) => a.name.toLocaleLowerCase() === fold) ??
      added.find((a) => a.name.toLocaleLowerCase() === fold);
    if (match) target.set(def.name, match);
    else {
      const fresh = { name: def.name, type: def.type, rank: nextRank([...existing, ...added]) };
      added.push(fresh);
      target.set(def.name, fresh);
    }
  }
  const fittedSets = valueSets.map((values) => {
    const out: Record<string, AttributeValue> = {};
    for (const [name, value] of Object.entries(values)) {
      const def = target.get(name) ?? existing.find((a) => a.name === name);
      if (!def) throw new AppError('INVALID_INPUT', `A value is given for "${name}", which is not an attribute being imported.`);
      put(out, def.name, fitValue(def, value));
    }
    return out;
  });
  return { attributes: [...existing, ...added], added, valueSets: fittedSets };
}

/** A document's values as the project keeps them: an attribute without a value is left out. */
export function withoutEmpty(values: Record<string, AttributeValue>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) if (value !== null) put(out, key, value);
  return out;
}

/**
 * The attribute-table import as ONE patch: any new attribute definitions, and every matched
 * document's attributes before and after. Undoing it undoes the whole import.
 */
export function attributeTablePatch(
  project: Pick<ProjectFile, 'attributes' | 'documents'>,
  result: Pick<AttributeTableUpdates, 'defs' | 'updates'>,
  label = 'Import attribute table',
): Patch {
  const fitted = fitAttributeValues(
    project.attributes,
    result.defs,
    result.updates.map((u) => u.values),
  );
  const documents: Change<DocumentMeta>[] = [];
  const byId = new Map(project.documents.map((d) => [d.id, d]));
  result.updates.forEach((update, i) => {
    const doc = byId.get(update.documentId);
    if (!doc) throw new AppError('NOT_FOUND', 'A document the table matched is no longer in the project. Import the table again.');
    const change = updated(doc.id, doc, { ...doc, attributes: { ...doc.attributes, ...withoutEmpty(fitted.valueSets[i]!) } });
    if (change) documents.push(change);
  });
  return { label, project: { attributes: fitted.added.map((d) => added(d.name, d)), documents } };
}
