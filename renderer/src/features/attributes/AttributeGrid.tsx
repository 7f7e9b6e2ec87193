import { useMemo, useRef, useState } from 'react';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import type { AttributeDef } from '../../../../shared/domain/schemas';
import { EmptyState } from '../../ui/EmptyState';
import { QuietLoading } from '../../ui/QuietLoading';
import { formatAttributeValue } from '../documents/attributes';
import { useChanges, useProject } from '../workbench/state/contexts';
import { useAllDocuments } from '../workbench/state/useDocuments';
import { pastedColumn, sortedRows } from './attributeGrid';
import type { GridSort } from './attributeGrid';
import { parseAttributeInput, valueForInput } from './attributeInput';
import styles from './attributeGrid.module.css';

/**
 * Document attributes as a grid: documents as rows, attributes as columns (role=grid). Arrows
 * move between cells; Enter or F2 edits one (Enter saves, Escape leaves it as it was); Delete
 * empties it; a column pasted from a spreadsheet fills down from the cell in one undoable step.
 * A column header sorts by it.
 */
export function AttributeGrid() {
  const { project } = useProject();
  const { change, showError } = useChanges();
  const documents = useAllDocuments(showError);
  const [sort, setSort] = useState<GridSort | null>(null);
  const [at, setAt] = useState({ row: 0, col: 1 });
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const rows = useMemo(() => sortedRows(documents ?? [], sort), [documents, sort]);
  const defs = project.attributes;
  if (documents === null) return <QuietLoading label="Loading the documents…" />;
  if (defs.length === 0 || rows.length === 0) {
    return <EmptyState title="No attributes to edit">Define attributes (in the reader’s Attributes section) and import documents first.</EmptyState>;
  }
  const row = Math.min(at.row, rows.length - 1);
  const col = Math.min(at.col, defs.length);
  const def: AttributeDef | undefined = defs[col - 1];
  const doc = rows[row]!;

  const focusCell = (r: number, c: number) => requestAnimationFrame(() => gridRef.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`)?.focus());
  const move = (r: number, c: number) => {
    const next = { row: Math.max(0, Math.min(rows.length - 1, r)), col: Math.max(0, Math.min(defs.length, c)) };
    setAt(next);
    focusCell(next.row, next.col);
  };

  async function save(text: string) {
    if (!def) return;
    const parsed = parseAttributeInput(def.type, text);
    if (!parsed.ok) return setProblem(`${def.name} of “${doc.name}”: ${parsed.message}`);
    setProblem(null);
    setEditing(null);
    focusCell(row, col);
    if (parsed.value !== (doc.attributes[def.name] ?? null)) await change('document.setAttribute', { documentId: doc.id, name: def.name, value: parsed.value });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (editing !== null) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [row - 1, col], ArrowDown: [row + 1, col], ArrowLeft: [row, col - 1], ArrowRight: [row, col + 1], Home: [row, 0], End: [row, defs.length] };
    const to = moves[event.key];
    if (to) {
      event.preventDefault();
      move(...to);
    } else if ((event.key === 'Enter' || event.key === 'F2') && def) {
      event.preventDefault();
      setEditing(valueForInput(def.type, doc.attributes[def.name]));
    } else if (event.key === 'Delete' && def && doc.attributes[def.name] !== undefined) {
      event.preventDefault();
      void change('document.setAttribute', { documentId: doc.id, name: def.name, value: null });
    }
  }

  function onPaste(event: ClipboardEvent<HTMLTableElement>) {
    if (editing !== null || !def) return;
    event.preventDefault();
    const pasted = pastedColumn(event.clipboardData.getData('text/plain'), def, rows, row);
    if (!pasted.ok) return setProblem(pasted.message);
    setProblem(null);
    void change('attribute.setColumn', { name: def.name, values: pasted.values });
  }

  const header = (name: string, column: string | null, index: number) => {
    const sorted = sort && sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none';
    return (
      <th key={index} role="columnheader" aria-sort={sorted} className={styles.gridHeader}>
        <button type="button" className={styles.gridSort} onClick={() => setSort({ column, descending: sorted === 'ascending' })}>
          {name}
          <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <div className={styles.gridView}>
      <p className={styles.gridHelp} id="attribute-grid-help">
        Arrows move; Enter or F2 edits a cell, Enter saves, Escape cancels; Delete empties it. Paste a column from a spreadsheet to fill down from the cell. Each edit or paste can be undone.
      </p>
      {problem ? (
        <p role="alert" className={styles.gridProblem}>
          {problem}
        </p>
      ) : null}
      <div className={styles.gridScroll}>
        <table ref={gridRef} role="grid" aria-label="Document attributes" aria-describedby="attribute-grid-help" aria-rowcount={rows.length + 1} className={styles.grid} onKeyDown={onKeyDown} onPaste={onPaste}>
          <thead>
            <tr role="row">{[header('Document', null, 0), ...defs.map((d, i) => header(d.name, d.name, i + 1))]}</tr>
          </thead>
          <tbody>
            {rows.map((d, r) => (
              <tr role="row" key={d.id} aria-rowindex={r + 2}>
                {[null, ...defs].map((a, c) => {
                  const active = r === row && c === col;
                  const label = a ? `${a.name} of ${d.name}` : d.name;
                  const shown = a ? (d.attributes[a.name] == null ? '' : formatAttributeValue(a.type, d.attributes[a.name]!)) : d.name;
                  return (
                    <td
                      key={a?.name ?? ''}
                      role={a ? 'gridcell' : 'rowheader'}
                      data-cell={`${r}:${c}`}
                      tabIndex={active && editing === null ? 0 : -1}
                      aria-selected={active}
                      aria-readonly={a ? undefined : true}
                      className={active ? `${styles.gridCell} ${styles.gridCellActive}` : styles.gridCell}
                      onClick={() => setAt({ row: r, col: c })}
                      onDoubleClick={() => a && (setAt({ row: r, col: c }), setEditing(valueForInput(a.type, d.attributes[a.name])))}
                    >
                      {active && editing !== null && a ? (
                        <input
                          className={styles.gridInput}
                          aria-label={label}
                          type={a.type === 'date' ? 'date' : 'text'}
                          inputMode={a.type === 'number' ? 'decimal' : undefined}
                          value={editing}
                          autoFocus
                          onChange={(event) => setEditing(event.target.value)}
                          onKeyDown={(event) => {
                            if (event.key === 'Enter') {
                              event.preventDefault();
                              void save(editing);
                            } else if (event.key === 'Escape') {
                              event.preventDefault();
                              event.stopPropagation();
                              setEditing(null);
                              setProblem(null);
                              focusCell(r, c);
                            }
                          }}
                        />
                      ) : (
                        shown
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
