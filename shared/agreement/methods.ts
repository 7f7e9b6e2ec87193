import type { AgreementResult } from '../api/views';
import { plural } from '../text/plural';
import { formatFigure, formatInterval } from './format';
import { buildTable } from './table-model';
import type { CellValue, Column, TableModel } from './table-model';

/**
 * A methods paragraph for the write-up, built from the same report and table model the view
 * and the files show, so the numbers in the text are the numbers in the table. Plain text
 * and a reference list, for the CLI (`agreement --methods`), the clipboard or an HTML report.
 */
export interface MethodsText {
  paragraph: string;
  /** The works cited in the paragraph, alphabetical, APA style. */
  references: string[];
}

const WORKS = {
  'Brennan & Prediger, 1981': 'Brennan, R. L., & Prediger, D. J. (1981). Coefficient kappa: Some uses, misuses, and alternatives. Educational and Psychological Measurement, 41(3), 687–699.',
  'Cohen, 1960': 'Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological Measurement, 20(1), 37–46.',
  'Efron & Tibshirani, 1993': 'Efron, B., & Tibshirani, R. J. (1993). An introduction to the bootstrap. Chapman & Hall.',
  'Fleiss, 1971': 'Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin, 76(5), 378–382.',
  'Hayes & Krippendorff, 2007': 'Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability measure for coding data. Communication Methods and Measures, 1(1), 77–89.',
  'Krippendorff, 1995': 'Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological Methodology, 25, 47–76.',
  'Krippendorff, 2004': 'Krippendorff, K. (2004). Content analysis: An introduction to its methodology (2nd ed.). Sage.',
  'Krippendorff, 2004b': 'Krippendorff, K. (2004). Measuring the reliability of qualitative text analysis data. Quality & Quantity, 38, 787–800.',
  'Krippendorff, 2019': 'Krippendorff, K. (2019). Content analysis: An introduction to its methodology (4th ed.). Sage.',
  'Landis & Koch, 1977': 'Landis, J. R., & Koch, G. G. (1977). The measurement of observer agreement for categorical data. Biometrics, 33(1), 159–174.',
} as const;
type Work = keyof typeof WORKS;

function names(list: string[]): string {
  return list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

const SYMBOLS: Record<string, string> = { kappa: 'κ', alpha: 'α', fleiss: "Fleiss' κ", kappaN: 'κ_n', alphaU: 'α_U', percent: 'percent agreement' };

/** "κ = 0.612 (95 % CI 0.550–0.670)" or "κ undefined". */
function statement(symbol: string, cell: CellValue | undefined): string | null {
  if (cell?.kind !== 'measure') return null;
  if (!cell.value.defined) return `${symbol} was undefined (${cell.value.reason})`;
  const interval = formatInterval(cell.interval);
  return `${symbol} = ${formatFigure(cell.value.value, cell.format)}${interval ? ` (${interval})` : ''}`;
}

/** "κ ranged from 0.123 (Stigma) to 0.954 (Housing); undefined for 3 codes". */
function range(model: TableModel, column: Column): string | null {
  const symbol = SYMBOLS[column.id.split(':')[0]!] ?? column.label;
  const defined = model.rows.flatMap((r) => {
    const c = r.cells[column.id];
    return c?.kind === 'measure' && c.value.defined ? [{ name: r.name, value: c.value.value }] : [];
  });
  const undefinedCount = model.rows.length - defined.length;
  const missing = undefinedCount > 0 ? `; it was undefined for ${plural(undefinedCount, 'code')}, which lacked the variation it needs` : '';
  if (defined.length === 0) return `${symbol} was undefined for every code`;
  if (defined.length === 1) return `${symbol} was ${formatFigure(defined[0]!.value, 'coefficient')} for the one code where it was defined (${defined[0]!.name})${missing}`;
  const low = defined.reduce((a, b) => (b.value < a.value ? b : a));
  const high = defined.reduce((a, b) => (b.value > a.value ? b : a));
  return `${symbol} ranged from ${formatFigure(low.value, 'coefficient')} (${low.name}) to ${formatFigure(high.value, 'coefficient')} (${high.name})${missing}`;
}

export function methodsText(result: AgreementResult, model: TableModel = buildTable(result)): MethodsText {
  const { report, settings, scope } = result;
  const cited = new Set<Work>();
  const cite = (...works: Work[]) => {
    works.forEach((w) => cited.add(w));
    // Krippendorff's two 2004 works are never cited together (the criteria cite the 2019 edition).
    return `(${works.map((w) => w.replace(/b$/, '')).join('; ')})`;
  };
  const coders = result.coders.map((c) => c.name);
  const sentences: string[] = [];

  const left = scope.leftOut.map((l) => `${plural(l.documents.length, 'document')} ${l.reason}`);
  const rule = scope.rule === 'done' ? 'every coder had marked as done' : scope.rule === 'coded' ? 'every coder had coded at least once' : 'chosen, whether or not every coder had worked on them';
  sentences.push(
    `Inter-coder agreement ${coders.length === 2 ? `between ${names(coders)}` : `among ${coders.length} coders (${names(coders)})`} was assessed with Marginalia on ${plural(result.documents.length, 'document')} (those ${rule}${left.length ? `; left out: ${left.join(', ')}` : ''}) and ${plural(result.codes.length, 'code')}.`,
  );

  const measureColumns = model.columns.filter((c) => c.kind === 'measure');
  switch (report.mode) {
    case 'character':
      sentences.push(
        `Each code was treated as a yes/no decision for every character of each document, as in NVivo's coding comparison; we report percent agreement, Cohen's κ ${cite('Cohen, 1960')} and Krippendorff's α for nominal data ${cite('Krippendorff, 2004', 'Krippendorff, 2019')}, computed on the character tables pooled over documents.`,
      );
      break;
    case 'character-multi':
      sentences.push(
        `Each code was treated as a yes/no decision for every character, by each coder; we report Fleiss' κ ${cite('Fleiss, 1971')} and Krippendorff's α for nominal data ${cite('Krippendorff, 2004', 'Krippendorff, 2019')} on characters pooled over documents, and Cohen's κ for each pair of coders ${cite('Cohen, 1960')}.`,
      );
      break;
    case 'unitized':
      sentences.push(
        `Agreement on where coded passages begin and end was measured with Krippendorff's unitized α_U ${cite('Krippendorff, 1995', 'Krippendorff, 2004b')}, per code, the documents laid end to end as one continuum.`,
      );
      break;
    case 'segment':
      sentences.push(
        `Coded segments were compared as in MAXQDA: a segment agreed when the other coder applied the same code to a segment overlapping it by at least ${Math.round(report.threshold * 100)} % of their combined extent; we report percent agreement and Brennan and Prediger's κ_n with q = ${report.q} ${cite('Brennan & Prediger, 1981')}.`,
      );
      break;
    case 'presence':
      sentences.push(
        `For each code and document we recorded whether each coder applied the code at all (code presence); we report percent agreement, Cohen's κ ${cite('Cohen, 1960')} and Krippendorff's α for nominal data ${cite('Krippendorff, 2004', 'Krippendorff, 2019')} over documents.`,
      );
      break;
  }

  const overall = measureColumns.map((c) => statement(SYMBOLS[c.id.split(':')[0]!] ?? c.label, model.overall.cells[c.id])).filter((s): s is string => s !== null);
  if (overall.length) sentences.push(`Over all codes, ${names(overall)}.`);
  const ranges = measureColumns.filter((c) => c.id !== 'percent').map((c) => range(model, c)).filter((s): s is string => s !== null);
  if (ranges.length && model.rows.length > 1) sentences.push(`Per code, ${ranges.join('; ')}.`);

  const judged = measureColumns.find((c) => c.id === 'alpha') ?? measureColumns.find((c) => c.id === model.primary);
  if (judged && model.rows.length > 0) {
    const symbol = SYMBOLS[judged.id] ?? judged.label;
    const met = model.rows.filter((r) => {
      const c = r.cells[judged.id];
      return c?.kind === 'measure' && c.value.defined && !c.belowMinimum;
    }).length;
    const scheme = settings.bands === 'landis-koch' ? `Figures were labelled after Landis and Koch ${cite('Landis & Koch, 1977')}` : `Figures were read against Krippendorff's criteria ${cite('Krippendorff, 2019')}: 0.800 or more reliable, 0.667 to 0.800 tentative`;
    sentences.push(`${scheme}; ${met} of ${plural(model.rows.length, 'code')} reached ${symbol} ≥ ${formatFigure(settings.minimum, 'coefficient')}.`);
  }
  const alphaInterval = model.overall.cells.alpha?.kind === 'measure' ? model.overall.cells.alpha.interval : undefined;
  if (settings.resampling) {
    const q = alphaInterval?.defined && alphaInterval.belowMinimum !== null ? `, and the probability that α falls below ${formatFigure(settings.minimum, 'coefficient')} as the share of resampled α below it ${cite('Hayes & Krippendorff, 2007')}: ${formatFigure(alphaInterval.belowMinimum, 'coefficient')} overall` : '';
    sentences.push(
      `Confidence intervals are 95 % percentile bootstrap intervals from ${plural(settings.resampling.samples, 'resample')} of the documents ${cite('Efron & Tibshirani, 1993')} with seed ${settings.resampling.seed}${q}.`,
    );
  }
  return { paragraph: sentences.join(' '), references: [...cited].sort().map((w) => WORKS[w]) };
}
