import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSampleProject } from '../../../electron/services/project/sample-project';
import { slicedJson } from '../../../electron/services/store/sliced-json';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function joined(value: Record<string, unknown>, options: Parameters<typeof slicedJson>[1]): Promise<{ text: string; chunks: number }> {
  let text = '';
  let chunks = 0;
  for await (const chunk of slicedJson(value, options)) {
    text += chunk;
    chunks++;
  }
  return { text, chunks };
}

describe('a snapshot serialised in slices', () => {
  it('is byte for byte what JSON.stringify(…, null, 1) gives for the sample project\'s files, however it is cut', async () => {
    const store = await createSampleProject(resolve('resources'), join(await tempDir(), 'sample'), fixedDeps());
    const files: Record<string, unknown>[] = [store.data as Record<string, unknown>, ...store.data.coders.map((c) => store.coderFile(c.id) as unknown as Record<string, unknown>)];
    for (const file of files) {
      const whole = JSON.stringify(file, null, 1);
      // Chunks of a few hundred characters and slices of no time at all: every cut is exercised.
      const cut = await joined(file, { chunkChars: 300, sliceMs: 0 });
      expect(cut.text).toBe(whole);
      expect(cut.chunks).toBeGreaterThan(1);
      expect((await joined(file, {})).text).toBe(whole);
    }
    await store.close();
  });

  it('writes what JSON.stringify writes for empty lists, missing fields, nested objects, quotes and non-ASCII text', async () => {
    const value = {
      schemaVersion: 2,
      empty: [],
      gone: undefined,
      nested: { a: [1, { b: 'x' }], c: {} },
      list: [{ note: 'She said “no”\n"twice"', when: null }, 'plain', 3, [], { deep: { deeper: ['é'] } }],
      // Longer than one batch of elements serialised together, and not a multiple of it.
      many: Array.from({ length: 300 }, (_, i) => ({ i, s: i % 7 === 0 ? null : 'x', t: [i] })),
      last: { s: '\u2028' },
    };
    expect((await joined(value, { chunkChars: 10, sliceMs: 0 })).text).toBe(JSON.stringify(value, null, 1));
    expect((await joined({}, {})).text).toBe(JSON.stringify({}, null, 1));
  });
});
