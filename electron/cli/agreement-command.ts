import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AgreementMode } from '../../shared/api/contract';
import { formatFigure, formatInterval } from '../../shared/agreement/format';
import type { BandScheme } from '../../shared/agreement/interpretation';
import { methodsText } from '../../shared/agreement/methods';
import { summaryTable } from '../../shared/agreement/report-tables';
import type { ReportTable } from '../../shared/agreement/report-tables';
import { buildTable } from '../../shared/agreement/table-model';
import type { TableModel } from '../../shared/agreement/table-model';
import { agreementReportJson, agreementReportTables, agreementRequest, computeAgreement } from '../services/agreement/agreement-service';
import { systemDeps } from '../services/deps';
import { agreementSheets } from '../services/export/agreement-sheets';
import { writeOutputFile } from '../services/export/output-file';
import { writeWorkbook } from '../services/export/workbook';
import { ProjectStore } from '../services/project/project-store';
import { outsideProject } from './output-path';
import { codeIdsNamed, coderIdsNamed, listed } from './project-names';

const modes: Record<string, AgreementMode> = { char: 'character', character: 'character', unitized: 'unitized', segment: 'segment', presence: 'presence' };

function formatCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  return value.startsWith('undefined') ? 'undefined' : value;
}

/** A report table as aligned plain text, undefined figures marked and explained below it. */
export function printTable(table: ReportTable): string {
  const rows = [table.columns.map((c) => c.header), ...table.rows.map((r) => r.map(formatCell))];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  const reasons = [...new Set(table.rows.flat().filter((v): v is string => typeof v === 'string' && v.startsWith('undefined: ')))];
  return [table.name, ...lines, ...reasons.map((r) => `  ${r}`)].join('\n');
}

/** "Overall: κ = 0.612 (95 % CI 0.550–0.670); α = …; P(α < 0.800) = 0.971." */
function overallLine(model: TableModel): string {
  const parts = model.columns
    .filter((c) => c.kind === 'measure')
    .flatMap((c) => {
      const cell = model.overall.cells[c.id];
      if (cell?.kind !== 'measure') return [];
      const value = cell.value.defined ? formatFigure(cell.value.value, cell.format) : 'undefined';
      const interval = formatInterval(cell.interval);
      const below = cell.interval?.defined && cell.interval.belowMinimum !== null ? `; P(${c.label} < ${model.minimum.toFixed(3)}) = ${cell.interval.belowMinimum.toFixed(3)}` : '';
      return [`${c.label} = ${value}${interval ? ` (${interval})` : ''}${cell.band ? `, ${cell.band.label}` : ''}${below}`];
    });
  return `${model.overall.label}: ${parts.join('; ')}.`;
}

export async function agreementCommand(args: string[], usageError: (message: string) => Error): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      coders: { type: 'string' },
      codes: { type: 'string' },
      mode: { type: 'string', default: 'char' },
      threshold: { type: 'string', default: '0.9' },
      q: { type: 'string' },
      'all-documents': { type: 'boolean' },
      minimum: { type: 'string' },
      bands: { type: 'string' },
      samples: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      xlsx: { type: 'string' },
      force: { type: 'boolean' },
      methods: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw usageError('expected one project folder');
  const mode = modes[values.mode ?? 'char'];
  if (!mode) throw usageError(`unknown mode "${values.mode}" (choose char, unitized, segment or presence)`);
  const threshold = Number(values.threshold);
  if (!(threshold > 0 && threshold <= 1)) throw usageError('--threshold must be a number above 0 and at most 1');
  const q = values.q === undefined ? null : Number(values.q);
  if (q !== null && !(Number.isInteger(q) && q >= 2)) throw usageError('--q must be a whole number of at least 2');
  const minimum = values.minimum === undefined ? undefined : Number(values.minimum);
  if (minimum !== undefined && !(minimum >= 0 && minimum <= 1)) throw usageError('--minimum must be a number from 0 to 1');
  if (values.bands !== undefined && values.bands !== 'krippendorff' && values.bands !== 'landis-koch') throw usageError('--bands must be krippendorff or landis-koch');
  const whole = (name: string, raw: string | undefined, max: number) => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!(Number.isInteger(n) && n >= 0 && n <= max)) throw usageError(`--${name} must be a whole number from 0 to ${max}`);
    return n;
  };
  const samples = whole('samples', values.samples, 10_000);
  const seed = whole('seed', values.seed, 2 ** 32 - 1);
  if ([values.json, values.xlsx !== undefined, values.methods].filter(Boolean).length > 1) throw usageError('choose one of --json, --xlsx and --methods');
  if (values.xlsx === '') throw usageError('--xlsx needs a file name');
  if (values.force && values.xlsx === undefined) throw usageError('--force applies to --xlsx only');

  const store = await ProjectStore.open(resolve(positionals[0]!), systemDeps, { access: 'read' });
  const { coders, codebook } = store.data;
  const coderNames = listed(values.coders ? [values.coders] : []);
  if (coderNames.length < 2) throw usageError('--coders needs at least two coders, e.g. --coders "Amara Okafor,Tom Reilly"');
  const coderIds = coderIdsNamed(coders, coderNames);
  const codeIds = values.codes ? codeIdsNamed(codebook, listed([values.codes], (v) => codebook.some((c) => c.name === v))) : null;

  const request = agreementRequest({
    coderIds,
    codeIds,
    documentIds: null,
    attributes: {},
    mode,
    threshold,
    q,
    allDocuments: values['all-documents'] ?? false,
    ...(minimum !== undefined && { minimum }),
    ...(values.bands !== undefined && { bands: values.bands as BandScheme }),
    ...(samples !== undefined && { samples }),
    ...(seed !== undefined && { seed }),
  });
  if (values.json) console.log(agreementReportJson(store, request));
  else if (values.xlsx) {
    const out = await outsideProject(store.dir, values.xlsx);
    const { result: workbook } = await writeOutputFile(out, values.force ?? false, (stream) => writeWorkbook(agreementSheets(agreementReportTables(store, request)), stream));
    console.log(`Wrote ${out}${workbook.notes.length ? `\n${workbook.notes.join('\n')}` : ''}`);
  } else {
    const result = computeAgreement(store, request);
    const model = buildTable(result);
    if (values.methods) {
      const methods = methodsText(result, model);
      console.log([methods.paragraph, '', 'References', ...methods.references].join('\n'));
      return 0;
    }
    console.log(result.description.join('\n'));
    console.log();
    // The terminal gets the pooled figures; --xlsx and --json carry every aggregation, the intervals and the detail.
    const table = summaryTable(result, model);
    const main = table.columns.map((c, i) => (c.header.includes(': ') ? -1 : i)).filter((i) => i >= 0);
    console.log(printTable({ ...table, columns: main.map((i) => table.columns[i]!), rows: table.rows.map((r) => main.map((i) => r[i] ?? null)) }));
    console.log();
    console.log(overallLine(model));
    if (model.belowMinimum.length > 0) console.log(`Below the minimum (${model.minimum.toFixed(3)}): ${model.belowMinimum.map((b) => b.name).join(', ')}.`);
  }
  return 0;
}
