import { esc } from './html';
import type { CodingReport } from './report-model';
import { agreementSection, codebookSection, matricesSection, passagesSection } from './report-sections';
import { reportStyles } from './report-styles';

/**
 * The coding report as one self-contained HTML page. Its Content Security Policy allows no
 * scripts and no requests of any kind, only the inline styles: it reads the same on any
 * computer, offline, and prints to PDF from any browser. Pure.
 */
export function codingReportHtml(report: CodingReport): string {
  const date = report.generatedAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const title = `Coding report: ${report.projectName}`;
  const contents = [
    ['codebook', 'Codebook'],
    ['passages', 'Coded passages'],
    ['matrices', 'Codes × attributes'],
    ['agreement', 'Agreement between coders'],
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Marginalia">
<title>${esc(title)}</title>
<style>${reportStyles(title, `Made with Marginalia on ${date}`)}</style>
</head>
<body>
<header>
<h1>${esc(report.projectName)}</h1>
<p class="subtitle">Coding report, ${esc(date)}</p>
${report.projectDescription.trim() ? `<p class="description">${esc(report.projectDescription)}</p>` : ''}
<ul class="scope">${report.scope.map((line) => `<li>${esc(line)}</li>`).join('')}</ul>
<nav class="contents"><strong>Contents</strong><ol>${contents.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join('')}</ol></nav>
</header>
<main>
${codebookSection(report.codes)}
${passagesSection(report.codes)}
${matricesSection(report.matrices)}
${agreementSection(report)}
</main>
</body>
</html>
`;
}
