/**
 * The coding report: one self-contained HTML file to hand round. `writeCodingReport(store, file)`
 * is all an export command needs; the pieces are exported for the app's export dialog.
 */
export { buildCodingReport, writeCodingReport } from './build-report';
export type { AgreementForReport, CodingReportOptions } from './build-report';
export { codingReportHtml } from './report-html';
export type { CodingReport } from './report-model';
