import type { z } from 'zod';

/**
 * What a name (of a code, coder, attribute, set, document or project) may not contain:
 * control characters (NUL, tab, line breaks, DEL, C1) and halves of a surrogate pair without
 * their partner. Exports and other programs change or drop these, so such a name would not
 * come back the same; the rule is written once here and applied wherever a name enters: the
 * API contract, the file schemas, and (cleaning rather than refusing) the importers.
 */
const UNSAFE_IN_NAME = /[\p{Cc}\p{Cs}]/u;
const UNSAFE_IN_NAME_ALL = /[\p{Cc}\p{Cs}]+/gu;

const describe = (char: string): string => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `name` cannot be a name, or null when it can. */
export function nameProblem(name: string): string | null {
  const found = UNSAFE_IN_NAME.exec(name);
  if (found === null) return null;
  const kind = /\p{Cs}/u.test(found[0]) ? 'half of a surrogate pair without its partner' : 'a control character';
  return `names may not contain control characters (such as NUL, tabs or line breaks) or unpaired surrogates; this one has ${kind} (${describe(found[0])}) at position ${found.index + 1}`;
}

/** Adds the name rule to a string schema, keeping its type. */
export function withNameRule<S extends z.ZodString>(schema: S): S {
  return schema.superRefine((value, ctx) => {
    const problem = nameProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, input: value });
  }) as S;
}

/** Attribute names are keys of each document's attributes in project.json, where "__proto__" cannot be one. */
export function withAttributeNameRule<S extends z.ZodString>(schema: S): S {
  return withNameRule(schema).refine((value) => value !== '__proto__', 'an attribute cannot be called __proto__') as S;
}

/** A name from someone else's file, made to pass the rule: each run of unsafe characters becomes one space. */
export function cleanName(text: string): string {
  return UNSAFE_IN_NAME.test(text) ? text.replace(UNSAFE_IN_NAME_ALL, ' ').replace(/ {2,}/g, ' ').trim() : text;
}
