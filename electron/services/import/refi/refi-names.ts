import { cleanName } from '../../../../shared/domain/names';
import type { AttributeType, AttributeValue } from '../../../../shared/domain/schemas';
import { checkAttributeValue } from '../../../../shared/operations/attribute-ops';
import type { RefiTextSource, RefiVariableValue } from './refi-model';

/**
 * How REFI-QDA's names, colours, times and variable values become ours. Every tool writes these
 * a little differently (decomposed accents, #RGB, dates without zones), so they are read here once.
 */

/** A name as we keep it: NFC (ATLAS.ti on macOS writes decomposed accents), single spaces. */
export const clean = (s: string | undefined) => cleanName((s ?? '').normalize('NFC').replace(/\s+/g, ' ')).trim();
export const clip = (s: string, max: number) => (Array.from(s).length > max ? `${Array.from(s).slice(0, max - 1).join('')}…` : s);

/** `#RGB` or `#RRGGBB` as `#rrggbb`; anything else undefined. */
export function refiColor(color: string | undefined): string | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? '').trim());
  if (!match) return undefined;
  const hex = match[1]!.toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

/** An xsd:dateTime as an ISO timestamp with offset; a time without a zone is read as UTC. */
export function isoTime(value: string | undefined): string | undefined {
  const text = (value ?? '').trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** "NVivo for Windows 12.6" → "NVivo"; "ATLAS.ti 8.4.0 573 , macOS…" → "ATLAS.ti". */
export function vendorName(origin: string | undefined): string {
  const text = clean(origin);
  const known: [RegExp, string][] = [
    [/^marginalia\b/i, 'Marginalia'],
    [/nvivo/i, 'NVivo'],
    [/atlas\.?ti/i, 'ATLAS.ti'],
    [/maxqda/i, 'MAXQDA'],
    [/qualcoder/i, 'QualCoder'],
    [/quirkos/i, 'Quirkos'],
    [/dedoose/i, 'Dedoose'],
    [/transana/i, 'Transana'],
    [/f4analyse/i, 'f4analyse'],
  ];
  const hit = known.find(([pattern]) => pattern.test(text));
  if (hit) return hit[1];
  const words: string[] = [];
  for (const word of text.split(/[\s,;()]+/)) {
    if (!word || /^v?\d/i.test(word) || words.length === 3) break;
    words.push(word);
  }
  return words.join(' ') || 'REFI-QDA';
}

export function documentNameFor(source: RefiTextSource): string {
  const named = clean(source.name);
  if (named) return clip(named, 300);
  const path = (source.plainTextPath ?? '').replace(/^[a-z]+:\/\//i, '');
  const base = path.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return clip(stem || `Source ${source.guid.slice(0, 8)}`, 300);
}

export const attributeTypeOf = {
  Text: 'text',
  Boolean: 'text',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'date',
} as const satisfies Record<string, AttributeType>;

/** A REFI value as a value of one of our attribute types; null for no value; throws AppError when it does not fit. */
export function attributeValue(v: RefiVariableValue, type: AttributeType, name: string): AttributeValue {
  const raw = v.value.trim();
  if (v.kind === null || raw === '') return null;
  let value: AttributeValue = raw;
  if (v.kind === 'Boolean') value = /^(true|1)$/i.test(raw) ? 'true' : /^(false|0)$/i.test(raw) ? 'false' : raw;
  if (type === 'number') value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : raw;
  if (type === 'date') value = /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : raw;
  return checkAttributeValue(type, name, value);
}

