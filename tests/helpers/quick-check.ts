import { expect } from 'vitest';
import type { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import { parseJsonFile } from '../../electron/services/store/json-store';
import type { JsonFileKind, JsonStoreLocation } from '../../electron/services/store/json-store';

/**
 * Holds a hand-written quick check of a large file's entries (shared/domain/coding-check.ts,
 * turn-check.ts) to the zod schema it stands in for, on one value.
 */
export function expectAgreesWithSchema(schema: z.ZodType, quick: (value: unknown) => boolean, value: unknown, takesQuickPath: boolean): void {
  const parsed = schema.safeParse(value);
  const yes = quick(value);
  // Quick says yes only where the schema accepts the value and returns it as it is.
  if (yes) expect(parsed.success && parsed.data).toEqual(value);
  // Everything the schema refuses, quick refuses too (the schema then explains).
  if (!parsed.success) expect(yes).toBe(false);
  // Sound values as the app writes them take the quick path.
  if (takesQuickPath) expect(yes).toBe(true);
}

/** The error reading `text` as a file of `kind` gives: a damaged file, always. */
export function damagedFileError<T>(text: string, kind: JsonFileKind<T>, where: JsonStoreLocation): AppError {
  try {
    parseJsonFile(text, kind, where);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DAMAGED_FILE');
    return err as AppError;
  }
  throw new Error(`${where.displayName} was read without complaint.`);
}

/** Ways an offset field of a sound value can be wrong (or merely unusual), named "<field> <how>". */
export function offsetVariants(sound: object, field: string): [string, unknown][] {
  const values: [string, unknown][] = [['0', 0], ['-0', -0], ['negative', -1], ['fractional', 1.5], ['a string', '3'], ['beyond safe integers', 2 ** 53]];
  return values.map(([how, value]) => [`${field} ${how}`, { ...sound, [field]: value }]);
}
