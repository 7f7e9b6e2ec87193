import { describe, expect, it } from 'vitest';
import { sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';

/* A saved query is kept to be run again: one that would not run is refused when saved or rewritten. */

const tempDir = useTempDirs();

async function setup() {
  const { handlers: h } = await sampleBackend(await tempDir());
  const queries = async () => (await h['app.getState']({})).project!.queries;
  return { h, queries };
}

describe('saving a coding query', () => {
  it('refuses a query that does not parse, with the message running it gives', async () => {
    const { h, queries } = await setup();
    await expect(h['query.save']({ name: 'Broken', query: '"Zero suicide" AND' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'This query cannot be run, so it is not saved: Expected a code or "(", found the end of the query (at character 19).',
    });
    expect(await queries()).toEqual([]);
  });

  it('refuses a query naming a code, coder or attribute value the project does not have', async () => {
    const { h, queries } = await setup();
    await expect(h['query.save']({ name: 'Typo', query: '"Zero suicide" OR Stigma' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('There is no code "Stigma" in this project. Did you mean "Tackling stigma"?'),
    });
    await expect(h['query.save']({ name: 'Coder', query: '"Zero suicide" WHERE CODER = Tom' })).rejects.toThrow(/There is no coder "Tom"/);
    await expect(h['query.save']({ name: 'Date', query: '"Zero suicide" WHERE Date = 2017-02-30' })).rejects.toThrow(/there is no day 2017-02-30/);
    expect(await queries()).toEqual([]);
  });

  it('refuses new text that would not run, but still renames a query a deleted code has broken', async () => {
    const { h, queries } = await setup();
    const code = await h['code.create']({ name: 'Pilot theme', parentId: null });
    const saved = await h['query.save']({ name: 'Pilot', query: '"Pilot theme" OR "Zero suicide"' });
    const queryId = saved.createdIds![0]!;
    await expect(h['query.update']({ queryId, query: '"Pilot theme" NEAR "Zero suicide"' })).rejects.toThrow(/Expected "\(" after NEAR/);
    expect((await queries())[0]!.query).toBe('"Pilot theme" OR "Zero suicide"');
    await h['code.delete']({ codeId: code.createdIds![0]! });
    await h['query.update']({ queryId, name: 'Pilot (old)' });
    expect(await queries()).toEqual([expect.objectContaining({ name: 'Pilot (old)', query: '"Pilot theme" OR "Zero suicide"' })]);
  });
});
