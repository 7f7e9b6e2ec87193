import type { AttributeValue, Turn } from '../../../shared/domain/schemas';
import { splitTurns } from '../../../shared/text/turns';
import { baseName } from './spreadsheet-types';
import type { Table } from './spreadsheet-types';
import { columnIndex, pickSheet, uniqueNames } from './spreadsheet-sheets';
import type { DataRow } from './spreadsheet-sheets';
import { inferAttributeType, oneLine, put, toAttributeValue } from './spreadsheet-values';
import type { IncomingAttribute } from './spreadsheet-values';
import { ImportError } from './types';
import type { ParsedDocument } from './types';

/**
 * A spreadsheet's rows as documents: each row one document, or the rows sharing a group column
 * one conversation with a turn per row; the other columns become the documents' attributes.
 * Pure: no files, no project; the caller adds the documents.
 */

const MAX_DOCUMENT_NAME = 300;

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
