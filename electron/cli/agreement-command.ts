import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AgreementMode } from '../../shared/api/contract';
import { agreementTables } from '../../shared/agreement/report-tables';
import type { ReportTable } from '../../shared/agreement/report-tables';
import { computeAgreement } from '../services/agreement/agreement-service';
import { systemDeps } from '../services/deps';
import { agreementSheets } from '../services/export/agreement-sheets';
import { workbookBytes } from '../services/export/workbook';
import { ProjectStore } from '../services/project/project-store';
import { codeIdsNamed, coderIdsNamed, listed } from './project-names';

const modes: Record<string, AgreementMode> = { char: 'character', character: 'character', unitized: 'unitized', segment: 'segment', presence: 'presence' };

function formatCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  return value.startsWith('undefined') ? 'undefined' : value;
}

/** A report table as aligned plain text, undefined figures marked and explained below it. */
export function printTable(table: ReportTable, maxColumns = Infinity): string {
  const rows = [table.columns.map((c) => c.header), ...table.rows.map((r) => r.map(formatCell))].map((r) => r.slice(0, maxColumns));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  const reasons = [...new Set(table.rows.flat().filter((v): v is string => typeof v === 'string' && v.startsWith('undefined: ')))];
  return [table.name, ...lines, ...reasons.map((r) => `  ${r}`)].join('\n');
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
      json: { type: 'boolean' },
      xlsx: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw usageError('expected one project folder');
  const mode = modes[values.mode ?? 'char'];
  if (!mode) throw usageError(`unknown mode "${values.mode}" (choose char, unitized, segment or presence)`);
  const threshold = Number(values.threshold);
  if (!(threshold > 0 && threshold <= 1)) throw usageError('--threshold must be a number above 0 and at most 1');
  const q = values.q === undefined ? null : Number(values.q);
  if (q !== null && !(Number.isInteger(q) && q >= 2)) throw usageError('--q must be a whole number of at least 2');

  const store = await ProjectStore.open(resolve(positionals[0]!), systemDeps, { access: 'read' });
  const { coders, codebook } = store.data;
  const coderNames = listed(values.coders ? [values.coders] : []);
  if (coderNames.length < 2) throw usageError('--coders needs at least two coders, e.g. --coders "Amara Okafor,Tom Reilly"');
  const coderIds = coderIdsNamed(coders, coderNames);
  const codeIds = values.codes ? codeIdsNamed(codebook, listed([values.codes], (v) => codebook.some((c) => c.name === v))) : null;

  const result = computeAgreement(store, { coderIds, codeIds, documentIds: null, attributes: {}, mode, threshold, q });
  const tables = agreementTables(result);
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else if (values.xlsx) {
    const out = resolve(values.xlsx);
    const workbook = await workbookBytes(agreementSheets(tables));
    await writeFile(out, workbook.bytes);
    console.log(`Wrote ${out}${workbook.notes.length ? `\n${workbook.notes.join('\n')}` : ''}`);
  } else {
    console.log(result.description.join('\n'));
    console.log();
    // The terminal gets the pooled figures; --xlsx and --json carry every aggregation and the detail.
    console.log(printTable(tables[0]!, 8));
  }
  return 0;
}
