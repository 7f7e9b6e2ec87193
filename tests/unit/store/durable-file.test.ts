import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurably } from '../../../electron/services/store/durable-file';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function* each(chunks: string[]): AsyncGenerator<string> {
  for (const chunk of chunks) yield chunk;
}

describe('a file written durably from chunks as they are made', () => {
  it('holds exactly the chunks in order: many small ones, non-ASCII text, one larger than the write buffer', async () => {
    const chunks = [
      ...Array.from({ length: 5000 }, (_, i) => `{"n":${i},"note":"${i % 3 === 0 ? 'Zoë — “quoted” 🙂' : 'plain'}"},\n`),
      'é'.repeat(700_000),
      'x'.repeat(2_000_000),
      '',
      'end\n',
    ];
    const file = join(await tempDir(), 'snapshot.json');
    await writeFileDurably(file, each(chunks));
    expect(await readFile(file, 'utf-8')).toBe(chunks.join(''));
  });
});
