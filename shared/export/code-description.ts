import type { CodeDescription } from '../domain/schemas';

/**
 * A code's four description fields as one text, and back. REFI-QDA gives a code a single
 * Description, so the export writes the definition, then "When to use:", "When not to use:"
 * and "Example:" paragraphs (readable as they are in NVivo, ATLAS.ti or MAXQDA), and the
 * import splits a description written that way back into its fields. A description without
 * those labels (another program's) is all definition.
 */

const labelled = [
  ['whenToUse', 'When to use: '],
  ['whenNotToUse', 'When not to use: '],
  ['example', 'Example: '],
] as const;

export function codeDescriptionText(description: CodeDescription): string {
  const paragraphs = [description.definition.trim()];
  for (const [field, label] of labelled) {
    const text = description[field].trim();
    if (text) paragraphs.push(`${label}${text}`);
  }
  return paragraphs.filter((p) => p !== '').join('\n\n');
}

/** Where a labelled paragraph starts at or after `from` (the text's start, or after a blank line); -1 if none. */
function paragraphStart(text: string, label: string, from: number): number {
  if (from === 0 && text.startsWith(label)) return 0;
  const at = text.indexOf(`\n\n${label}`, from);
  return at === -1 ? -1 : at + 2;
}

export function parseCodeDescription(text: string): CodeDescription {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  const fields: CodeDescription = { definition: '', whenToUse: '', whenNotToUse: '', example: '' };
  let field: keyof CodeDescription = 'definition';
  let start = 0;
  for (const [next, label] of labelled) {
    const at = paragraphStart(normalised, label, start);
    if (at === -1) continue;
    fields[field] = normalised.slice(start, at).trim();
    field = next;
    start = at + label.length;
  }
  fields[field] = normalised.slice(start).trim();
  return fields;
}
