import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { buildCodingReport, codingReportHtml } from '../../../electron/services/export/report';
import type { CodingReport } from '../../../electron/services/export/report';
import { speakersIn } from '../../../electron/services/export/report/report-passages';
import { matricesSection, passagesSection, tableHtml } from '../../../electron/services/export/report/report-sections';
import type { ProjectStore } from '../../../electron/services/project/project-store';
import { createSampleProject } from '../../../electron/services/project/sample-project';
import { fixedDeps } from '../../helpers/temp-dir';

/*
 * What the coding report says, on the sample project (17 documents, Amara Okafor and Tom
 * Reilly coding the same text): counts that say what they count, an agreement summary that
 * fits a page, the filters it was made with, every voice in a passage, a meta line that names
 * what each part is.
 */

let root: string;
let store: ProjectStore;
let report: CodingReport;
let codings: number;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'marginalia-test-'));
  store = await createSampleProject(resolve('resources'), join(root, 'sample'), fixedDeps());
  report = await buildCodingReport(store);
  codings = store.data.coders.reduce((n, c) => n + store.codingsOf(c.id).length, 0);
});
afterAll(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

const id = (kind: 'codebook' | 'coders' | 'documents', name: string) => store.data[kind].find((x) => x.name === name)!.id;

describe('the coding report of two coders’ work', () => {
  it('says its code × attribute counts are distinct passages, and why their total is below the codings listed', () => {
    const borough = report.matrices[0]!;
    expect(borough.caption).toBe("Passages per code and Borough: distinct passages, so several coders' codings of the same text count once; a code's row leaves out its sub-codes");
    const total = borough.totals[0]!;
    expect(total[0]).toBe('Total distinct passages');
    const distinct = total.at(-1) as number;
    expect(distinct).toBeLessThan(codings);
    expect(report.codes.reduce((n, c) => n + c.passages.length, 0)).toBe(codings);
    expect(borough.note).toContain(`So the total, ${distinct}, is less than the ${codings} codings under Coded passages, where each coder's coding is listed on its own.`);
    // Code paths written as everywhere else in the report.
    expect(borough.rows.map((r) => r[0])).toContain('Cross-cutting themes › Trust in services');
  });

  it('prints a short agreement summary, percentages as the methods paragraph writes them, and says where the full tables are', () => {
    const table = report.agreement!.table;
    expect(table.columns.map((c) => c.header)).toEqual([
      'Code',
      'Both',
      'Only Amara Okafor',
      'Only Tom Reilly',
      '% agreement (pooled)',
      'κ (pooled) (95 % CI)',
      'α (pooled) (95 % CI)',
      'Reading of κ (pooled)',
    ]);
    const overall = table.totals[0]!;
    expect(overall[0]).toBe('Overall (all codes pooled)');
    expect(overall[4]).toMatch(/^\d+\.\d\d\u00a0%$/);
    expect(report.agreement!.methods).toContain(`percent agreement = ${overall[4]}`);
    expect(overall[5]).toMatch(/^0\.\d{3} \(0\.\d{3}–0\.\d{3}\)$/);
    expect(overall[7]).toMatch(/^(reliable|tentative|unreliable)/);
    expect(table.rows).toHaveLength(18);
    expect(table.note).toContain('marginalia agreement PROJECT --coders "Amara Okafor,Tom Reilly" --xlsx FILE');
    expect(table.note).toContain('Add agreement sheets for two coders');
  });

  it('names the filters it was made with, or says it holds everything', async () => {
    expect(report.scope[0]).toBe('Selection: everything');
    const filtered = await buildCodingReport(store, {
      selection: { codeIds: [id('codebook', 'Tackling stigma')], coderIds: [id('coders', 'Amara Okafor')], documentIds: null, attributes: { Borough: ['Hackney', 'Newham'] } },
      agreement: null,
    });
    expect(filtered.scope[0]).toBe('Selection: codes Tackling stigma (with their sub-codes); coders Amara Okafor; documents where Borough = Hackney or Newham');
    const named = await buildCodingReport(store, { selection: { codeIds: null, coderIds: null, documentIds: [id('documents', '05 Southwark: carers')], attributes: {} }, agreement: null });
    expect(named.scope[0]).toBe('Selection: documents 05 Southwark: carers');
    expect(codingReportHtml(filtered)).toContain('<li>Selection: codes Tackling stigma');
  });

  it('lists every speaker a passage runs over, not only the one it starts with', () => {
    const peers = report.codes.find((c) => c.path.at(-1) === 'Peer support and community champions')!;
    const exchange = peers.passages.find((p) => p.text.startsWith('We run a monthly group') && p.text.includes('\nMother:'))!;
    expect(exchange.speakers).toEqual(["Carers' centre worker", 'Mother']);
    expect(peers.passages.find((p) => p.text.startsWith('We run a monthly group') && !p.text.includes('\nMother:'))!.speakers).toEqual(["Carers' centre worker"]);

    const turns = [
      { start: 0, end: 20, speaker: 'Facilitator' },
      { start: 22, end: 60, speaker: 'Participant' },
      { start: 62, end: 80, speaker: 'Facilitator' },
    ];
    expect(speakersIn(turns, 10, 70)).toEqual(['Facilitator', 'Participant']);
    expect(speakersIn(turns, 30, 40)).toEqual(['Participant']);
    // Between turns (a speaker's label): the turn that follows.
    expect(speakersIn(turns, 20, 22)).toEqual(['Participant']);
    expect(speakersIn([], 0, 5)).toEqual([]);
  });

  it('labels the passage line, so a coder is never read as the speaker', () => {
    const code = { ...report.codes.find((c) => c.codable)!, passages: [] };
    const passage = { document: 'Notes', coder: 'Amara Okafor', start: 3, end: 9, text: 'hello', memo: '' };
    const html = passagesSection([{ ...code, passages: [{ ...passage, speakers: [] }, { ...passage, speakers: ['Facilitator', 'Participant'] }] }]);
    expect(html).toContain('<p class="meta">Notes · Coder: Amara Okafor · characters 3–9</p>');
    expect(html).toContain('<p class="meta">Notes · Speakers: Facilitator, Participant · Coder: Amara Okafor · characters 3–9</p>');
    expect(codingReportHtml(report)).toMatch(/<p class="meta">[^<]+ · Speaker: [^<]+ · Coder: (Amara Okafor|Tom Reilly) · characters \d+–\d+<\/p>/);
  });

  it('prints a counting note across the whole table, its totals with its last rows, and no landscape page without a table', () => {
    const html = tableHtml(report.matrices[0]!);
    const columns = report.matrices[0]!.columns.length;
    expect(html).toContain(`<tr class="note"><td colspan="${columns}">Counting distinct passages`);
    expect(html).toMatch(/<tbody class="end">\n<tr>.*<\/tr>\n<tr>.*<\/tr>\n<tr class="total"><td>Total distinct passages<\/td>/);
    expect(matricesSection(report.matrices)).toMatch(/^<section id="matrices" class="wide">/);
    expect(matricesSection([])).toMatch(/^<section id="matrices"><h2>/);
  });
});
