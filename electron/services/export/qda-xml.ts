import type { AttributeDef, AttributeValue } from '../../../shared/domain/schemas';
import { codeDescriptionText } from '../../../shared/export/code-description';
import type { CodeNode } from '../../../shared/export/code-tree';
import type { GuidAssigner } from './refi-guids';

/**
 * The pieces of QDA-XML a REFI-QDA export is written from: text and attributes escaped so that
 * any memo or name stays valid XML, values in the schema's types (xsd:decimal has no exponent,
 * a Date must be a real day), the codebook as nested Code elements, and a Note's name.
 */

/** Characters XML 1.0 cannot hold at all, not even as references (controls, lone surrogates). */
// eslint-disable-next-line no-control-regex
const notXml = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function xmlText(text: string): string {
  return text.replace(notXml, '\ufffd').replace(/[&<>\r]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[ch]!);
}

export function xmlAttr(text: string): string {
  return text
    .replace(notXml, '\ufffd')
    .replace(/[&<>"\t\n\r]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[ch]!);
}

export function attrs(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

/** A number as xsd:decimal, which has no exponent: 1e21 → 1000000000000000000000. */
export function decimalString(n: number): string {
  const s = String(n);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!match) return s;
  const [, sign, whole, fraction = '', exponent] = match;
  const digits = whole! + fraction;
  const point = whole!.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function codesXml(nodes: readonly CodeNode[], guids: GuidAssigner, noteRefs: ReadonlyMap<string, string[]> | null, out: string[], depth: number): void {
  const indent = '  '.repeat(depth);
  for (const { code, children } of nodes) {
    const open = `${indent}<Code${attrs({ guid: guids.guid('code', code.id), name: code.name, isCodable: code.codable, color: code.color })}`;
    const description = codeDescriptionText(code.description);
    const refs = noteRefs?.get(code.id) ?? [];
    if (!description && refs.length === 0 && children.length === 0) {
      out.push(`${open}/>`);
      continue;
    }
    out.push(`${open}>`);
    if (description) out.push(`${indent}  <Description>${xmlText(description)}</Description>`);
    for (const ref of refs) out.push(`${indent}  <NoteRef targetGUID="${ref}"/>`);
    codesXml(children, guids, noteRefs, out, depth + 1);
    out.push(`${indent}</Code>`);
  }
}

export type VariableType = 'Text' | 'Float' | 'Date';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validIsoDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const isEmpty = (v: AttributeValue | undefined): v is null | undefined | '' => v === null || v === undefined || v === '';

/** The REFI-QDA type for an attribute: its own when every value fits it, else Text (nothing lost). */
export function variableType(def: AttributeDef, values: readonly (AttributeValue | undefined)[]): VariableType {
  const present = values.filter((v) => !isEmpty(v));
  if (def.type === 'number' && present.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'Float';
  if (def.type === 'date' && present.every((v) => typeof v === 'string' && validIsoDate(v.trim()))) return 'Date';
  return 'Text';
}

export function valueXml(type: VariableType, value: AttributeValue): string {
  if (type === 'Float') return `<FloatValue>${decimalString(value as number)}</FloatValue>`;
  if (type === 'Date') return `<DateValue>${(value as string).trim()}</DateValue>`;
  return `<TextValue>${xmlText(String(value))}</TextValue>`;
}

/**
 * A Note's name: the memo's opening words (its first line, up to about 60 characters, cut at a
 * word), which other programs show as the memo's title. Being the start of the text itself, it
 * adds nothing when read back (importers that prefix a note's name to its text skip a name the
 * text starts with). No name when the opening has runs of spaces an importer would collapse.
 */
export function noteName(text: string): string | undefined {
  const firstLine = text.trim().split('\n')[0]!.trim();
  let name = firstLine;
  if (Array.from(name).length > 60) {
    const cut = Array.from(name).slice(0, 60).join('');
    const space = cut.lastIndexOf(' ');
    name = (space > 20 ? cut.slice(0, space) : cut).trimEnd();
  }
  if (!name || name !== name.normalize('NFC').replace(/\s+/g, ' ').trim()) return undefined;
  return name;
}
