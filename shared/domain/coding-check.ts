import { codingSchema, idSchema } from './schemas';

/**
 * `codingSchema`'s checks, written out for the 80,000 codings of a large coder file: zod takes
 * ~0.5 s for the 200,000 codings of a big project on opening, this loop a few milliseconds.
 * It answers true only when `codingSchema` would accept the value and return it unchanged: its
 * six fields exactly, in the schema's order, nothing more. Anything else (a damaged coding, an
 * extra field zod would strip, fields in another order) gets false, and the schema itself then
 * decides and explains. tests/unit/project/coding-check.test.ts holds the two to agreement.
 */

const FIELDS = Object.keys(codingSchema.shape);
const ID = /^[A-Za-z0-9_-]+$/;
/** The pattern of the schema's own `createdAt` check (z.iso.datetime with an offset). */
const DATE = (codingSchema.shape.createdAt as unknown as { _zod: { pattern: RegExp } })._zod.pattern;

/**
 * The schema's id rules; its refinement (the reserved names, none longer than 11 characters) is
 * left to the schema itself, asked only of ids that short (generated ids are 36 characters).
 */
const soundId = (value: unknown): boolean =>
  typeof value === 'string' && value.length >= 1 && value.length <= 64 && ID.test(value) && (value.length > 11 || idSchema.safeParse(value).success);

/** Ids already found sound: a file's codings name the same few documents and codes again and again. */
type KnownIds = Set<unknown>;

function knownOrSound(value: unknown, known: KnownIds): boolean {
  if (known.has(value)) return true;
  if (!soundId(value)) return false;
  known.add(value);
  return true;
}

export function isSoundCoding(value: unknown, known: KnownIds = new Set()): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  let i = 0;
  for (const key in value) {
    if (key !== FIELDS[i++]) return false;
  }
  if (i !== FIELDS.length) return false;
  const c = value as Record<string, unknown>;
  return (
    soundId(c.id) &&
    knownOrSound(c.documentId, known) &&
    knownOrSound(c.codeId, known) &&
    Number.isSafeInteger(c.start) &&
    (c.start as number) >= 0 &&
    Number.isSafeInteger(c.end) &&
    (c.end as number) > 0 &&
    typeof c.createdAt === 'string' &&
    DATE.test(c.createdAt)
  );
}

/** Whether every element of a list is a sound coding (see isSoundCoding). */
export function allSoundCodings(list: unknown): list is unknown[] {
  if (!Array.isArray(list)) return false;
  const known: KnownIds = new Set();
  for (const value of list) if (!isSoundCoding(value, known)) return false;
  return true;
}
