import { describe, expect, it } from 'vitest';
import { SET_FILTER_KEY } from '../../../shared/api/limits';
import { request } from '../../helpers/requests';
import { teamProject } from '../../helpers/team-project';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/**
 * The queries that let the attribute grid, the matrix's cells and the import dialog ask for what
 * they show rather than every document: on a real project folder (four interviews).
 */
describe('document queries for views that once fetched every document', () => {
  it('pages the documents sorted by an attribute (numbers in order, no value last either way) or by name', async () => {
    const { h, docs } = await teamProject(await tempDir());
    await h['attribute.define']({ name: 'Participants', type: 'number' });
    await h['attribute.setColumn']({ name: 'Participants', values: [{ documentId: docs[0]!, value: 12 }, { documentId: docs[2]!, value: 9 }, { documentId: docs[3]!, value: 100 }] });
    const page = async (sort?: { attribute: string | null; descending: boolean }, offset = 0, limit = 10) =>
      (await h['documents.page'](request('documents.page', { filter: {}, offset, limit, ...(sort ? { sort } : {}) }))).rows.map((d) => d.name);
    expect(await page({ attribute: 'Participants', descending: false })).toEqual(['Interview 3', 'Interview 1', 'Interview 4', 'Interview 2']);
    expect(await page({ attribute: 'Participants', descending: true })).toEqual(['Interview 4', 'Interview 1', 'Interview 3', 'Interview 2']);
    expect(await page({ attribute: null, descending: true })).toEqual(['Interview 4', 'Interview 3', 'Interview 2', 'Interview 1']);
    // Paged after sorting: the grid asks for the rows it shows, in its order.
    expect(await page({ attribute: 'Participants', descending: true }, 1, 2)).toEqual(['Interview 1', 'Interview 3']);
    // Without a sort, the list's own order.
    expect(await page()).toEqual(['Interview 1', 'Interview 2', 'Interview 3', 'Interview 4']);
  });

  it('says which names name a document, matched as an attribute table is (case and spaces ignored)', async () => {
    const { h } = await teamProject(await tempDir());
    expect(await h['documents.namesTaken']({ names: ['Interview 1', 'interview2', ' INTERVIEW  4 ', 'Interview 5', 'f', ''] })).toEqual(['Interview 1', 'interview2', ' INTERVIEW  4 ']);
  });

  it('lists the passages of a matrix column by attribute value, "(no value)" included, within the filter', async () => {
    const { h, docs, slides, code } = await teamProject(await tempDir());
    await h['app.setCoderName']({ name: 'Sam' });
    for (let i = 0; i < 4; i++) await code(slides, i, 0, 11);
    await h['attribute.define']({ name: 'Borough', type: 'text' });
    await h['attribute.define']({ name: 'Participants', type: 'number' });
    await h['attribute.setColumn']({ name: 'Borough', values: [{ documentId: docs[0]!, value: 'Hackney' }, { documentId: docs[1]!, value: 'Hackney' }, { documentId: docs[2]!, value: 'Camden' }] });
    await h['attribute.setColumn']({ name: 'Participants', values: [{ documentId: docs[2]!, value: 76 }] });
    const set = (await h['set.create']({ name: 'Pilot', documentIds: [docs[1]!, docs[3]!] })).createdIds[0]!;
    const cell = async (attribute: string, value: string, attributes: Record<string, (string | number)[]> = {}) =>
      (await h['segments.query'](request('segments.query', { codeIds: [slides], includeSubcodes: false, coderIds: null, attributes, column: { attribute, value } }))).map((s) => s.documentId);
    expect(await cell('Borough', 'Hackney')).toEqual([docs[0], docs[1]]);
    expect(await cell('Borough', '(no value)')).toEqual([docs[3]]);
    // Numbers are keyed as the matrix keys them, by their text.
    expect(await cell('Participants', '76')).toEqual([docs[2]]);
    // The matrix's filter still applies: attributes and sets.
    expect(await cell('Borough', 'Hackney', { [SET_FILTER_KEY]: [set] })).toEqual([docs[1]]);
    expect(await cell('Borough', 'Camden', { Borough: ['Hackney'] })).toEqual([]);
  });
});
