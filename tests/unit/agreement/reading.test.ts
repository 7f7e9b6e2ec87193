import { describe, expect, it } from 'vitest';
import type { AgreementResult } from '../../../shared/api/contract';
import { measureExplanation } from '../../../shared/agreement/explanations';
import { formatFigure } from '../../../shared/agreement/format';
import { bandOf } from '../../../shared/agreement/interpretation';
import { methodsText } from '../../../shared/agreement/methods';
import { characterAgreement, presenceAgreement, segmentAgreement } from '../../../shared/agreement/project';
import { agreementTables } from '../../../shared/agreement/report-tables';
import { agreementScope } from '../../../shared/agreement/scope';
import { buildTable } from '../../../shared/agreement/table-model';
import { annAndBen, resultOf } from '../../helpers/agreement';

const sets = (entries: Record<string, string[]>) => new Map(Object.entries(entries).map(([k, v]) => [k, new Set(v)]));

describe('which documents are compared', () => {
  const documents = ['d1', 'd2', 'd3', 'd4', 'd5'].map((id) => ({ id, name: id.toUpperCase() }));
  const coders = [
    { id: 'sam', name: 'Sam' },
    { id: 'dana', name: 'Dana' },
  ];

  it('compares the documents every coder coded, and says what was left out and why (nobody marks documents)', () => {
    // The case: Dana codes three documents, Sam one of them.
    const scope = agreementScope({ documents, coders, coded: sets({ sam: ['d1'], dana: ['d1', 'd2', 'd3'] }), done: sets({}), includeAll: false });
    expect(scope.rule).toBe('coded');
    expect(scope.documentIds).toEqual(['d1']);
    expect(scope.leftOut).toEqual([
      { reason: 'coded by Dana only', documents: [{ id: 'd2', name: 'D2' }, { id: 'd3', name: 'D3' }] },
      { reason: 'coded by neither coder', documents: [{ id: 'd4', name: 'D4' }, { id: 'd5', name: 'D5' }] },
    ]);
    expect(scope.summary).toBe(
      'Documents compared: documents every coder coded at least once (nobody marks documents done), 1 document of 5; left out: 2 documents coded by Dana only; 2 documents coded by neither coder.',
    );
  });

  it('uses the done marks as soon as any coder marks documents, an uncoded document included', () => {
    const scope = agreementScope({ documents, coders, coded: sets({ sam: ['d1', 'd2'], dana: ['d1', 'd2'] }), done: sets({ sam: ['d1', 'd3'], dana: ['d1', 'd2', 'd3'] }), includeAll: false });
    expect(scope.rule).toBe('done');
    // d3 was read through by both and coded by neither: still compared.
    expect(scope.documentIds).toEqual(['d1', 'd3']);
    expect(scope.leftOut.map((l) => [l.reason, l.documents.length])).toEqual([
      ['marked done by neither coder', 2],
      ['marked done by Dana only', 1],
    ]);
  });

  it('includes every document on request, and names three coders when they differ', () => {
    const all = agreementScope({ documents, coders, coded: sets({ sam: ['d1'] }), done: sets({}), includeAll: true });
    expect(all).toMatchObject({ rule: 'all', documentIds: ['d1', 'd2', 'd3', 'd4', 'd5'], leftOut: [] });
    const three = agreementScope({
      documents: documents.slice(0, 2),
      coders: [...coders, { id: 'lee', name: 'Lee' }],
      coded: sets({ sam: ['d1', 'd2'], dana: ['d1', 'd2'], lee: ['d1'] }),
      done: sets({}),
      includeAll: false,
    });
    expect(three.leftOut).toEqual([{ reason: 'coded by Sam and Dana only', documents: [{ id: 'd2', name: 'D2' }] }]);
  });
});

describe('reading the figures', () => {
  it('bands κ/α by Krippendorff’s 0.667 and 0.800, or by Landis & Koch', () => {
    expect([0.5, 0.667, 0.7999, 0.8, 1].map((v) => bandOf(v, 'krippendorff').label)).toEqual(['unreliable', 'tentative', 'tentative', 'reliable', 'reliable']);
    expect([-0.1, 0, 0.2, 0.21, 0.4, 0.6, 0.61, 0.8, 0.81].map((v) => bandOf(v, 'landis-koch').label)).toEqual([
      'poor', 'slight', 'slight', 'fair', 'fair', 'moderate', 'substantial', 'substantial', 'almost perfect',
    ]);
  });

  it('names the unit of the mode in the help text', () => {
    expect(measureExplanation('percent', 'characters')).toContain('(here characters)');
    expect(measureExplanation('percent', 'documents')).toContain('(here documents)');
    expect(measureExplanation('percent', 'segments')).toContain('(here segments)');
    expect(measureExplanation('kappa', 'documents')).toContain('counted in documents');
  });
});

/** A hand-built report: Ann and Ben on three documents and three codes; nobody codes "empty". */
const input = annAndBen(
  [
    { id: 'd1', name: 'Doc one', length: 1000 },
    { id: 'd2', name: 'Doc two', length: 600 },
    { id: 'd3', name: 'Doc three', length: 400 },
  ],
  [
    { coderId: 'ann', documentId: 'd1', codeId: 'stigma', start: 100, end: 200 },
    { coderId: 'ben', documentId: 'd1', codeId: 'stigma', start: 150, end: 250 },
    { coderId: 'ann', documentId: 'd2', codeId: 'stigma', start: 0, end: 300 },
    { coderId: 'ben', documentId: 'd2', codeId: 'stigma', start: 50, end: 300 },
    { coderId: 'ann', documentId: 'd3', codeId: 'stigma', start: 10, end: 40 },
    { coderId: 'ann', documentId: 'd1', codeId: 'same', start: 0, end: 10 },
    { coderId: 'ben', documentId: 'd1', codeId: 'same', start: 0, end: 10 },
    { coderId: 'ann', documentId: 'd2', codeId: 'same', start: 20, end: 90 },
    { coderId: 'ben', documentId: 'd2', codeId: 'same', start: 20, end: 80 },
  ],
);

/** Results as the service sends them: 200 resamples (seed 11), one document left out by the scope. */
const reportOf = (report: AgreementResult['report'], settings: Partial<AgreementResult['settings']> = {}) =>
  resultOf(input, report, { resampling: { samples: 200, seed: 11 }, ...settings }, { rule: 'coded', leftOut: [{ reason: 'coded by Dana only', documents: [{ id: 'x', name: 'X' }] }] });

const uncertainty = { samples: 200, seed: 11, minimum: 0.8 };
const character = reportOf(characterAgreement(input, 'ann', 'ben', uncertainty));

describe('the agreement table model', () => {
  it('carries each figure’s interval and band, and lists the codes below the minimum worst first', () => {
    const model = buildTable(character);
    const stigma = model.rows.find((r) => r.codeId === 'stigma')!;
    const kappa = stigma.cells.kappa!;
    if (kappa.kind !== 'measure' || !kappa.value.defined) throw new Error('κ expected');
    expect(kappa.interval).toEqual(character.report.mode === 'character' ? character.report.codes[0]!.pooled.intervals!.kappa : null);
    expect(kappa.band).toEqual(bandOf(kappa.value.value, 'krippendorff'));
    expect(kappa.belowMinimum).toBe(kappa.value.value < 0.8);
    expect(model.belowMinimum.map((b) => b.codeId)).toEqual(['stigma', 'same'].filter((id) => {
      const c = model.rows.find((r) => r.codeId === id)!.cells.kappa!;
      return c.kind === 'measure' && c.value.defined && c.value.value < 0.8;
    }).sort((a, b) => {
      const v = (id: string) => {
        const c = model.rows.find((r) => r.codeId === id)!.cells.kappa!;
        return c.kind === 'measure' && c.value.defined ? c.value.value : 0;
      };
      return v(a) - v(b);
    }));
    expect(buildTable(reportOf(character.report, { bands: 'landis-koch' })).rows[0]!.cells.kappa).toMatchObject({ band: bandOf(kappa.value.value, 'landis-koch') });
  });

  it('renders the workbook summary from the same model the screen shows: every figure the same', () => {
    const [summary] = agreementTables(character);
    const model = buildTable(character, ['pooled', 'lengthWeighted', 'unweighted']);
    const screen = buildTable(character, ['pooled']);
    const headers = summary!.columns.map((c) => c.header);
    for (const row of screen.rows) {
      const line = summary!.rows.find((r) => r[0] === row.path.join(' › '))!;
      for (const column of screen.columns) {
        const cell = row.cells[column.id]!;
        const at = headers.indexOf(column.kind === 'count' ? column.label : `${column.label} (${column.detail})`);
        const expected = cell.kind === 'count' ? cell.value : cell.value.defined ? cell.value.value : `undefined: ${cell.value.reason}`;
        expect(line[at], `${row.name} ${column.label}`).toEqual(expected);
        if (cell.kind === 'measure' && cell.interval?.defined) {
          expect(line[headers.indexOf(`${column.label} (${column.detail}): 95 % CI low`)]).toBe(cell.interval.low);
          expect(line[headers.indexOf(`${column.label} (${column.detail}): 95 % CI high`)]).toBe(cell.interval.high);
        }
      }
    }
    expect(model.columns.length).toBeGreaterThan(screen.columns.length);
    expect(headers).toContain('α (pooled): P(below 0.800)');
    expect(headers).toContain('κ (pooled): reading');
  });
});

describe('the methods paragraph', () => {
  it('states coders, documents (and those left out), codes, mode, measures, figures to three decimals and references', () => {
    const { paragraph, references } = methodsText(character);
    const report = character.report;
    if (report.mode !== 'character') throw new Error('character mode expected');
    expect(paragraph).toMatch(/^Inter-coder agreement between Ann and Ben was assessed with Marginalia on 3 documents \(those every coder had coded at least once; left out: 1 document coded by Dana only\) and 3 codes\./);
    expect(paragraph).toContain("Cohen's κ (Cohen, 1960)");
    expect(paragraph).toContain('(Krippendorff, 2004; Krippendorff, 2019)');
    const k = report.overall.kappa;
    const interval = report.overall.intervals!.kappa;
    if (!k.defined || !interval.defined) throw new Error('defined expected');
    expect(paragraph).toContain(`κ = ${formatFigure(k.value, 'coefficient')} (95\u00a0% CI ${formatFigure(interval.low, 'coefficient')}–${formatFigure(interval.high, 'coefficient')})`);
    // The per-code range, from the same figures the table shows.
    const kappas = report.codes.flatMap((c) => (c.pooled.kappa.defined ? [c.pooled.kappa.value] : []));
    expect(paragraph).toContain(`κ ranged from ${formatFigure(Math.min(...kappas), 'coefficient')}`);
    expect(paragraph).toContain(`to ${formatFigure(Math.max(...kappas), 'coefficient')}`);
    expect(paragraph).toContain('undefined for 1 code');
    expect(paragraph).toMatch(/200 resamples of the documents \(Efron & Tibshirani, 1993\) with seed 11/);
    expect(references.map((r) => r.slice(0, 20))).toEqual(['Cohen, J. (1960). A ', 'Efron, B., & Tibshir', 'Hayes, A. F., & Krip', 'Krippendorff, K. (20', 'Krippendorff, K. (20']);
  });

  it('cites Brennan & Prediger for κ_n and Landis & Koch when their labels are used, and describes presence mode over documents', () => {
    const segment = methodsText(reportOf(segmentAgreement(input, 'ann', 'ben', 0.8, 4), { mode: 'segment', q: 4, resampling: null }));
    expect(segment.paragraph).toContain('at least 80 % of their combined extent');
    expect(segment.paragraph).toContain("Brennan and Prediger's κ_n with q = 4 (Brennan & Prediger, 1981)");
    expect(segment.references.some((r) => r.startsWith('Brennan, R. L.'))).toBe(true);
    const presence = methodsText(reportOf(presenceAgreement(input, 'ann', 'ben'), { mode: 'presence', bands: 'landis-koch', resampling: null }));
    expect(presence.paragraph).toContain('whether each coder applied the code at all');
    expect(presence.paragraph).toContain('Landis and Koch (Landis & Koch, 1977)');
    expect(presence.paragraph).not.toContain('bootstrap');
  });
});
