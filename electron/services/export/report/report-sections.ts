import { plural } from '../../../../shared/text/plural';
import { anchor, esc, safeColor } from './html';
import { PATH_SEPARATOR } from './report-model';
import type { CodingReport, ReportCell, ReportCode, ReportPassage, ReportTableData } from './report-model';

/** The report's sections as HTML. Pure: every user string escaped here, nothing else trusted. */

const DESCRIPTION_FIELDS = [
  ['definition', 'Definition'],
  ['whenToUse', 'When to use'],
  ['whenNotToUse', 'When not to use'],
  ['example', 'Example'],
] as const;

function swatch(color: string): string {
  return `<span class="swatch" style="background:${safeColor(color)}"></span>`;
}

function codeTitle(code: ReportCode): string {
  const parents = code.path.slice(0, -1).map((p) => `<span class="parent">${esc(p)}${PATH_SEPARATOR}</span>`).join('');
  return `${swatch(code.color)}<span>${parents}${esc(code.path[code.path.length - 1]!)}</span>`;
}

export function codebookSection(codes: readonly ReportCode[]): string {
  const entries = codes.map((code) => {
    const fields = DESCRIPTION_FIELDS.filter(([key]) => code.description[key].trim() !== '')
      .map(([key, label]) => `<dt>${label}</dt><dd>${esc(code.description[key])}</dd>`)
      .join('');
    const memos = code.memos.map((m) => `<p class="memo"><span class="label">Memo</span> ${esc(m)}</p>`).join('');
    const kind = code.codable ? `<a class="count" href="#${anchor('code', code.id)}">${plural(code.passages.length, 'passage')}</a>` : '<span class="count">folder</span>';
    return `<article class="code-def" style="margin-left:${Math.min(code.path.length - 1, 6) * 1.2}em">
<h3>${codeTitle(code)} ${kind}</h3>
${fields ? `<dl>${fields}</dl>` : '<p class="none">No definition written.</p>'}${memos}
</article>`;
  });
  return `<section id="codebook"><h2>Codebook</h2>\n${entries.join('\n') || '<p class="none">The codebook is empty.</p>'}\n</section>`;
}

function passageHtml(p: ReportPassage, color: string): string {
  // Labelled, so that a passage without a speaker cannot be read as spoken by its coder.
  const speakers = p.speakers.length > 0 ? `${p.speakers.length > 1 ? 'Speakers' : 'Speaker'}: ${p.speakers.map(esc).join(', ')}` : null;
  const where = [esc(p.document), speakers, `Coder: ${esc(p.coder)}`, `characters ${p.start}–${p.end}`].filter(Boolean).join(' · ');
  const memo = p.memo ? `<p class="memo"><span class="label">Memo</span> ${esc(p.memo)}</p>` : '';
  return `<blockquote class="passage" style="border-left-color:${safeColor(color)}"><p class="quote">${esc(p.text)}</p><p class="meta">${where}</p>${memo}</blockquote>`;
}

export function passagesSection(codes: readonly ReportCode[]): string {
  const parts = codes
    .filter((code) => code.codable)
    .map(
      (code) => `<section class="code-passages" id="${anchor('code', code.id)}">
<h3>${codeTitle(code)} <span class="count">${plural(code.passages.length, 'passage')}</span></h3>
${code.passages.map((p) => passageHtml(p, code.color)).join('\n') || '<p class="none">Nothing is coded here.</p>'}
</section>`,
    );
  return `<section id="passages"><h2>Coded passages</h2>\n${parts.join('\n')}\n</section>`;
}

/** Figures come as the text to print (report-agreement.ts): numbers are counts. */
function cellText(value: string | number): string {
  return typeof value === 'string' ? esc(value) : value.toLocaleString('en-GB');
}

/** Code rows printed on one page with the totals under them, so that a Total row never stands alone. */
const KEPT_WITH_TOTALS = 2;

/** A table; an "undefined: reason" cell prints as — with a numbered note giving the reason. */
export function tableHtml(table: ReportTableData): string {
  const reasons: string[] = [];
  const cell = (value: ReportCell, numeric: boolean) => {
    if (value === null) return `<td${numeric ? ' class="num"' : ''}></td>`;
    if (typeof value === 'string' && value.startsWith('undefined: ')) {
      const reason = value.slice('undefined: '.length);
      const n = (reasons.includes(reason) ? reasons.indexOf(reason) : reasons.push(reason) - 1) + 1;
      return `<td class="num undefined">—<sup>${n}</sup></td>`;
    }
    const kind = value === 0 ? 'num zero' : numeric ? 'num' : '';
    return `<td${kind ? ` class="${kind}"` : ''}>${cellText(value)}</td>`;
  };
  const line = (row: ReportCell[], total: boolean) => `<tr${total ? ' class="total"' : ''}>${row.map((v, i) => cell(v, table.columns[i]?.numeric ?? false)).join('')}</tr>`;
  const body = table.rows.map((row) => line(row, false));
  const end = [
    ...body.splice(Math.max(0, body.length - KEPT_WITH_TOTALS)),
    ...table.totals.map((row) => line(row, true)),
    ...(table.note ? [`<tr class="note"><td colspan="${table.columns.length}">${esc(table.note)}</td></tr>`] : []),
  ];
  const head = table.columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${esc(c.header)}</th>`).join('');
  const notes = reasons.length ? `<ol class="notes">${reasons.map((r) => `<li>Undefined: ${esc(r)}</li>`).join('')}</ol>` : '';
  return `<table><caption>${esc(table.caption)}</caption><thead><tr>${head}</tr></thead>${body.length ? `<tbody>\n${body.join('\n')}\n</tbody>` : ''}<tbody class="end">\n${end.join('\n')}\n</tbody></table>${notes}`;
}

export function matricesSection(matrices: readonly ReportTableData[]): string {
  // A landscape page only for tables to fill it.
  if (matrices.length === 0) return '<section id="matrices"><h2>Codes × attributes</h2>\n<p class="none">The project has no text attributes to cross with the codes.</p>\n</section>';
  return `<section id="matrices" class="wide"><h2>Codes × attributes</h2>\n${matrices.map((m) => `<div class="table-block">${tableHtml(m)}</div>`).join('\n')}\n</section>`;
}

export function agreementSection(report: CodingReport): string {
  const { agreement } = report;
  if (!agreement) return `<section id="agreement"><h2>Agreement between coders</h2><p class="none">${esc(report.agreementNote ?? 'No agreement was computed.')}</p></section>`;
  // The methods paragraph (issue 13) goes first when the caller has one; the description of
  // what was compared is printed either way, so the figures never stand without their method.
  const methods = agreement.methods ? `<h3>Methods</h3><p class="methods">${esc(agreement.methods)}</p>` : '';
  const description = agreement.description.map((d) => `<p>${esc(d)}</p>`).join('');
  return `<section id="agreement" class="wide"><h2>Agreement between coders</h2>
${methods}<div class="about">${description}</div>
<div class="table-block">${tableHtml(agreement.table)}</div>
</section>`;
}
