import { cleanName } from '../../../shared/domain/names';
import type { AttributeDef, AttributeType, AttributeValue } from '../../../shared/domain/schemas';
import { normaliseText } from '../../../shared/text/normalise';

/**
 * What a spreadsheet's cells are as names and attribute values: cleaned text, numbers and dates
 * recognised as a researcher types them, and a column's type inferred from all of its values.
 */

/** An attribute a file brings: placed in the project's list when it is added. */
export type IncomingAttribute = Omit<AttributeDef, 'rank'>;

export function cleanCell(raw: string | undefined): string {
  return raw ? normaliseText(raw).trim() : '';
}

/**
 * Sets a record entry as an own data property: a key from a file such as "__proto__" stays a
 * plain key instead of reaching the record's prototype.
 */
export function put(record: Record<string, AttributeValue>, key: string, value: AttributeValue): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One line, single spaces, no control characters: for names and labels. */
export function oneLine(text: string): string {
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
