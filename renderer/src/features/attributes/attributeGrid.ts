import type { DocumentSummary } from '../../../../shared/api/contract';
import type { AttributeDef, AttributeValue } from '../../../../shared/domain/schemas';
import { parseAttributeInput } from './attributeInput';

/** A column pasted from a spreadsheet: its lines (CRLF or LF, a final newline dropped). */
export function pastedLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

/**
 * Pasted lines (of each, the first tab-separated cell) as values of `def` for `rows`, the
 * documents from the cell down (`remaining` of them in all): the values to set, or the first
 * that is not one of its type. Lines past the last row are reported rather than dropped silently.
 */
export function pastedColumn(
  lines: readonly string[],
  def: AttributeDef,
  rows: readonly DocumentSummary[],
  remaining: number,
): { ok: true; values: { documentId: string; value: AttributeValue }[] } | { ok: false; message: string } {
  if (lines.length > remaining) {
    return { ok: false, message: `${lines.length} values were pasted, but only ${remaining} documents are from this row down.` };
  }
  const values: { documentId: string; value: AttributeValue }[] = [];
  for (const [i, line] of lines.entries()) {
    const parsed = parseAttributeInput(def.type, line.split('\t')[0]!);
    const doc = rows[i]!;
    if (!parsed.ok) return { ok: false, message: `Line ${i + 1} (for “${doc.name}”): ${parsed.message} Nothing was pasted.` };
    values.push({ documentId: doc.id, value: parsed.value });
  }
  return { ok: true, values };
}

/** A cell of the grid: its row (a document) and column (0: the name, then each attribute). */
export interface GridCell {
  row: number;
  col: number;
}

/**
 * Where a key moves the grid's active cell (as in a spreadsheet, and ARIA's grid pattern), or
 * null when the key is not a movement key: arrows one cell; Home and End to the first and last
 * cell of the row, with Ctrl (or Cmd) to the first and last row too; Page keys a screenful of
 * rows. Movement stops at the edges.
 */
export function gridMove(key: string, ctrl: boolean, at: GridCell, rows: number, cols: number, pageRows: number): GridCell | null {
  const clamp = (row: number, col: number) => ({ row: Math.max(0, Math.min(rows - 1, row)), col: Math.max(0, Math.min(cols - 1, col)) });
  switch (key) {
    case 'ArrowUp':
      return clamp(at.row - 1, at.col);
    case 'ArrowDown':
      return clamp(at.row + 1, at.col);
    case 'ArrowLeft':
      return clamp(at.row, at.col - 1);
    case 'ArrowRight':
      return clamp(at.row, at.col + 1);
    case 'Home':
      return clamp(ctrl ? 0 : at.row, 0);
    case 'End':
      return clamp(ctrl ? rows - 1 : at.row, cols - 1);
    case 'PageUp':
      return clamp(at.row - pageRows, at.col);
    case 'PageDown':
      return clamp(at.row + pageRows, at.col);
    default:
      return null;
  }
}
