import type { AttributeDef, AttributeValue } from '../../../../shared/domain/schemas';
import type { DocumentSummary } from '../../../../shared/api/contract';
import { formatDate } from '../../lib/format';
import { formatNumber } from '../../../../shared/text/plural';

/** One attribute of a document, ready to show: its name and its formatted value. */
export interface AttributeEntry {
  name: string;
  value: string;
}

function isEmpty(value: AttributeValue | undefined): value is null | undefined {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A value as text: dates as "14 Mar 2017", numbers with separators, text as it is. */
export function formatAttributeValue(type: AttributeDef['type'], value: AttributeValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (type === 'date') return formatDate(value);
  if (type === 'number') {
    const n = Number(value);
    return value.trim() !== '' && Number.isFinite(n) ? formatNumber(n) : value;
  }
  return value;
}

/**
 * A document's attributes in the project's attribute order, then any the project does not
 * define (as text). Empty values are left out.
 */
export function attributeEntries(doc: DocumentSummary, defs: readonly AttributeDef[]): AttributeEntry[] {
  const entries: AttributeEntry[] = [];
  const seen = new Set<string>();
  for (const def of defs) {
    seen.add(def.name);
    const value = doc.attributes[def.name];
    if (isEmpty(value)) continue;
    entries.push({ name: def.name, value: formatAttributeValue(def.type, value) });
  }
  for (const [name, value] of Object.entries(doc.attributes)) {
    if (seen.has(name) || isEmpty(value)) continue;
    entries.push({ name, value: formatAttributeValue(typeof value === 'number' ? 'number' : 'text', value) });
  }
  return entries;
}

/** Whether an attribute name reads as a plural count ("Participants"), so "48 participants" reads well. */
function isCountName(name: string): boolean {
  return /[^s]s$/i.test(name.trim());
}

/** The parts of a document's summary line: values, with counts worded ("48 participants"). */
function attributeSummaryParts(doc: DocumentSummary, defs: readonly AttributeDef[]): string[] {
  const typeOf = new Map(defs.map((d) => [d.name, d.type]));
  return attributeEntries(doc, defs).map(({ name, value }) => {
    const type = typeOf.get(name) ?? (typeof doc.attributes[name] === 'number' ? 'number' : 'text');
    if (type !== 'number') return value;
    return isCountName(name) ? `${value} ${name.trim().toLowerCase()}` : `${name}: ${value}`;
  });
}

/**
 * The muted one-line summary under a document's name:
 * "Hackney · Young people · 14 Mar 2017 · 48 participants".
 */
export function attributeSummary(doc: DocumentSummary, defs: readonly AttributeDef[]): string {
  return attributeSummaryParts(doc, defs).join(' · ');
}
