import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { allDocuments, exportedBytes, sampleBackend } from '../../helpers/backend';
import type { Input } from '../../../shared/api/contract';
import { request } from '../../helpers/requests';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const all = { codeIds: null, documentIds: null, attributes: {}, coderIds: null };

describe('exports and analyses through the API', () => {
  it('counts codes by borough, as segments, documents and coded characters', async () => {
    const backend = await sampleBackend(await tempDir());
    const h = backend.handlers;
    const p = (await h['app.getState']({})).project!;
    const stigma = p.codebook.find((c) => c.name === 'Tackling stigma')!.id;
    const matrix = (input: Omit<Input<'analysis.matrix'>, 'selection'>) => h['analysis.matrix'](request('analysis.matrix', { selection: all, ...input }));
    const segments = await matrix({ columns: { kind: 'attribute', name: 'Borough' }, measure: 'segments', rollUp: false });
    expect(segments.columnLabels).toContain('Hackney');
    expect(segments.counting).toBe('distinct');
    expect(segments.statement).toMatch(/distinct passages/);
    const row = segments.rowKeys.indexOf(stigma);
    // Both sample coders coded Tackling stigma, often the same passages: joined, they count once.
    const codings = Object.values(p.codingCounts[stigma] ?? {}).reduce((a, b) => a + b, 0);
    const perCoder = await matrix({ columns: { kind: 'attribute', name: 'Borough' }, measure: 'segments', rollUp: false, counting: 'perCoder' });
    expect(segments.rowTotals[row]).toBeLessThan(perCoder.rowTotals[row]!);
    expect(perCoder.rowTotals[row]).toBeLessThanOrEqual(codings);
    const docs = await matrix({ columns: { kind: 'documents' }, measure: 'documents', rollUp: false });
    expect(Math.max(...docs.cells.flat())).toBe(1);
    const chars = await matrix({ columns: { kind: 'documents' }, measure: 'characters', rollUp: false });
    const lengths = await allDocuments(h);
    expect(chars.cells[row]!.every((n, i) => n <= lengths.find((d) => d.id === chars.columnKeys[i])!.length)).toBe(true);
    expect(chars.rowTotals[row]).toBeGreaterThan(0);
    const folder = p.codebook.find((c) => c.name === 'Cross-cutting themes')!.id;
    const rolled = await matrix({ columns: { kind: 'documents' }, measure: 'segments', rollUp: true });
    expect(rolled.rowTotals[rolled.rowKeys.indexOf(folder)]).toBeGreaterThan(0);
    // Rolling sub-codes up does not count their passages twice in the grand total.
    expect(rolled.total).toBe((await matrix({ columns: { kind: 'documents' }, measure: 'segments', rollUp: false })).total);
    // A document without a borough is counted under "(no value)", as in the workbook.
    const hackney = (await allDocuments(h)).find((d) => d.attributes.Borough === 'Hackney')!;
    await h['document.setAttribute']({ documentId: hackney.id, name: 'Borough', value: null });
    const missing = await matrix({ columns: { kind: 'attribute', name: 'Borough' }, measure: 'segments', rollUp: false });
    expect(missing.columnLabels.at(-1)).toBe('(no value)');
    expect(missing.columnTotals.at(-1)).toBe(segments.columnTotals[segments.columnLabels.indexOf('Hackney')]);
    const co = await h['analysis.cooccurrence']({ selection: all });
    const i = co.codeIds.indexOf(stigma);
    expect(co.matrix[i]![i]).toBe(codings);
    expect(co.statement).toMatch(/by the same coder/);
  });

  it('answers other requests while an export runs, and hands the file back only in pieces', async () => {
    const backend = await sampleBackend(await tempDir());
    const h = backend.handlers;
    const underWay = new Promise<void>((resolve) => backend.events.subscribe((name) => name === 'export.progress' && resolve()));
    const settled: string[] = [];
    const exporting = h['export.workbook'](request('export.workbook', { selection: all, attributeColumns: 'all', crossAttributes: ['Borough'], rollUp: true, sheetPerCode: true, agreement: null })).then((file) => {
      settled.push('export');
      return file;
    });
    await underWay;
    // The export has started writing (in its worker); a request in the meantime is answered first.
    const state = await h['app.getState']({});
    settled.push('query');
    expect(state.project?.name).toBeTruthy();
    const file = await exporting;
    expect(settled).toEqual(['query', 'export']);
    // The reply names the file and its size; its bytes come only through export.read.
    expect(file).not.toHaveProperty('base64');
    expect(JSON.stringify(file).length).toBeLessThan(file.bytes / 10);
    const bytes = await exportedBytes(h, file);
    expect(bytes.length).toBe(file.bytes);
    expect(XLSX.read(bytes).SheetNames).toEqual(expect.arrayContaining(['Coded segments', 'Code × Borough', 'About']));
    // Read once: the backend keeps no copy.
    await expect(h['export.read']({ fileId: file.fileId, offset: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await backend.shutdown();
  }, 120_000);

  it('hands back an Excel workbook, a CSV, a REFI-QDA project and agreement tables as files', async () => {
    const backend = await sampleBackend(await tempDir());
    const h = backend.handlers;
    const p = (await h['app.getState']({})).project!;
    const coders = p.coders.map((c) => c.id);
    const workbook = await h['export.workbook'](request('export.workbook', { selection: all, attributeColumns: 'all', crossAttributes: ['Borough'], rollUp: false, sheetPerCode: false, agreement: { coderIds: coders, mode: 'character' } }));
    expect(workbook.fileName).toMatch(/\.xlsx$/);
    const wb = XLSX.read(await exportedBytes(h, workbook));
    expect(wb.SheetNames).toEqual(expect.arrayContaining(['Coded segments', 'Codebook', 'Code × Borough', 'Agreement by code']));
    const csv = (await exportedBytes(h, await h['export.csv']({ selection: all, attributeColumns: ['Borough'] }))).toString('utf-8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n').length).toBeGreaterThan(100);
    const qdpx = await h['export.refi']({ format: 'qdpx', offsets: 'standard' });
    expect((await exportedBytes(h, qdpx)).subarray(0, 2).toString()).toBe('PK');
    const json = JSON.parse(Buffer.from((await h['agreement.export'](request('agreement.export', { coderIds: coders, codeIds: null, documentIds: null, attributes: {}, mode: 'segment', threshold: 0.9, q: null, format: 'json' }))).base64, 'base64').toString());
    expect(json.report.mode).toBe('segment');
  }, 120_000); // three exports, each in a worker thread started from source (tsx)

  it('exports every word of a word table, not only the commonest the view lists, in the order the table shows', async () => {
    const backend = await sampleBackend(await tempDir());
    const h = backend.handlers;
    // A transcript of 1,000 made-up words takes the sample past the 2,000 words the view lists.
    const text = `Participant: ${Array.from({ length: 1000 }, (_, i) => `zq${i}`).join(' ')}`;
    const { stagedId } = await h['import.stage']({ fileName: 'many words.txt', base64: Buffer.from(text).toString('base64') });
    await h['import.run']({ items: [{ source: { stagedId }, options: {} }] });
    const words = { scope: { kind: 'all' as const }, stopWords: ['the', 'and'], stem: false };
    const shown = await h['words.frequencies'](words);
    const file = await h['export.words']({ ...words, sort: { key: 'word', descending: false }, scopeLabel: 'All documents' });
    expect(file.fileName).toMatch(/word frequencies\.xlsx$/);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(await exportedBytes(h, file)).Sheets['Word frequencies']!, { header: 1 });
    const listed = rows.slice(1, rows.findIndex((r) => r.length === 0));
    expect(shown.distinctWords).toBeGreaterThan(shown.words.length);
    expect(listed).toHaveLength(shown.distinctWords);
    const sorted = listed.map((r) => String(r[0]));
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b)));
    expect(listed.find((r) => r[0] === shown.words[0]!.word)?.[1]).toBe(shown.words[0]!.count);
    expect(rows).toContainEqual(['Counted in', 'All documents']);
    expect(sorted).not.toContain('facilitator');
  }, 60_000);
});
