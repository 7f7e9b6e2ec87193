import { describe, expect, it } from 'vitest';
import { turnSchema } from '../../../shared/domain/schemas';
import { allSoundTurns, isSoundTurn } from '../../../shared/domain/turn-check';
import { turnsFileKind } from '../../../electron/services/project/file-kinds';
import { parseJsonFile } from '../../../electron/services/store/json-store';
import { damagedFileError, expectAgreesWithSchema, offsetVariants } from '../../helpers/quick-check';

const sound = { start: 13, end: 503, speaker: 'Facilitator' };

/** Ways a turn in a file can be wrong (or merely unusual), one field at a time. */
const variants: [string, unknown][] = [
  ['sound', sound],
  ['no speaker', { ...sound, speaker: null }],
  ['empty speaker', { ...sound, speaker: '' }],
  ['with its media time', { ...sound, time: { start: 1.5, end: 4.25 } }],
  ['with its page', { ...sound, page: 3 }],
  ['fields in another order', { speaker: 'GP', end: 9, start: 0, page: 1 }],
  ...offsetVariants(sound, 'start'),
  ['end missing', { start: 0, speaker: 'GP' }],
  ['end null', { ...sound, end: null }],
  ['speaker missing', { start: 0, end: 4 }],
  ['speaker a number', { ...sound, speaker: 7 }],
  ['time without its end', { ...sound, time: { start: 1 } }],
  ['time with an extra field', { ...sound, time: { start: 1, end: 2, frame: 3 } }],
  ['time a string', { ...sound, time: '00:01' }],
  ['time null', { ...sound, time: null }],
  ['page 0', { ...sound, page: 0 }],
  ['page fractional', { ...sound, page: 1.5 }],
  ['page null', { ...sound, page: null }],
  ['an extra field', { ...sound, note: 'x' }],
  ['null', null],
  ['an array', [sound]],
  ['a string', 'turn'],
];

/** Sound turns as imports write them: these take the quick path. */
const quickPath = new Set(['sound', 'no speaker', 'empty speaker', 'with its media time', 'with its page', 'fields in another order', 'start 0']);

describe('the quick check of speaker turns', () => {
  it.each(variants)('agrees with the turn schema: %s', (name, value) => {
    expectAgreesWithSchema(turnSchema, isSoundTurn, value, quickPath.has(name));
  });

  it('reads a long transcript\'s turns file as the schema does, and still names the file, the turn and the problem when it is damaged', () => {
    const turns = Array.from({ length: 5000 }, (_, i) => ({ start: i * 10, end: i * 10 + 8, speaker: i % 2 ? 'GP' : null }));
    const data = { schemaVersion: 1, documentId: 'doc-1', turns };
    const where = { file: 'sources/doc-1.turns.json', displayName: 'sources/doc-1.turns.json' };
    expect(allSoundTurns(turns)).toBe(true);
    expect(parseJsonFile(JSON.stringify(data), turnsFileKind, where)).toEqual(data);

    turns[4321] = { ...turns[4321]!, end: -3 };
    expect(damagedFileError(JSON.stringify(data), turnsFileKind, where).message).toMatch(/^sources\/doc-1\.turns\.json does not match the speaker turns file format: turns\.4321\.end: .*It has not been changed\.$/);
  });

  it('refuses a turns file whose other parts are damaged even when every turn is sound', () => {
    const data = { schemaVersion: 1, documentId: 'doc 1', turns: [sound] };
    expect(() => parseJsonFile(JSON.stringify(data), turnsFileKind, { file: 'x.json', displayName: 'x.json' })).toThrow(/x\.json does not match the speaker turns file format: documentId/);
  });
});
