import { useEffect, useRef, useState } from 'react';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import type { DocumentSort } from '../../../../shared/api/contract';
import type { AttributeDef } from '../../../../shared/domain/schemas';
import { EmptyState } from '../../ui/EmptyState';
import { WindowSpacerRow } from '../../ui/WindowSpacer';
import { useChanges, useProject } from '../workbench/state/contexts';
import { AttributeGridRow } from './AttributeGridRow';
import { gridMove, pastedColumn, pastedLines } from './attributeGrid';
import { parseAttributeInput, valueForInput } from './attributeInput';
import { ROW_ESTIMATE, useGridRows } from './useGridRows';
import styles from './attributeGrid.module.css';

/** Rows a Page key moves when the grid has not been measured yet. */
const PAGE_ROWS = 10;

/**
 * Document attributes as a grid: documents as rows, attributes as columns (role=grid). Arrows
 * move between cells, Home/End along the row (with Ctrl to the first or last document), Page
 * keys a screenful; Enter or F2 edits one (Enter saves, Escape leaves it as it was); Delete
 * empties it; a column pasted from a spreadsheet fills down from the cell in one undoable step.
 * A column header sorts by it (the backend sorts). Rows come a page at a time (useGridRows):
 * only those near the viewport are in the DOM, each saying where it stands (aria-rowindex of
 * aria-rowcount), and the row with focus is always rendered.
 */
export function AttributeGrid() {
  const { project } = useProject();
  const { change, showError } = useChanges();
  const [sort, setSort] = useState<DocumentSort | undefined>(undefined);
  const [at, setAt] = useState({ row: 0, col: 1 });
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  /** Set when a key or an edit moves focus: the cell is focused once it has been rendered. */
  const focusWanted = useRef(false);
  const defs = project.attributes;
  const grid = useGridRows(sort, at.row);
  const { total, rowAt } = grid;
  const row = Math.max(0, Math.min(at.row, total - 1));
  const col = Math.min(at.col, defs.length);
  useEffect(() => {
    if (!focusWanted.current) return;
    const cell = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`);
    if (!cell) return;
    focusWanted.current = false;
    cell.focus();
  });
  if (defs.length === 0 || total === 0) {
    return <EmptyState title="No attributes to edit">Define attributes (in the reader’s Attributes section) and import documents first.</EmptyState>;
  }
  const def: AttributeDef | undefined = defs[col - 1];
  const doc = rowAt(row);

  const focusCell = (r: number, c: number) => {
    setAt({ row: r, col: c });
    focusWanted.current = true;
    grid.scrollToIndex(r);
  };

  async function save(text: string) {
    if (!def || !doc) return;
    const parsed = parseAttributeInput(def.type, text);
    if (!parsed.ok) return setProblem(`${def.name} of “${doc.name}”: ${parsed.message}`);
    setProblem(null);
    setEditing(null);
    focusCell(row, col);
    if (parsed.value !== (doc.attributes[def.name] ?? null)) await change('document.setAttribute', { documentId: doc.id, name: def.name, value: parsed.value });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (editing !== null) return;
    const screenful = scrollRef.current ? Math.floor(scrollRef.current.clientHeight / ROW_ESTIMATE) - 2 : PAGE_ROWS;
    const to = gridMove(event.key, event.ctrlKey || event.metaKey, { row, col }, total, defs.length + 1, Math.max(1, screenful));
    if (to) {
      event.preventDefault();
      focusCell(to.row, to.col);
    } else if ((event.key === 'Enter' || event.key === 'F2') && def && doc) {
      event.preventDefault();
      setEditing(valueForInput(def.type, doc.attributes[def.name]));
    } else if (event.key === 'Delete' && def && doc && doc.attributes[def.name] !== undefined) {
      event.preventDefault();
      void change('document.setAttribute', { documentId: doc.id, name: def.name, value: null });
    }
  }

  async function onPaste(event: ClipboardEvent<HTMLTableElement>) {
    if (editing !== null || !def) return;
    event.preventDefault();
    const lines = pastedLines(event.clipboardData.getData('text/plain'));
    try {
      // The rows below may never have been sent: the backend says which documents they are.
      const rows = lines.length <= total - row ? await grid.fetchRows(row, lines.length) : [];
      const pasted = rows ? pastedColumn(lines, def, rows, total - row) : { ok: false as const, message: 'The documents changed while pasting. Nothing was pasted: paste again.' };
      if (!pasted.ok) return setProblem(pasted.message);
      setProblem(null);
      await change('attribute.setColumn', { name: def.name, values: pasted.values });
    } catch (err) {
      showError(err);
    }
  }

  const header = (name: string, attribute: string | null, index: number) => {
    const sorted = sort && sort.attribute === attribute ? (sort.descending ? 'descending' : 'ascending') : 'none';
    return (
      <th key={index} role="columnheader" aria-sort={sorted} className={styles.gridHeader}>
        <button type="button" className={styles.gridSort} onClick={() => setSort({ attribute, descending: sorted === 'ascending' })}>
          {name}
          <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span>
        </button>
      </th>
    );
  };

  const rows = [];
  for (let r = grid.first; r <= grid.last; r++) {
    const rowDoc = rowAt(r);
    rows.push(
      <AttributeGridRow
        // Keyed by place, not document: the focused cell stays the same element when its page arrives.
        key={r}
        index={r}
        doc={rowDoc}
        defs={defs}
        activeCol={r === row ? col : -1}
        editing={r === row ? editing : null}
        measure={grid.measure}
        onPick={(c) => setAt({ row: r, col: c })}
        onEdit={(c) => {
          const a = defs[c - 1];
          if (!a || !rowDoc) return;
          setAt({ row: r, col: c });
          setEditing(valueForInput(a.type, rowDoc.attributes[a.name]));
        }}
        onEditText={setEditing}
        onSave={() => void save(editing ?? '')}
        onCancel={() => {
          setEditing(null);
          setProblem(null);
          focusCell(r, col);
        }}
      />,
    );
  }

  return (
    <div className={styles.gridView}>
      <p className={styles.gridHelp} id="attribute-grid-help">
        Arrows move (Home and End along the row, with Ctrl to the first or last document); Enter or F2 edits a cell, Enter saves, Escape cancels; Delete empties it. Paste a column from a
        spreadsheet to fill down from the cell. Each edit or paste can be undone.
      </p>
      {problem ? (
        <p role="alert" className={styles.gridProblem}>
          {problem}
        </p>
      ) : null}
      <div
        ref={(el) => {
          scrollRef.current = el;
          grid.setScroller(el);
        }}
        onScroll={grid.onScroll}
        className={styles.gridScroll}
      >
        <table
          ref={gridRef}
          role="grid"
          aria-label="Document attributes"
          aria-describedby="attribute-grid-help"
          aria-rowcount={total + 1}
          className={styles.grid}
          onKeyDown={onKeyDown}
          onPaste={(event) => void onPaste(event)}
        >
          <thead>
            <tr role="row" aria-rowindex={1}>
              {[header('Document', null, 0), ...defs.map((d, i) => header(d.name, d.name, i + 1))]}
            </tr>
          </thead>
          <tbody>
            <WindowSpacerRow height={grid.padTop} columns={defs.length + 1} />
            {rows}
            <WindowSpacerRow height={grid.padBottom} columns={defs.length + 1} />
          </tbody>
        </table>
      </div>
    </div>
  );
}
