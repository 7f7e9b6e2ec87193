import { cssString } from './html';

/**
 * The report's only styles, inline in the page. On screen: one readable column. In print:
 * A4 with the project's name at the top of every page and "Page n of m" at the bottom; each
 * section on a new page, wide tables on landscape pages, no passage or table row split, a
 * table's totals kept with its last rows.
 * System fonts only: nothing is fetched.
 */
export function reportStyles(header: string, footer: string): string {
  return `
:root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --tint: #f6f8fa; }
* { box-sizing: border-box; }
html { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 62rem; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 .2em; }
h2 { font-size: 1.4em; border-bottom: 2px solid var(--ink); padding-bottom: .15em; margin: 2.2em 0 .8em; }
h3 { font-size: 1.05em; margin: 1.4em 0 .5em; }
h3 .parent { color: var(--muted); font-weight: normal; }
.count { font-weight: normal; color: var(--muted); font-size: .85em; margin-left: .4em; white-space: nowrap; }
a { color: #0b57a4; }
.subtitle { color: var(--muted); margin: 0 0 1.2em; }
.description { max-width: 46em; }
.scope { margin: 1em 0; padding: 0; list-style: none; }
.scope li { margin: .1em 0; }
.contents ol { padding-left: 1.2em; }
.swatch { display: inline-block; width: .75em; height: .75em; border-radius: 2px; margin-right: .45em; vertical-align: baseline; }
.code-def dl { display: grid; grid-template-columns: 9em 1fr; gap: .2em .8em; margin: 0 0 .4em; }
.code-def dt { color: var(--muted); }
.code-def dd { margin: 0; white-space: pre-wrap; }
.none { color: var(--muted); font-style: italic; }
.passage { margin: 0 0 .8em; padding: .45em .8em; border-left: 4px solid var(--rule); background: var(--tint); }
.quote { margin: 0 0 .25em; font-family: Georgia, "Times New Roman", serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; font-size: 1.05em; white-space: pre-wrap; overflow-wrap: anywhere; }
.meta { margin: 0; color: var(--muted); font-size: .85em; }
.memo { margin: .3em 0 0; font-size: .9em; white-space: pre-wrap; }
.label { font-size: .75em; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin-right: .3em; }
.table-block { margin: 0 0 1.6em; overflow-x: auto; }
table { border-collapse: collapse; font-size: .82em; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0 0 .4em; }
th, td { border: 1px solid var(--rule); padding: .2em .4em; vertical-align: top; }
th { background: #eef1f4; text-align: left; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
th:first-child, tr:not(.note) > td:first-child { min-width: 13em; }
.zero { color: #b1b8c0; }
tr.total td { font-weight: 600; background: var(--tint); }
tr.note td { color: var(--muted); font-size: .95em; }
.undefined { color: var(--muted); }
.notes { font-size: .8em; color: var(--muted); margin: .4em 0 0; padding-left: 1.4em; }
.methods, .about p { max-width: 46em; }
thead { display: table-header-group; }

@page {
  size: A4;
  margin: 18mm 15mm 17mm;
  @top-left { content: ${cssString(header)}; font: 8pt system-ui, sans-serif; color: #57606a; }
  @bottom-left { content: ${cssString(footer)}; font: 8pt system-ui, sans-serif; color: #57606a; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #57606a; }
}
@page wide { size: A4 landscape; }

@media print {
  html { font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  h2 { break-before: page; margin-top: 0; }
  h2, h3, caption { break-after: avoid; }
  /* A table that fits on a page is printed on one. */
  .passage, .code-def, .table-block, tr, tbody.end { break-inside: avoid; }
  .wide { page: wide; }
  .table-block { overflow: visible; }
  table { font-size: .78em; }
  /*
   * Paper does not scroll: a wide table's columns share the page's width, each as wide as its
   * longest word (headings wrap between words only); the code column wide enough for a path.
   */
  .wide table { font-size: .7em; }
  .wide th, .wide td { padding-left: .25em; padding-right: .25em; }
  .wide th { hyphens: manual; overflow-wrap: normal; word-break: normal; }
  .wide th:first-child, .wide tr:not(.note) > td:first-child { min-width: 19em; }
}
`;
}
