import { AppError } from '../../../shared/api/errors';
import { cleanName } from '../../../shared/domain/names';
import { added, updated } from '../../../shared/domain/patch';
import type { Change, Patch } from '../../../shared/domain/patch';
import type { AttributeDef, AttributeType, AttributeValue, DocumentMeta, ProjectFile, Turn } from '../../../shared/domain/schemas';
import { checkAttributeValue } from '../../../shared/operations/attribute-ops';
import { nextRank } from '../../../shared/operations/context';
import { normaliseText } from '../../../shared/text/normalise';
import { splitTurns } from '../../../shared/text/turns';
import { baseName } from './spreadsheet-types';
import type { Table, TableSheet } from './spreadsheet-types';
import { ImportError } from './types';
import type { ParsedDocument } from './types';

/**
 * Turning a spreadsheet (see spreadsheet-read.ts) into documents and attributes. Pure: no
 * files, no project; the caller adds the documents, or applies the patch.
 *
 * The first row with anything in it is the header; rows after it with anything in them are
 * data rows. Rows are numbered as in the spreadsheet (the header of a sheet that starts at
 * A1 is row 1), so "survey row 7" is the row Excel shows as 7. Every cell is normalised
 * (shared/text/normalise.ts) and trimmed.
 */

const MAX_ATTRIBUTE_NAME = 100;
const MAX_DOCUMENT_NAME = 300;
const SAMPLE_ROWS = 5;

// ---------------------------------------------------------------------------------------------
// Values and types

/** An attribute a file brings: placed in the project's list when it is added. */
export type IncomingAttribute = Omit<AttributeDef, 'rank'>;

function cleanCell(raw: string | undefined): string {
  return raw ? normaliseText(raw).trim() : '';
}

/**
 * Sets a record entry as an own data property: a key from a file such as "__proto__" stays a
 * plain key instead of reaching the record's prototype.
 */
function put(record: Record<string, AttributeValue>, key: string, value: AttributeValue): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One line, single spaces, no control characters: for names and labels. */
function oneLine(text: string): string {
  return cleanName(text.replace(/\s+/g, ' ')).trim();
}

/**
 * A number as researchers type it: 24, -3.5, .5, 1e3. Not 007 or 02134 (codes whose leading
 * zeros matter), not more than 15 significant digits (ids that a number would round).
 */
export function isNumberText(text: string): boolean {
  if (!/^[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d{1,3})?$/.test(text)) return false;
  if (/^[-+]?0\d/.test(text)) return false;
  const digits = text.replace(/[eE].*$/, '').replace(/\D/g, '').replace(/^0+/, '');
  return digits.length <= 15 && Number.isFinite(Number(text));
}

/** An ISO (2024-03-15) or UK (15/03/2024, 15.3.2024, 15-03-2024) calendar date as YYYY-MM-DD. */
export function toIsoDate(text: string): string | null {
  let parts: [string, string, string] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) parts = [iso[1]!, iso[2]!, iso[3]!];
  const uk = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (uk) parts = [uk[4]!, uk[3]!, uk[1]!];
  if (!parts) return null;
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** number if every value is one, else date if every value is one, else text. */
export function inferAttributeType(values: string[]): AttributeType {
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return 'text';
  if (present.every(isNumberText)) return 'number';
  if (present.every((v) => toIsoDate(v) !== null)) return 'date';
  return 'text';
}

export function toAttributeValue(type: AttributeType, text: string): AttributeValue {
  if (text === '') return null;
  if (type === 'number') return Number(text);
  if (type === 'date') return toIsoDate(text);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Sheets, columns and rows

interface DataRow {
  /** 1-based, as the spreadsheet numbers it. */
  row: number;
  cells: string[];
}

interface PreparedSheet {
  name: string;
  columns: string[];
  rows: DataRow[];
}

/**
 * Gives out names unique ignoring case: a repeat of "Age" becomes "Age (2)", then "Age (3)".
 * Remembers where each name's count got to, so ten thousand repeats cost no more than ten.
 */
function uniqueNames(maxLength: number): (base: string) => string {
  const taken = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const fold = (s: string) => s.toLocaleLowerCase();
  return (base) => {
    let name = base.slice(0, maxLength);
    const key = fold(name);
    let n = nextSuffix.get(key) ?? 2;
    while (taken.has(fold(name))) {
      const suffix = ` (${n++})`;
      name = base.slice(0, maxLength - suffix.length) + suffix;
    }
    nextSuffix.set(key, n);
    taken.add(fold(name));
    return name;
  };
}

function prepareSheet(sheet: TableSheet): PreparedSheet {
  const headerIndex = sheet.rows.findIndex((r) => r.some((c) => cleanCell(c) !== ''));
  if (headerIndex === -1) return { name: sheet.name, columns: [], rows: [] };
  const rows: DataRow[] = [];
  let width = 0;
  for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!.map(cleanCell);
    if (!cells.some((c) => c !== '')) continue;
    rows.push({ row: i + 1, cells });
    width = Math.max(width, cells.length);
  }
  // A header "__proto__" would be a dangerous object key all the way to the project file.
  const header = sheet.rows[headerIndex]!.map((c) => oneLine(cleanCell(c)).replace(/:+$/, '').trim()).map((h) => (h === '__proto__' ? '' : h));
  width = Math.max(width, header.length);
  const unique = uniqueNames(MAX_ATTRIBUTE_NAME);
  const columns = Array.from({ length: width }, (_, i) => unique(header[i] || `Column ${i + 1}`));
  for (const r of rows) while (r.cells.length < width) r.cells.push('');
  return { name: sheet.name, columns, rows };
}

function pickSheet(table: Table, fileName: string, sheetName: string | undefined): PreparedSheet {
  const sheet = sheetName === undefined ? table.sheets[0] : table.sheets.find((s) => s.name === sheetName);
  if (!sheet) {
    throw new ImportError(fileName, sheetName === undefined ? 'has no sheets.' : `has no sheet named "${sheetName}".`);
  }
  return prepareSheet(sheet);
}

function columnIndex(sheet: PreparedSheet, fileName: string, column: string, role: string): number {
  const i = sheet.columns.indexOf(column);
  if (i === -1) throw new ImportError(fileName, `has no column "${column}" (chosen as ${role}) in sheet "${sheet.name}".`);
  return i;
}

// ---------------------------------------------------------------------------------------------
// Inspecting

export interface SheetInspection {
  name: string;
  /** Header row; blank headers are "Column N", repeats get " (2)", " (3)"… */
  columns: string[];
  /** Data rows with anything in them. */
  rowCount: number;
  /** The first few data rows, one cell per column. */
  sample: string[][];
  suggested: { textColumns: string[]; nameColumn?: string; groupColumn?: string };
}

export interface TableInspection {
  sheets: SheetInspection[];
}

interface ColumnStats {
  name: string;
  filled: number;
  distinct: number;
  averageLength: number;
  type: AttributeType;
}

function columnStats(sheet: PreparedSheet): ColumnStats[] {
  return sheet.columns.map((name, i) => {
    const values = sheet.rows.map((r) => r.cells[i]!).filter((v) => v !== '');
    return {
      name,
      filled: values.length,
      distinct: new Set(values).size,
      averageLength: values.length ? values.reduce((sum, v) => sum + v.length, 0) / values.length : 0,
      type: inferAttributeType(values),
    };
  });
}

const NAME_HINT = /(^|[^a-z])(name|id|case|participant|respondent|interviewee|document|title)([^a-z]|$)/i;
const GROUP_HINT = /(^|[^a-z])(conversation|group|session|interview|meeting|focus|transcript|thread|discussion|case|id)s?([^a-z]|$)/i;

function suggest(sheet: PreparedSheet): SheetInspection['suggested'] {
  const stats = columnStats(sheet);
  const texts = stats.filter((s) => s.type === 'text' && s.filled > 0);
  const best = Math.max(0, ...texts.map((s) => s.averageLength));
  let textColumns = texts.filter((s) => s.averageLength >= Math.max(30, best / 2));
  if (textColumns.length === 0) textColumns = texts.filter((s) => s.averageLength === best).slice(0, 1);
  const chosen = new Set(textColumns.map((s) => s.name));
  const rest = stats.filter((s) => !chosen.has(s.name) && s.filled > 0 && s.averageLength <= 60);
  const rowCount = sheet.rows.length;
  const unique = rest.filter((s) => s.filled === rowCount && s.distinct === rowCount);
  const name = unique.find((s) => NAME_HINT.test(s.name)) ?? unique.find((s) => s.type === 'text');
  const group = rest.find((s) => s.filled >= 2 && s.distinct < s.filled && GROUP_HINT.test(s.name));
  return {
    textColumns: textColumns.map((s) => s.name),
    ...(name && { nameColumn: name.name }),
    ...(group && { groupColumn: group.name }),
  };
}

export function inspectTable(table: Table): TableInspection {
  return {
    sheets: table.sheets.map((s) => {
      const sheet = prepareSheet(s);
      return {
        name: sheet.name,
        columns: sheet.columns,
        rowCount: sheet.rows.length,
        sample: sheet.rows.slice(0, SAMPLE_ROWS).map((r) => [...r.cells]),
        suggested: suggest(sheet),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Documents

export interface TableToDocumentsOptions {
  /** Default: the first sheet. */
  sheet?: string;
  /** The column(s) holding the text. */
  textColumns: string[];
  /** 'row': each row a document. 'group': all rows with the same groupColumn value one document. */
  mode: 'row' | 'group';
  groupColumn?: string;
  /** Row mode: the document names. Group mode: the speaker label of each row's turn. */
  nameColumn?: string;
  /** The file as the user named it: in names ("survey row 4") and errors. */
  fileName: string;
}

export interface SkippedRow {
  row: number;
  reason: 'no text' | 'no group';
}

export interface TableDocuments {
  documents: ParsedDocument[];
  /** The attributes the documents carry, with their inferred types. */
  attributes: IncomingAttribute[];
  /** Data rows that became no part of any document, and why. */
  skipped: SkippedRow[];
}

interface Part {
  label: string | null;
  text: string;
}

/**
 * Paragraphs "Label: text", each a turn whose speaker is the label, as splitTurns would find
 * them; a lone unlabelled part is plain text, a turn per paragraph.
 */
function assemble(parts: Part[]): { text: string; turns: Turn[] } {
  const only = parts[0];
  if (parts.length === 1 && only && only.label === null) return { text: only.text, turns: splitTurns(only.text, null) };
  let text = '';
  const turns: Turn[] = [];
  for (const part of parts) {
    if (text) text += '\n\n';
    const label = part.label ?? '';
    if (label) text += `${label}: `;
    const start = text.length;
    text += part.text;
    turns.push({ start, end: text.length, speaker: label || null });
  }
  return { text, turns };
}

function label(text: string): string {
  return oneLine(text).replace(/:+$/, '').trim();
}

export function tableToDocuments(table: Table, options: TableToDocumentsOptions): TableDocuments {
  const { fileName, mode } = options;
  const sheet = pickSheet(table, fileName, options.sheet);
  if (options.textColumns.length === 0) throw new ImportError(fileName, 'needs at least one column chosen as the text.');
  const textIdx = options.textColumns.map((c) => columnIndex(sheet, fileName, c, 'text'));
  const nameIdx = options.nameColumn === undefined ? null : columnIndex(sheet, fileName, options.nameColumn, 'names');
  let groupIdx: number | null = null;
  if (mode === 'group') {
    if (options.groupColumn === undefined) throw new ImportError(fileName, 'needs a column to group rows by.');
    groupIdx = columnIndex(sheet, fileName, options.groupColumn, 'groups');
  }
  const roles = [...textIdx, nameIdx, groupIdx].filter((i): i is number => i !== null);
  if (new Set(roles).size !== roles.length) {
    throw new ImportError(fileName, 'has a column chosen for two roles: text, names and groups must be different columns.');
  }
  const attrIdx = sheet.columns.map((_, i) => i).filter((i) => !roles.includes(i));
  const skipped: SkippedRow[] = [];
  const rowParts = (r: DataRow): string[] => textIdx.map((i) => r.cells[i]!).filter((t) => t !== '');

  // Each future document: its name, text parts, and the raw attribute text per column
  // (null where its rows disagree).
  interface Draft {
    name: string;
    parts: Part[];
    attributes: (string | null)[];
  }
  const drafts: Draft[] = [];
  const fallbackName = baseName(fileName);

  if (mode === 'row') {
    for (const r of sheet.rows) {
      const texts = rowParts(r);
      if (texts.length === 0) {
        skipped.push({ row: r.row, reason: 'no text' });
        continue;
      }
      const parts = texts.length === 1 && textIdx.length === 1
        ? [{ label: null, text: texts[0]! }]
        : textIdx.filter((i) => r.cells[i] !== '').map((i) => ({ label: label(sheet.columns[i]!), text: r.cells[i]! }));
      const given = nameIdx === null ? '' : oneLine(r.cells[nameIdx]!);
      drafts.push({ name: given || `${fallbackName} row ${r.row}`, parts, attributes: attrIdx.map((i) => r.cells[i]!) });
    }
  } else {
    const groups = new Map<string, DataRow[]>();
    for (const r of sheet.rows) {
      const key = oneLine(r.cells[groupIdx!]!);
      if (!key) {
        skipped.push({ row: r.row, reason: 'no group' });
        continue;
      }
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    for (const [key, rows] of groups) {
      const parts: Part[] = [];
      for (const r of rows) {
        const texts = rowParts(r);
        if (texts.length === 0) {
          skipped.push({ row: r.row, reason: 'no text' });
          continue;
        }
        const speaker = nameIdx === null ? '' : label(r.cells[nameIdx]!);
        parts.push({ label: speaker || `Row ${r.row}`, text: texts.join('\n') });
      }
      if (parts.length === 0) continue;
      const attributes = attrIdx.map((i) => {
        const values = new Set(rows.map((r) => r.cells[i]!).filter((v) => v !== ''));
        return values.size === 1 ? [...values][0]! : values.size === 0 ? '' : null;
      });
      drafts.push({ name: key, parts, attributes });
    }
    skipped.sort((a, b) => a.row - b.row);
  }
  if (drafts.length === 0) {
    throw new ImportError(fileName, `has no rows with text in ${options.textColumns.map((c) => `"${c}"`).join(', ')}.`);
  }

  // A column is an attribute when some document has a value for it; its type is inferred from
  // those values. In group mode a column whose rows disagree within every group is not one.
  const attributes: IncomingAttribute[] = [];
  const kept: { index: number; def: IncomingAttribute }[] = [];
  attrIdx.forEach((col, k) => {
    const values = drafts.map((d) => d.attributes[k]).filter((v): v is string => typeof v === 'string' && v !== '');
    if (values.length === 0) return;
    const def = { name: sheet.columns[col]!, type: inferAttributeType(values) };
    attributes.push(def);
    kept.push({ index: k, def });
  });

  const unique = uniqueNames(MAX_DOCUMENT_NAME);
  const documents = drafts.map((d): ParsedDocument => {
    const { text, turns } = assemble(d.parts);
    const values: Record<string, AttributeValue> = {};
    for (const { index, def } of kept) put(values, def.name, toAttributeValue(def.type, d.attributes[index] ?? ''));
    return { name: unique(d.name), text, turns, attributes: values };
  });
  return { documents, attributes, skipped };
}

// ---------------------------------------------------------------------------------------------
// Attribute tables

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

function looseKey(name: string): string {
  return normaliseText(name).toLocaleLowerCase().replace(/\s+/g, '');
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
    for (const [map, key] of [[exact, doc.name], [loose, looseKey(doc.name)]] as const) {
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
      const candidates = loose.get(looseKey(name)) ?? [];
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

// ---------------------------------------------------------------------------------------------
// Fitting to the project

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
