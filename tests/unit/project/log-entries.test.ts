import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { parseLog } from '../../../electron/services/project/log-file';

const coding = { id: 'c1', documentId: 'd1', codeId: 'k1', start: 0, end: 5, createdAt: '2026-03-01T09:30:00.000Z' };
const sound = { seq: 1, label: 'Code passages', changes: { codings: [{ id: 'c1', before: null, after: coding }], memos: [] } };

const parse = (entry: unknown, key: string | null = 'coder-1') =>
  parseLog(Buffer.from(`${JSON.stringify(entry)}\n`), 'coders/coder-1.changes.jsonl', '/p/coders/coder-1.changes.jsonl', key);

/** Entries damaged in each way the entry format forbids, each refused by name and line. */
const damaged: [string, unknown][] = [
  ['seq 0', { ...sound, seq: 0 }],
  ['seq fractional', { ...sound, seq: 1.5 }],
  ['seq a string', { ...sound, seq: '1' }],
  ['label missing', { seq: 1, changes: sound.changes }],
  ['label a number', { ...sound, label: 3 }],
  ['an extra field', { ...sound, by: 'me' }],
  ['changes an array', { ...sound, changes: [] }],
  ['a collection the file does not hold', { ...sound, changes: { codes: [] } }],
  ['a collection not a list', { ...sound, changes: { codings: {} } }],
  ['a change without before', { ...sound, changes: { codings: [{ id: 'c1', after: coding }] } }],
  ['a change with an empty id', { ...sound, changes: { codings: [{ id: '', before: null, after: coding }] } }],
  ['a change with an extra field', { ...sound, changes: { codings: [{ id: 'c1', before: null, after: coding, at: 1 }] } }],
  ['an entity that is a list', { ...sound, changes: { codings: [{ id: 'c1', before: null, after: [coding] }] } }],
  ['an entity that is a string', { ...sound, changes: { codings: [{ id: 'c1', before: 'x', after: null }] } }],
  ['null', null],
];

describe('change log entries', () => {
  it('reads a sound entry as it was written', () => {
    const { entries } = parse(sound);
    expect(entries).toEqual([{ ...sound, source: { file: '/p/coders/coder-1.changes.jsonl', name: 'coders/coder-1.changes.jsonl', line: 1 } }]);
  });

  it('reads a project log entry of the project collections', () => {
    const entry = { seq: 3, label: 'Rename', changes: { codes: [{ id: 'k1', before: { name: 'A' }, after: { name: 'B' } }] } };
    expect(parse(entry, null).entries[0]).toMatchObject(entry);
    expect(() => parse(sound, null)).toThrow(/is damaged at line 1 of 1/);
  });

  it.each(damaged)('refuses an entry with %s, naming the log and the line', (_name, entry) => {
    let err: unknown;
    try {
      parse(entry);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DAMAGED_FILE');
    expect((err as AppError).message).toMatch(/^coders\/coder-1\.changes\.jsonl is damaged at line 1 of 1: .+\. It has not been changed\.$/);
  });

  it('never lets a "__proto__" key through as a prototype', () => {
    const text = `{"seq":1,"label":"x","changes":{"codings":[{"id":"c1","before":null,"after":{"__proto__":{"polluted":true},"id":"c1"}}]}}\n`;
    const { entries } = parseLog(Buffer.from(text), 'l', '/l', 'coder-1');
    const after = entries[0]!.changes.codings![0]!.after as Record<string, unknown>;
    expect(after.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
