import { expect } from 'vitest';
import { ImportError } from '../../../electron/services/import/types';
import type { ParsedDocument } from '../../../electron/services/import/types';
import { turnSchema } from '../../../shared/domain/schemas';
import { normaliseText } from '../../../shared/text/normalise';

/** The ImportError a read must end in. */
export async function failure(promise: Promise<unknown>): Promise<ImportError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}

/** Every document must be normalised, with valid, ordered turns inside its text. */
export function expectWellFormed(doc: ParsedDocument) {
  expect(normaliseText(doc.text)).toBe(doc.text);
  let last = 0;
  for (const turn of doc.turns) {
    expect(turnSchema.safeParse(turn).success).toBe(true);
    expect(turn.start).toBeGreaterThanOrEqual(last);
    expect(turn.end).toBeGreaterThan(turn.start);
    expect(turn.end).toBeLessThanOrEqual(doc.text.length);
    last = turn.end;
  }
}
