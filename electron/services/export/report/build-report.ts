import { agreementTables } from '../../../../shared/agreement/report-tables';
import type { ReportTable } from '../../../../shared/agreement/report-tables';
import { methodsText } from '../../../../shared/agreement/methods';
import type { AgreementResult } from '../../../../shared/api/contract';
import { codePath } from '../../../../shared/domain/codebook';
import { CONSENSUS_CODER_NAME } from '../../../../shared/operations/consensus-ops';
import { plural } from '../../../../shared/text/plural';
import { agreementRequest, computeAgreement } from '../../agreement/agreement-service';
import type { ProjectStore } from '../../project/project-store';
import { codeByAttributeTable, everything, selectData } from '../coded-data';
import type { ExportSelection, SelectedData, Table } from '../coded-data';
import { codedSegments } from '../coded-segments';
import type { CodedSegmentRow } from '../coded-segments';
import type { CodingReport, ReportAgreement, ReportCode, ReportTableData } from './report-model';

export interface AgreementForReport {
  result: AgreementResult;
  /** The methods paragraph written from the same result (issue 13, shared/agreement), if any. */
  methods?: string | null;
}

export interface CodingReportOptions {
  /** Which codes, documents and coders; everything by default. */
  selection?: ExportSelection;
  /** Attributes to cross with the codes; by default every text attribute. */
  matrixAttributes?: string[];
  /**
   * The agreement to summarise. 'auto' (the default): character-mode agreement between the
   * coders who coded in the selection (the Consensus coder left out), when there are two or
   * more; null: no agreement section.
   */
  agreement?: AgreementForReport | 'auto' | null;
  now?: () => Date;
}

function tableData(caption: string, table: Table | ReportTable): ReportTableData {
  return {
    caption,
    columns: table.columns.map((c) => ({ header: c.header, numeric: c.type === 'number' })),
    rows: table.rows.map((row) => row.map((cell) => (cell === null || typeof cell === 'number' || typeof cell === 'string' ? cell : String(cell)))),
  };
}

function reportCodes(data: SelectedData, rows: CodedSegmentRow[]): ReportCode[] {
  const { codebook } = data.project;
  return data.codes.map((code) => ({
    id: code.id,
    path: codePath(codebook, code.id),
    color: code.color,
    codable: code.codable,
    description: code.description,
    memos: data.memos.filter((m) => m.target.type === 'code' && m.target.id === code.id).map((m) => `${m.author}: ${m.text}`),
    passages: rows
      .filter((r) => r.codeId === code.id)
      .map((r) => ({ document: r.document, speaker: r.speaker, coder: r.coder, start: r.start, end: r.end, text: r.text, memo: r.memo })),
  }));
}

function agreementSection(store: ProjectStore, data: SelectedData, selection: ExportSelection, option: CodingReportOptions['agreement']): { agreement: ReportAgreement | null; note: string | null } {
  if (option === null) return { agreement: null, note: 'Agreement was left out of this report.' };
  let given: AgreementForReport;
  if (option === undefined || option === 'auto') {
    const coding = new Set(data.codings.map((c) => c.coderId));
    const coderIds = data.coders.filter((c) => coding.has(c.id) && c.name !== CONSENSUS_CODER_NAME).map((c) => c.id);
    if (coderIds.length < 2) return { agreement: null, note: 'Fewer than two coders coded this selection: there is no agreement to report.' };
    const result = computeAgreement(store, agreementRequest({ ...selection, coderIds, mode: 'character' }));
    given = { result, methods: methodsText(result).paragraph };
  } else {
    given = option;
  }
  const summary = agreementTables(given.result)[0]!;
  return {
    agreement: { table: tableData(summary.name, summary), description: given.result.description, methods: given.methods ?? null },
    note: null,
  };
}

/** Gathers a coding report from the project: codebook, passages, matrices, agreement. */
export async function buildCodingReport(store: ProjectStore, options: CodingReportOptions = {}): Promise<CodingReport> {
  const selection = options.selection ?? everything;
  const data = selectData(store, selection);
  const rows: CodedSegmentRow[] = [];
  for await (const row of codedSegments(store, data)) rows.push(row);
  const attributes = options.matrixAttributes ?? data.project.attributes.filter((a) => a.type === 'text').map((a) => a.name);
  const matrices = attributes.map((name) =>
    tableData(`Codings per code and ${name} (each coder's codings counted; a code's row excludes its sub-codes)`, codeByAttributeTable(data, name, 'codings')),
  );
  const { agreement, note } = agreementSection(store, data, selection, options.agreement);
  const perCoder = data.coders.map((c) => `${c.name} (${plural(data.codings.filter((x) => x.coderId === c.id).length, 'passage')})`);
  return {
    projectName: data.project.name,
    projectDescription: data.project.description,
    generatedAt: (options.now ?? (() => new Date()))(),
    scope: [
      plural(data.documents.length, 'document'),
      `${plural(data.codes.filter((c) => c.codable).length, 'code')}${data.codes.some((c) => !c.codable) ? ` in ${plural(data.codes.filter((c) => !c.codable).length, 'folder')}` : ''}`,
      `${plural(data.codings.length, 'coded passage')}${perCoder.length ? `: ${perCoder.join(', ')}` : ''}`,
    ],
    codes: reportCodes(data, rows),
    matrices,
    agreement,
    agreementNote: note,
  };
}
