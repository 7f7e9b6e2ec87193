import type { ReportTable } from '../../../shared/agreement/report-tables';
import type { ColumnSpec, SheetSpec } from './workbook';
import type { CellValue } from './xlsx/xlsx-writer';

/**
 * An agreement report's tables as sheets ready for a write-up: every figure a number in a
 * number format (percent agreement as a percentage, κ and α with three decimals, counts as
 * whole numbers), so it can be charted, sorted and quoted as it stands. A figure that is
 * undefined for the data (nobody coded, one category only…) is an empty cell, never a number
 * that was not there nor text in a numeric column; why it is undefined is said in a last
 * column, "Why undefined", of its row.
 *
 * The tables themselves are the agreement report's (shared/agreement/report-tables.ts); only
 * how they look in a workbook is decided here.
 */

const UNDEFINED = 'undefined: ';
export const WHY_UNDEFINED = 'Why undefined';

const undefinedReason = (value: unknown): string | null => (typeof value === 'string' && value.startsWith(UNDEFINED) ? value.slice(UNDEFINED.length) : null);

/** How a numeric column shows its figures: agreement as a percentage, whole counts as counts, other measures to three decimals. */
function figureType(header: string, values: readonly unknown[]): ColumnSpec['type'] {
  if (header.includes('%')) return 'percent';
  return values.every((v) => typeof v !== 'number' || Number.isInteger(v)) ? 'number' : 'decimal';
}

export function agreementSheet(table: ReportTable): SheetSpec {
  const columns: ColumnSpec[] = table.columns.map((column, c) => {
    if (column.type !== 'number') return { header: column.header, width: column.width ?? 30 };
    const type = figureType(column.header, table.rows.map((row) => row[c]));
    // Wide enough for the header's longest word and a figure such as 100.0 % or -0.123.
    return { header: column.header, width: Math.max(9, column.width ?? 12), type };
  });
  let anyUndefined = false;
  const rows = table.rows.map((row) => {
    // One reason, however many of the row's figures it leaves undefined.
    const reasons = new Map<string, string[]>();
    const cells: CellValue[] = row.map((value, c) => {
      const reason = table.columns[c]?.type === 'number' ? undefinedReason(value) : null;
      if (reason === null) return value;
      reasons.set(reason, [...(reasons.get(reason) ?? []), table.columns[c]!.header]);
      return null;
    });
    if (reasons.size > 0) anyUndefined = true;
    const why = [...reasons].map(([reason, headers]) => `${headers.join(', ')}: ${reason}`).join('\n');
    return [...cells, why || null];
  });
  if (!anyUndefined) return { name: table.name, columns, rows: table.rows };
  return { name: table.name, columns: [...columns, { header: WHY_UNDEFINED, width: 60 }], rows };
}

export function agreementSheets(tables: readonly ReportTable[]): SheetSpec[] {
  return tables.map(agreementSheet);
}
