import { methodsText } from '../../../../shared/agreement/methods';
import type { AgreementResult } from '../../../../shared/api/contract';
import { codePath } from '../../../../shared/domain/codebook';
import { countingStatement } from '../../../../shared/export/matrices';
import { CONSENSUS_CODER_NAME } from '../../../../shared/operations/consensus-ops';
import { plural } from '../../../../shared/text/plural';
import { agreementRequest, computeAgreement } from '../../agreement/agreement-service';
import type { ProjectStore } from '../../project/project-store';
import { codeByAttributeTable, everything, selectData } from '../coded-data';
import type { ExportSelection, SelectedData } from '../coded-data';
import { agreementSummary } from './report-agreement';
import { PATH_SEPARATOR } from './report-model';
import type { CodingReport, ReportAgreement, ReportCell, ReportCode, ReportPassage, ReportTableData } from './report-model';
import { passagesByCode } from './report-passages';
import { selectionLine } from './report-selection';

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

/**
 * Passages per code and value of an attribute. Counted as the workbook counts by default:
 * distinct passages, so the total is below the number of codings listed when coders overlap.
 */
function matrix(data: SelectedData, attribute: string): ReportTableData {
  const table = codeByAttributeTable(data, attribute, 'codings');
  // Its rows: one per selected code, in order; then the total; then the counting statement.
  const cells = table.rows.map((row) => row.map((cell): ReportCell => (cell === null || typeof cell === 'number' || typeof cell === 'string' ? cell : String(cell))));
  const codes = data.codes.length;
  const total = Number(cells[codes]!.at(-1));
  const listed = data.codings.length;
  const comparison = total === listed ? '' : ` So the total, ${total.toLocaleString('en-GB')}, is less than the ${listed.toLocaleString('en-GB')} codings under Coded passages, where each coder's coding is listed on its own.`;
  return {
    caption: `Passages per code and ${attribute}: distinct passages, so several coders' codings of the same text count once; a code's row leaves out its sub-codes`,
    columns: table.columns.map((c) => ({ header: c.header, numeric: c.type === 'number' })),
    rows: data.codes.map((code, r) => [codePath(data.project.codebook, code.id).join(PATH_SEPARATOR), ...cells[r]!.slice(1)]),
    totals: [['Total distinct passages', ...cells[codes]!.slice(1)]],
    note: `${countingStatement('distinct')}${comparison}`,
  };
}

function reportCodes(data: SelectedData, passages: ReadonlyMap<string, ReportPassage[]>): ReportCode[] {
  const { codebook } = data.project;
  return data.codes.map((code) => ({
    id: code.id,
    path: codePath(codebook, code.id),
    color: code.color,
    codable: code.codable,
    description: code.description,
    memos: data.memos.filter((m) => m.target.type === 'code' && m.target.id === code.id).map((m) => `${m.author}: ${m.text}`),
    passages: passages.get(code.id) ?? [],
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
  return {
    agreement: { table: agreementSummary(given.result), description: given.result.description, methods: given.methods ?? null },
    note: null,
  };
}

/** Gathers a coding report from the project: codebook, passages, matrices, agreement. */
export async function buildCodingReport(store: ProjectStore, options: CodingReportOptions = {}): Promise<CodingReport> {
  const selection = options.selection ?? everything;
  const data = selectData(store, selection);
  const passages = await passagesByCode(store, data);
  const attributes = options.matrixAttributes ?? data.project.attributes.filter((a) => a.type === 'text').map((a) => a.name);
  const { agreement, note } = agreementSection(store, data, selection, options.agreement);
  const perCoder = data.coders.map((c) => `${c.name} (${plural(data.codings.filter((x) => x.coderId === c.id).length, 'passage')})`);
  return {
    projectName: data.project.name,
    projectDescription: data.project.description,
    generatedAt: (options.now ?? (() => new Date()))(),
    scope: [
      selectionLine(data.project, selection),
      plural(data.documents.length, 'document'),
      `${plural(data.codes.filter((c) => c.codable).length, 'code')}${data.codes.some((c) => !c.codable) ? ` in ${plural(data.codes.filter((c) => !c.codable).length, 'folder')}` : ''}`,
      `${plural(data.codings.length, 'coded passage')}${perCoder.length ? `: ${perCoder.join(', ')}` : ''}`,
    ],
    codes: reportCodes(data, passages),
    matrices: attributes.map((name) => matrix(data, name)),
    agreement,
    agreementNote: note,
  };
}
