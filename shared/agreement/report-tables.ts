import type { AgreementResult } from '../api/views';
import type { MeasureValue } from './undefined-measure';

/** A table of an agreement report, for a spreadsheet sheet, a CSV or a printed table. */
export interface ReportTable {
  name: string;
  columns: { header: string; width?: number; type?: 'text' | 'number' }[];
  rows: (string | number | null)[][];
}

/** A figure, or the reason it is undefined: reports never show a number that is not there. */
export function figure(m: MeasureValue): number | string {
  return m.defined ? m.value : `undefined: ${m.reason}`;
}

const num = (header: string, width = 12) => ({ header, width, type: 'number' as const });
const text = (header: string, width = 30) => ({ header, width, type: 'text' as const });

/** The report as tables: one summary per code (with an Overall row), plus detail where the mode has it. */
export function agreementTables(result: AgreementResult): ReportTable[] {
  const { report } = result;
  const code = (id: string) => result.codes.find((c) => c.id === id)!.path.join(' › ');
  const coder = (id: string) => result.coders.find((c) => c.id === id)?.name ?? id;
  const doc = (id: string) => result.documents.find((d) => d.id === id)?.name ?? id;
  const about: ReportTable = { name: 'About this report', columns: [text('What was compared and how', 120)], rows: result.description.map((d) => [d]) };
  switch (report.mode) {
    case 'character': {
      const a = coder(report.coderA);
      const b = coder(report.coderB);
      const summary: ReportTable = {
        name: 'Agreement by code',
        columns: [
          text('Code'), num('Both'), num(`Only ${a}`), num(`Only ${b}`), num('Neither'),
          num('% agreement (pooled)'), num('κ (pooled)'), num('α (pooled)'),
          num('% (length-weighted mean)'), num('κ (length-weighted mean)'), num('α (length-weighted mean)'),
          num('% (unweighted mean)'), num('κ (unweighted mean)'), num('α (unweighted mean)'),
        ],
        rows: [
          ...report.codes.map((c) => [
            code(c.codeId), c.pooled.table.both, c.pooled.table.onlyA, c.pooled.table.onlyB, c.pooled.table.neither,
            figure(c.pooled.percent), figure(c.pooled.kappa), figure(c.pooled.alpha),
            figure(c.lengthWeighted.percent), figure(c.lengthWeighted.kappa), figure(c.lengthWeighted.alpha),
            figure(c.unweighted.percent), figure(c.unweighted.kappa), figure(c.unweighted.alpha),
          ]),
          ['Overall (all codes pooled)', report.overall.table.both, report.overall.table.onlyA, report.overall.table.onlyB, report.overall.table.neither,
            figure(report.overall.percent), figure(report.overall.kappa), figure(report.overall.alpha), null, null, null, null, null, null],
        ],
      };
      const detail: ReportTable = {
        name: 'Agreement by code and document',
        columns: [text('Code'), text('Document'), num('Both'), num(`Only ${a}`), num(`Only ${b}`), num('Neither'), num('% agreement'), num('κ'), num('α')],
        rows: report.codes.flatMap((c) =>
          c.cells.map((cell) => [code(c.codeId), doc(cell.documentId), cell.table.both, cell.table.onlyA, cell.table.onlyB, cell.table.neither, figure(cell.percent), figure(cell.kappa), figure(cell.alpha)]),
        ),
      };
      return [summary, detail, about];
    }
    case 'character-multi':
      return [
        {
          name: 'Agreement by code',
          columns: [text('Code'), num("Fleiss' κ"), num("Krippendorff's α"), ...report.overall.histogram.map((_, j) => num(`Characters coded by ${j}`))],
          rows: [
            ...report.codes.map((c) => [code(c.codeId), figure(c.fleiss), figure(c.alpha), ...c.histogram]),
            ['Overall (all codes pooled)', figure(report.overall.fleiss), figure(report.overall.alpha), ...report.overall.histogram],
          ],
        },
        {
          name: 'Pairwise κ',
          columns: [text('Coder'), text('Coder'), num("Cohen's κ (pooled)")],
          rows: report.pairwise.map((p) => [coder(p.coderA), coder(p.coderB), figure(p.kappa)]),
        },
        about,
      ];
    case 'unitized':
      return [
        {
          name: 'Unitized alpha by code',
          columns: [text('Code'), num('α_U')],
          rows: [...report.codes.map((c) => [code(c.codeId), figure(c.alphaU)]), ['Overall', figure(report.overall)]],
        },
        about,
      ];
    case 'segment': {
      const a = coder(report.coderA);
      const b = coder(report.coderB);
      return [
        {
          name: 'Segment agreement by code',
          columns: [text('Code'), num(`Segments ${a}`), num(`Matched ${a}`), num(`Segments ${b}`), num(`Matched ${b}`), num('% agreement'), num(`κ_n (q = ${report.q})`)],
          rows: [...report.codes, { codeId: '', ...report.overall }].map((c) => [
            c.codeId ? code(c.codeId) : 'Overall', c.counts.segmentsA, c.counts.matchedA, c.counts.segmentsB, c.counts.matchedB, figure(c.percent), figure(c.kappaN),
          ]),
        },
        about,
      ];
    }
    case 'presence': {
      const a = coder(report.coderA);
      const b = coder(report.coderB);
      return [
        {
          name: 'Code presence by code',
          columns: [text('Code'), num('Documents, both'), num(`Only ${a}`), num(`Only ${b}`), num('Neither'), num('% agreement'), num('κ'), num('α')],
          rows: [...report.codes, { codeId: '', ...report.overall }].map((c) => [
            c.codeId ? code(c.codeId) : 'Overall', c.table.both, c.table.onlyA, c.table.onlyB, c.table.neither, figure(c.percent), figure(c.kappa), figure(c.alpha),
          ]),
        },
        about,
      ];
    }
  }
}
