/**
 * The coding report: one self-contained HTML file to hand round, written as an export job
 * (export-job.ts, format 'report') for `marginalia export --report` and the export dialog.
 */
export { buildCodingReport } from './build-report';
export type { AgreementForReport, CodingReportOptions } from './build-report';
export { codingReportHtml } from './report-html';
export type { CodingReport } from './report-model';
