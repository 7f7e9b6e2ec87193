import type { AttributeType, AttributeValue } from '../../../../shared/domain/schemas';

/** A stored value as an input box shows it: numbers as digits, dates as YYYY-MM-DD, empty for none. */
export function valueForInput(type: AttributeType, value: AttributeValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : '';
  return value;
}

/** What a box's text means for its attribute: a value, null for an empty box, or why it is not one. */
export function parseAttributeInput(
  type: AttributeType,
  raw: string,
): { ok: true; value: AttributeValue } | { ok: false; message: string } {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  if (type === 'number') {
    const n = Number(text.replace(/,/g, ''));
    return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `“${text}” is not a number.` };
  }
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const valid = m && !Number.isNaN(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31;
    return valid ? { ok: true, value: text } : { ok: false, message: `“${text}” is not a date (YYYY-MM-DD).` };
  }
  return { ok: true, value: text };
}
