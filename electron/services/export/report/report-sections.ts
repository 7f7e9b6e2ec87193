import { plural } from '../../../../shared/text/plural';
import { anchor, esc, safeColor } from './html';
import type { CodingReport, ReportCode, ReportPassage, ReportTableData } from './report-model';

/** The report's sections as HTML. Pure: every user string escaped here, nothing else trusted. */

const PATH = ' › ';
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
  const parents = code.path.slice(0, -1).map((p) => `<span class="parent">${esc(p)}${PATH}</span>`).join('');
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
  const where = [esc(p.document), p.speaker ? esc(p.speaker) : null, esc(p.coder), `characters ${p.start}–${p.end}`].filter(Boolean).join(' · ');
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

function cellText(value: string | number): string {
  if (typeof value === 'string') return esc(value);
  return Number.isInteger(value) ? value.toLocaleString('en-GB') : value.toFixed(3);
}

/** A table; an "undefined: reason" cell prints as — with a numbered note giving the reason. */
export function tableHtml(table: ReportTableData): string {
  const reasons: string[] = [];
  const cell = (value: string | number | null, numeric: boolean) => {
    if (value === null) return `<td${numeric ? ' class="num"' : ''}></td>`;
    if (typeof value === 'string' && value.startsWith('undefined: ')) {
      const reason = value.slice('undefined: '.length);
      const n = (reasons.includes(reason) ? reasons.indexOf(reason) : reasons.push(reason) - 1) + 1;
      return `<td class="num undefined">—<sup>${n}</sup></td>`;
    }
    const kind = value === 0 ? 'num zero' : numeric ? 'num' : '';
    return `<td${kind ? ` class="${kind}"` : ''}>${cellText(value)}</td>`;
  };
  const head = table.columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${esc(c.header)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const total = typeof row[0] === 'string' && /^(Total|Overall|Documents with)/.test(row[0]);
      return `<tr${total ? ' class="total"' : ''}>${row.map((v, i) => cell(v, table.columns[i]?.numeric ?? false)).join('')}</tr>`;
    })
    .join('\n');
  const notes = reasons.length ? `<ol class="notes">${reasons.map((r) => `<li>Undefined: ${esc(r)}</li>`).join('')}</ol>` : '';
  return `<table><caption>${esc(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${notes}`;
}

export function matricesSection(matrices: readonly ReportTableData[]): string {
  const body = matrices.map((m) => `<div class="table-block">${tableHtml(m)}</div>`).join('\n') || '<p class="none">The project has no text attributes to cross with the codes.</p>';
  return `<section id="matrices" class="wide"><h2>Codes × attributes</h2>\n${body}\n</section>`;
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
