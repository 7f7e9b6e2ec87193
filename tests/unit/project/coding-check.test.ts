import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSoundCodings, isSoundCoding } from '../../../shared/domain/coding-check';
import { codingSchema } from '../../../shared/domain/schemas';
import { coderFileKind } from '../../../electron/services/project/file-kinds';
import { parseJsonFile } from '../../../electron/services/store/json-store';
import { damagedFileError, expectAgreesWithSchema, offsetVariants } from '../../helpers/quick-check';

const sound = {
  id: 'c0ffee00-1234-4abc-8def-0123456789ab',
  documentId: 'd0c00000-1234-4abc-8def-0123456789ab',
  codeId: 'a11ce000-1234-4abc-8def-0123456789ab',
  start: 0,
  end: 12,
  createdAt: '2026-03-01T09:30:00.000Z',
};

/** Ways a coding in a file can be wrong (or merely unusual), one field at a time. */
const variants: [string, unknown][] = [
  ['sound', sound],
  ['short id', { ...sound, id: 'a' }],
  ['reserved id __proto__', { ...sound, id: '__proto__' }],
  ['reserved id constructor', { ...sound, documentId: 'constructor' }],
  ['reserved id prototype', { ...sound, codeId: 'prototype' }],
  ['empty id', { ...sound, id: '' }],
  ['id of 64', { ...sound, id: 'x'.repeat(64) }],
  ['id of 65', { ...sound, id: 'x'.repeat(65) }],
  ['id with a space', { ...sound, codeId: 'a b' }],
  ['id with a slash', { ...sound, documentId: '../etc' }],
  ['id a number', { ...sound, id: 42 }],
  ...offsetVariants(sound, 'start'),
  ['end 0', { ...sound, end: 0 }],
  ['end null', { ...sound, end: null }],
  ['end missing', { id: sound.id, documentId: sound.documentId, codeId: sound.codeId, start: 0, createdAt: sound.createdAt }],
  ['date without offset', { ...sound, createdAt: '2026-03-01T09:30:00' }],
  ['date with an offset', { ...sound, createdAt: '2026-03-01T09:30:00+01:00' }],
  ['date 30 February', { ...sound, createdAt: '2026-02-30T09:30:00Z' }],
  ['date only', { ...sound, createdAt: '2026-03-01' }],
  ['an extra field', { ...sound, note: 'x' }],
  ['fields in another order', { createdAt: sound.createdAt, id: sound.id, documentId: sound.documentId, codeId: sound.codeId, start: 0, end: 12 }],
  ['null', null],
  ['an array', [sound]],
  ['a string', 'coding'],
];

/** Sound codings as the app writes them: these take the quick path. */
const quickPath = new Set(['sound', 'short id', 'id of 64', 'start 0', 'date with an offset']);

describe('the quick check of codings', () => {
  it.each(variants)('agrees with the coding schema: %s', (name, value) => {
    expectAgreesWithSchema(codingSchema, (v) => isSoundCoding(v), value, quickPath.has(name));
  });

  it('checks each coding\'s document even when it follows a sound coding of another document or of none', () => {
    const next = (documentId: unknown) => ({ ...sound, id: 'c0ffee00-1234-4abc-8def-0123456789ac', documentId });
    expect(allSoundCodings([sound, next(sound.documentId)])).toBe(true);
    expect(allSoundCodings([sound, next('d0c00000-1234-4abc-8def-0123456789ac')])).toBe(true);
    for (const bad of ['a b', undefined, null, 42, '']) {
      expect(allSoundCodings([sound, next(bad)])).toBe(false);
      expect(allSoundCodings([next(bad)])).toBe(false);
    }
  });

  it('still names the file, the coding and the problem when a large coder file is damaged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'marginalia-coding-check-'));
    const file = join(dir, 'coder.json');
    const codings = Array.from({ length: 5000 }, (_, i) => ({ ...sound, id: `coding-${i}`, start: i, end: i + 10 }));
    const data = { schemaVersion: 2, coderId: 'coder-1', codings, memos: [], done: [], decisions: [] };
    await writeFile(file, JSON.stringify(data));
    expect(parseJsonFile(await readFile(file, 'utf-8'), coderFileKind, { file, displayName: 'coders/coder-1.json' })).toEqual(data);

    codings[4321] = { ...codings[4321]!, end: -3 };
    await writeFile(file, JSON.stringify(data));
    const err = damagedFileError(await readFile(file, 'utf-8'), coderFileKind, { file, displayName: 'coders/coder-1.json' });
    expect(err.message).toMatch(/^coders\/coder-1\.json does not match the coder file format: codings\.4321\.end: .*It has not been changed\.$/);
  });

  it('refuses a coder file whose other parts are damaged even when every coding is sound', () => {
    const data = { schemaVersion: 2, coderId: 'coder 1', codings: [sound], memos: [], done: [], decisions: [] };
    expect(() => parseJsonFile(JSON.stringify(data), coderFileKind, { file: 'x.json', displayName: 'x.json' })).toThrow(/x\.json does not match the coder file format: coderId/);
  });
});
