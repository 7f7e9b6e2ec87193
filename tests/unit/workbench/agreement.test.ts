import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DISAGREEMENT_PAGE } from '../../../shared/api/limits';
import { allDocuments, sampleBackend } from '../../helpers/backend';
import { request } from '../../helpers/requests';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** Two coders code "04 Lambeth" (uncoded in the sample) differently, at one code. */
async function twoCoders() {
  const backend = await sampleBackend(await tempDir(), 'Ann');
  const h = backend.handlers;
  const p = (await h['app.getState']({})).project!;
  const doc = (await allDocuments(h)).find((d) => d.name.startsWith('04 Lambeth'))!;
  const stigma = p.codebook.find((c) => c.name === 'Tackling stigma')!.id;
  await h['coding.apply']({ documentId: doc.id, codeId: stigma, start: 100, end: 200 });
  await h['coding.apply']({ documentId: doc.id, codeId: stigma, start: 150, end: 180 }); // overlaps her own: counts once
  await h['app.setCoderName']({ name: 'Ben' });
  await h['coding.apply']({ documentId: doc.id, codeId: stigma, start: 150, end: 250 });
  const q = (await h['app.getState']({})).project!;
  const ann = q.coders.find((c) => c.name === 'Ann')!.id;
  const ben = q.coders.find((c) => c.name === 'Ben')!.id;
  return { h, doc, stigma, ann, ben };
}

/** The sample project's two coders. */
async function sampleCoders() {
  const backend = await sampleBackend(await tempDir());
  const h = backend.handlers;
  const p = (await h['app.getState']({})).project!;
  const [amara, tom] = ['Amara Okafor', 'Tom Reilly'].map((n) => p.coders.find((c) => c.name === n)!.id) as [string, string];
  return { h, p, amara, tom };
}

describe('agreement in a project', () => {
  it('computes the character table and measures for two coders at a code (hand-computed)', async () => {
    const { h, doc, stigma, ann, ben } = await twoCoders();
    const result = await h['agreement.compute'](request('agreement.compute', { coderIds: [ann, ben], codeIds: [stigma], documentIds: [doc.id], attributes: {}, mode: 'character', threshold: 0.9, q: null }));
    expect(result.report.mode).toBe('character');
    if (result.report.mode !== 'character') return;
    // The reply carries per-code figures; the code × document cells come on demand.
    expect(JSON.stringify(result)).not.toMatch(/"cells"/);
    const { cells } = await h['agreement.cells'](request('agreement.cells', { coderIds: [ann, ben], codeIds: [stigma], documentIds: [doc.id], attributes: {}, mode: 'character', codeId: stigma }));
    const cell = cells[0]!;
    const N = doc.length;
    expect(cell.table).toEqual({ both: 50, onlyA: 50, onlyB: 50, neither: N - 150 });
    expect(result.report.codes[0]!.pooled.table).toEqual(cell.table);
    const po = (N - 100) / N;
    const pe = (100 / N) ** 2 + ((N - 100) / N) ** 2;
    expect(cell.percent).toEqual({ defined: true, value: po });
    expect(cell.kappa.defined && cell.kappa.value).toBeCloseTo((po - pe) / (1 - pe), 12);
    expect(result.report.codes[0]!.pooled.kappa.defined && result.report.codes[0]!.pooled.kappa.value).toBeCloseTo((po - pe) / (1 - pe), 12);
    expect(result.description[0]).toMatch(/Character mode/);
    expect(result.codes[0]).toMatchObject({ name: 'Tackling stigma', path: ['Tackling stigma'] });
  });

  it('lists the disagreement and settles it into the Consensus coder, undoably', async () => {
    const { h, doc, stigma, ann, ben } = await twoCoders();
    const { passages: list } = await h['agreement.disagreements'](request('agreement.disagreements', { coderA: ann, coderB: ben, codeId: stigma, documentIds: null, attributes: {} }));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ documentId: doc.id, start: 100, end: 250, spansA: [{ start: 100, end: 200 }], spansB: [{ start: 150, end: 250 }] });
    const { text } = (await h['document.get']({ documentId: doc.id })).first;
    expect(list[0]!.text).toBe(text.slice(100, 250));

    const result = await h['agreement.resolve']({ coderA: ann, coderB: ben, codeId: stigma, documentId: doc.id, start: 100, end: 250, choice: 'A', note: 'Ben went too far' });
    const after = (await h['app.getState']({})).project!;
    const consensus = after.coders.find((c) => c.name === 'Consensus')!;
    expect(result.delta.coders?.upsert).toEqual([consensus]);
    const codings = (await h['document.codings']({ documentId: doc.id })).filter((c) => c.coderId === consensus.id);
    expect(codings).toEqual([expect.objectContaining({ start: 100, end: 200, codeId: stigma })]);
    const decisions = (await readFile(join(after.path, 'coders', `${consensus.id}.json`), 'utf-8').then(JSON.parse)).decisions;
    expect(decisions).toEqual([expect.objectContaining({ choice: 'A', note: 'Ben went too far', decidedBy: 'Ben', kept: [{ start: 100, end: 200 }] })]);

    // Changing one's mind replaces the earlier decision for that passage.
    await h['agreement.resolve']({ coderA: ann, coderB: ben, codeId: stigma, documentId: doc.id, start: 100, end: 250, choice: 'both', note: '' });
    expect((await h['document.codings']({ documentId: doc.id })).filter((c) => c.coderId === consensus.id)).toEqual([expect.objectContaining({ start: 100, end: 250 })]);
    await h['history.undo']({});
    await h['history.undo']({});
    expect((await h['document.codings']({ documentId: doc.id })).filter((c) => c.coderId === consensus.id)).toEqual([]);

    await expect(h['agreement.resolve']({ coderA: ann, coderB: ben, codeId: stigma, documentId: doc.id, start: 100, end: 240, choice: 'A', note: '' })).rejects.toThrow(/no longer there/);
  });

  it('sends the disagreements a page at a time, with how many there are and how many are settled over all pages', async () => {
    const { h, doc, stigma, ann, ben } = await twoCoders();
    // Two more passages where only Ann coded, after the first (100–250).
    await h['app.setCoderName']({ name: 'Ann' });
    await h['coding.apply']({ documentId: doc.id, codeId: stigma, start: 400, end: 420 });
    await h['coding.apply']({ documentId: doc.id, codeId: stigma, start: 500, end: 530 });
    const scope = { coderA: ann, coderB: ben, codeId: stigma, documentIds: null, attributes: {} };
    const page = (offset: number, limit: number) => h['agreement.disagreements'](request('agreement.disagreements', { ...scope, offset, limit }));

    const first = await page(0, 2);
    expect(first).toMatchObject({ offset: 0, total: 3, settled: 0 });
    expect(first.passages.map((p) => [p.start, p.end])).toEqual([[100, 250], [400, 420]]);
    const { text } = (await h['document.get']({ documentId: doc.id })).first;
    expect(first.passages[1]!.text).toBe(text.slice(400, 420));

    // Settling the passage on the second page counts on every page.
    await h['agreement.resolve']({ coderA: ann, coderB: ben, codeId: stigma, documentId: doc.id, start: 500, end: 530, choice: 'neither', note: '' });
    const second = await page(2, 2);
    expect(second).toMatchObject({ offset: 2, total: 3, settled: 1 });
    expect(second.passages.map((p) => [p.start, p.end, p.decision?.choice])).toEqual([[500, 530, 'neither']]);
    expect((await page(0, 2)).settled).toBe(1);
    expect((await page(3, 2)).passages).toEqual([]);

    // Without a page asked for, the first page of the default size.
    const whole = await h['agreement.disagreements'](request('agreement.disagreements', scope));
    expect(whole.passages).toHaveLength(3);
    // A page is bounded, so no reply grows with the project (the transport refuses a larger one).
    expect(() => request('agreement.disagreements', { ...scope, limit: MAX_DISAGREEMENT_PAGE + 1 })).toThrow(/limit: Too big/);
  });

  it('keeps the figures reply free of per-document detail in every mode: its size follows codes and documents, not codings', async () => {
    const { h, amara, tom } = await sampleCoders();
    for (const mode of ['character', 'unitized', 'segment', 'presence'] as const) {
      const r = await h['agreement.compute'](request('agreement.compute', { coderIds: [amara, tom], codeIds: null, documentIds: null, attributes: {}, mode }));
      expect(r.documents.length).toBeGreaterThan(1);
      // The documents compared are listed once, by name; the report's figures never name one.
      const report = JSON.stringify(r.report);
      for (const d of r.documents) expect(report).not.toContain(d.id);
      expect(report).not.toMatch(/"(cells|passages|spansA|spansB|text)"/);
    }
  });

  it('refuses two-coder modes for three coders, and reports the sample coders in every mode', async () => {
    const { h, p, amara, tom } = await sampleCoders();
    for (const mode of ['character', 'unitized', 'segment', 'presence'] as const) {
      const r = await h['agreement.compute'](request('agreement.compute', { coderIds: [amara, tom], codeIds: null, documentIds: null, attributes: {}, mode, threshold: 0.9, q: null }));
      expect(r.report.mode.startsWith(mode)).toBe(true);
      expect(r.codes).toHaveLength(18);
    }
    await h['coding.apply']({ documentId: (await allDocuments(h))[0]!.id, codeId: p.codebook[0]!.id, start: 0, end: 10 });
    const me = (await h['app.getState']({})).project!.currentCoderId!;
    await expect(h['agreement.compute'](request('agreement.compute', { coderIds: [amara, tom, me], codeIds: null, documentIds: null, attributes: {}, mode: 'segment', threshold: 0.9, q: null }))).rejects.toThrow(/exactly two coders/);
    const multi = await h['agreement.compute'](request('agreement.compute', { coderIds: [amara, tom, me], codeIds: null, documentIds: null, attributes: {}, mode: 'character', threshold: 0.9, q: null }));
    expect(multi.report.mode).toBe('character-multi');
  });
});
