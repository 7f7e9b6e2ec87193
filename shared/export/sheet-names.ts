/**
 * Excel's rules for worksheet names, so a workbook never needs repairing on opening: at most
 * 31 characters, none of [ ] : * ? / \, not empty, not starting or ending with an apostrophe,
 * not "History" (Excel keeps that name for itself), and unique regardless of case.
 */

export const MAX_SHEET_NAME = 31;

const replacements: Record<string, string> = { '/': '-', '\\': '-', ':': '-', '[': '(', ']': ')', '?': '', '*': '' };

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** A valid sheet name as close to `name` as the rules allow (not yet made unique). */
export function sanitiseSheetName(name: string): string {
  let clean = name
    .replace(/[\\/:[\]?*]/g, (ch) => replacements[ch] ?? '')
    // Control characters and lone surrogates cannot be stored in a sheet name.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  clean = cut(clean, MAX_SHEET_NAME).replace(/^'+|'+$/g, '').trim();
  return clean === '' ? 'Sheet' : clean;
}

/** Hands out unique, valid sheet names in the order asked for. */
export class SheetNames {
  private readonly taken = new Set<string>(['history']);

  /** Marks a name as used without asking for it (a sheet the caller adds itself later). */
  reserve(name: string): void {
    this.taken.add(name.toLowerCase());
  }

  /** A valid name not yet used: `name` if possible, else "name (2)", "name (3)"… cut to fit. */
  allocate(name: string): string {
    const base = sanitiseSheetName(name);
    if (!this.taken.has(base.toLowerCase())) {
      this.taken.add(base.toLowerCase());
      return base;
    }
    for (let n = 2; ; n++) {
      const candidate = withSuffix(base, ` (${n})`);
      if (!this.taken.has(candidate.toLowerCase())) {
        this.taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
  }
}

/** `name` with `suffix` appended, the name cut so that the whole fits in 31 characters. */
export function withSuffix(name: string, suffix: string): string {
  return `${cut(sanitiseSheetName(name), MAX_SHEET_NAME - suffix.length).replace(/'+$/, '').trimEnd()}${suffix}`;
}
