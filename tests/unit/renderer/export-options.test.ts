import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../shared/api/contract';
import type { Code } from '../../../shared/domain/schemas';
import {
  exportRequest,
  initialExportForm,
  subtreeRoots,
  tickState,
  toggleCodeSubtree,
  toggleIn,
} from '../../../renderer/src/features/export/exportOptions';

const description = { definition: '', whenToUse: '', whenNotToUse: '', example: '' };
let rank = 0;
const code = (id: string, parentId: string | null = null, codable = true): Code => ({ id, name: id, color: '#2a9d8f', parentId, codable, description, rank: rank++ });

const codebook: Code[] = [
  code('zero'),
  code('themes', null, false),
  code('trust', 'themes'),
  code('lonely', 'themes'),
  code('night', 'lonely'),
  code('solutions'),
  code('peer', 'solutions'),
];

const project = {
  codebook,
  attributes: [
    { name: 'Borough', type: 'text' as const, rank: 0 },
    { name: 'Stakeholder group', type: 'text' as const, rank: 1 },
    { name: 'Date', type: 'date' as const, rank: 2 },
  ],
  coders: [
    { id: 'amara', name: 'Amara Okafor', color: '#1d70b8', rank: 0 },
    { id: 'tom', name: 'Tom Reilly', color: '#d4351c', rank: 1 },
  ],
} satisfies Pick<ProjectSnapshot, 'codebook' | 'attributes' | 'coders'>;

describe('ticking codes by subtree', () => {
  it('ticks a code with all its sub-codes', () => {
    expect(toggleCodeSubtree(codebook, [], 'themes', true)).toEqual(['themes', 'trust', 'lonely', 'night']);
    expect(toggleCodeSubtree(codebook, [], 'lonely', true)).toEqual(['lonely', 'night']);
  });

  it('unticking a sub-code unticks its ancestors, which then show as mixed', () => {
    const all = toggleCodeSubtree(codebook, [], 'themes', true);
    const ticked = toggleCodeSubtree(codebook, all, 'night', false);
    expect(ticked).toEqual(['trust']);
    expect(tickState(codebook, ticked, 'themes')).toBe('mixed');
    expect(tickState(codebook, ticked, 'lonely')).toBe('off');
    expect(tickState(codebook, ticked, 'trust')).toBe('on');
  });

  it('a folder becomes ticked when all its sub-codes are; a codable parent does not', () => {
    let ticked = toggleCodeSubtree(codebook, [], 'trust', true);
    ticked = toggleCodeSubtree(codebook, ticked, 'lonely', true);
    expect(tickState(codebook, ticked, 'themes')).toBe('on');
    expect(tickState(codebook, toggleCodeSubtree(codebook, [], 'peer', true), 'solutions')).toBe('mixed');
  });

  it('names the fewest subtrees that cover exactly the ticked codes', () => {
    const ticked = toggleCodeSubtree(codebook, toggleCodeSubtree(codebook, [], 'themes', true), 'zero', true);
    expect(subtreeRoots(codebook, ticked)).toEqual(['zero', 'themes']);
    expect(subtreeRoots(codebook, ['trust', 'night'])).toEqual(['trust', 'night']);
  });
});

describe('export requests', () => {
  it('starts with everything, crossing Stakeholder group and Borough when the project has them', () => {
    const form = initialExportForm(project, {});
    expect(form.crossAttributes).toEqual(['Stakeholder group', 'Borough']);
    expect(form.documents).toBe('all');
    expect(initialExportForm(project, { Borough: ['Hackney'] }).documents).toBe('filtered');
    expect(initialExportForm({ ...project, attributes: [] }, {}).crossAttributes).toEqual([]);
    const verdict = exportRequest(form, project, {});
    expect(verdict).toEqual({
      ok: true,
      request: {
        channel: 'export.workbook',
        input: {
          selection: { codeIds: null, documentIds: null, attributes: {}, coderIds: null },
          attributeColumns: 'all',
          // In the project's attribute order.
          crossAttributes: ['Borough', 'Stakeholder group'],
          rollUp: true,
          sheetPerCode: false,
          agreement: null,
        },
      },
    });
  });

  it('carries the chosen codes, coders, filter, columns and agreement', () => {
    const form = {
      ...initialExportForm(project, {}),
      codes: 'chosen' as const,
      codeIds: toggleCodeSubtree(codebook, [], 'themes', true),
      documents: 'filtered' as const,
      coderIds: ['tom'],
      attributeColumns: 'chosen' as const,
      chosenAttributes: ['Date', 'Borough'],
      sheetPerCode: true,
      agreement: true,
      agreementCoders: ['amara', 'tom'] as [string, string],
    };
    const verdict = exportRequest(form, project, { Borough: ['Hackney'] });
    if (!verdict.ok || verdict.request.channel !== 'export.workbook') throw new Error('expected a workbook request');
    expect(verdict.request.input).toMatchObject({
      selection: { codeIds: ['themes'], documentIds: null, attributes: { Borough: ['Hackney'] }, coderIds: ['tom'] },
      attributeColumns: ['Borough', 'Date'],
      sheetPerCode: true,
      agreement: { coderIds: ['amara', 'tom'], mode: 'character', allDocuments: false },
    });
    // As in the agreement view: documents both coders finished, unless the user includes the rest.
    const all = exportRequest({ ...form, agreementAllDocuments: true }, project, {});
    expect(all.ok && all.request.input).toMatchObject({ agreement: { allDocuments: true } });
    const csv = exportRequest({ ...form, format: 'csv' }, project, {});
    expect(csv).toMatchObject({ ok: true, request: { channel: 'export.csv' } });
    if (csv.ok) expect(Object.keys(csv.request.input)).toEqual(['selection', 'attributeColumns']);
  });

  it('says why it cannot export yet', () => {
    const form = initialExportForm(project, {});
    expect(exportRequest({ ...form, codes: 'chosen', codeIds: [] }, project, {})).toEqual({ ok: false, reason: 'Tick at least one code.' });
    expect(exportRequest({ ...form, coderIds: [] }, project, {})).toEqual({ ok: false, reason: 'Tick at least one coder.' });
    expect(exportRequest({ ...form, agreement: true, agreementCoders: ['tom', 'tom'] }, project, {})).toMatchObject({ ok: false });
    // REFI-QDA needs no choices; a project for NVivo counts positions in UTF-16 units.
    expect(exportRequest({ ...form, format: 'qdc', coderIds: [] }, project, {})).toEqual({
      ok: true,
      request: { channel: 'export.refi', input: { format: 'qdc', offsets: 'standard' } },
    });
    expect(exportRequest({ ...form, format: 'qdpx' }, project, {})).toMatchObject({ request: { input: { format: 'qdpx', offsets: 'standard' } } });
    expect(exportRequest({ ...form, format: 'qdpx', forNvivo: true }, project, {})).toMatchObject({ request: { input: { format: 'qdpx', offsets: 'utf16' } } });
  });

  it('toggles ticks without duplicates', () => {
    expect(toggleIn(['a'], 'a', true)).toEqual(['a']);
    expect(toggleIn(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleIn(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
