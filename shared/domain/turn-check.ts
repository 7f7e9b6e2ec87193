import { turnSchema } from './schemas';

/**
 * `turnSchema`'s checks, written out for the thousands of turns of a long transcript: zod took
 * ~20 ms for the 4,500 turns of the benchmark's 1 MB transcript, read when it is first opened
 * (visible ≤ 150 ms after the click, issue 16), this loop well under a millisecond. It answers
 * true only when `turnSchema` would accept the value and return it as it is (no field it would
 * strip); anything else gets false, and the schema itself then decides and explains.
 * tests/unit/project/turn-check.test.ts holds the two to agreement.
 */

const FIELDS = new Set(Object.keys(turnSchema.shape));
const TIME_FIELDS = new Set(['start', 'end']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function onlyFields(value: Record<string, unknown>, fields: ReadonlySet<string>): boolean {
  for (const key in value) if (!fields.has(key)) return false;
  return true;
}

const offset = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

function soundTime(value: unknown): boolean {
  return isRecord(value) && onlyFields(value, TIME_FIELDS) && Number.isFinite(value.start) && Number.isFinite(value.end);
}

export function isSoundTurn(value: unknown): boolean {
  if (!isRecord(value) || !onlyFields(value, FIELDS)) return false;
  return (
    offset(value.start) &&
    offset(value.end) &&
    (value.speaker === null || typeof value.speaker === 'string') &&
    (!('time' in value) || soundTime(value.time)) &&
    (!('page' in value) || (Number.isSafeInteger(value.page) && (value.page as number) > 0))
  );
}

/** Whether every element of a list is a sound turn (see isSoundTurn). */
export function allSoundTurns(list: unknown): list is unknown[] {
  return Array.isArray(list) && list.every(isSoundTurn);
}
