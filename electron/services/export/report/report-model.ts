import type { CodeDescription } from '../../../../shared/domain/schemas';

/**
 * What a coding report says, gathered from the project (build-report.ts) and written out as
 * HTML (report-html.ts). Plain data: the HTML is built from it alone.
 */

/** How the report writes a code's path, in every section. */
export const PATH_SEPARATOR = ' › ';

export interface ReportPassage {
  document: string;
  /** Everyone whose turn the passage covers, in order; none for a text without speakers. */
  speakers: string[];
  coder: string;
  /** [start, end) in the document's text. */
  start: number;
  end: number;
  text: string;
  /** The coding's memos, joined; another coder's memo is prefixed with their name. */
  memo: string;
}

export interface ReportCode {
  id: string;
  /** Names from the top of the codebook down to this code. */
  path: string[];
  color: string;
  /** False for a folder that groups codes but is not applied to text. */
  codable: boolean;
  description: CodeDescription;
  /** Memos on the code, each "Author: text". */
  memos: string[];
  /** Passages coded at this code itself (not its sub-codes, which have their own). */
  passages: ReportPassage[];
}

export type ReportCell = string | number | null;

/** A table as the report prints it; "undefined: reason" cells print as — with the reason below. */
export interface ReportTableData {
  caption: string;
  columns: { header: string; numeric: boolean }[];
  rows: ReportCell[][];
  /** Total or Overall rows, printed after `rows` and kept on a page with the last of them. */
  totals: ReportCell[][];
  /** What the figures count, printed across the table under its totals. */
  note: string | null;
}

export interface ReportAgreement {
  /** The pooled summary by code, with its Overall row; the full tables are in the Excel export. */
  table: ReportTableData;
  /** What was compared and how, in words (the agreement result's description). */
  description: string[];
  /**
   * The methods paragraph for a write-up (issue 13 builds it in shared/agreement from the same
   * result): printed above the table when given.
   */
  methods: string | null;
}

export interface CodingReport {
  projectName: string;
  projectDescription: string;
  generatedAt: Date;
  /** What the report covers, a line each ("Selection: everything", "17 documents", …). */
  scope: string[];
  /** Every selected code, parents before sub-codes. */
  codes: ReportCode[];
  /** Codes × the values of each chosen attribute. */
  matrices: ReportTableData[];
  agreement: ReportAgreement | null;
  /** Why there is no agreement section, when there is none. */
  agreementNote: string | null;
}
