import type { DocumentSummary } from '../../../../shared/api/contract';
import type { AttributeDef } from '../../../../shared/domain/schemas';
import type { MeasureRef } from '../../ui/useWindowedList';
import { formatAttributeValue } from '../documents/attributes';
import styles from './attributeGrid.module.css';

export interface AttributeGridRowProps {
  index: number;
  /** The row's document; undefined while its page is on its way. */
  doc: DocumentSummary | undefined;
  defs: readonly AttributeDef[];
  /** The column of the active cell when it is in this row, else -1. */
  activeCol: number;
  /** The text being edited in the active cell, or null. */
  editing: string | null;
  measure: MeasureRef;
  onPick: (col: number) => void;
  onEdit: (col: number) => void;
  onEditText: (text: string) => void;
  onSave: () => void;
  onCancel: () => void;
}

/** One document's row of the attribute grid: its name (a row header) and a cell per attribute. */
export function AttributeGridRow({ index, doc, defs, activeCol, editing, measure, onPick, onEdit, onEditText, onSave, onCancel }: AttributeGridRowProps) {
  return (
    <tr role="row" ref={measure} data-index={index} aria-rowindex={index + 2} aria-busy={doc ? undefined : true}>
      {[null, ...defs].map((a, c) => {
        const active = c === activeCol;
        const value = a && doc ? doc.attributes[a.name] : undefined;
        const shown = !doc ? '' : a ? (value == null ? '' : formatAttributeValue(a.type, value)) : doc.name;
        return (
          <td
            key={a?.name ?? ''}
            role={a ? 'gridcell' : 'rowheader'}
            data-cell={`${index}:${c}`}
            tabIndex={active && editing === null ? 0 : -1}
            aria-selected={active}
            aria-readonly={a ? undefined : true}
            className={active ? `${styles.gridCell} ${styles.gridCellActive}` : styles.gridCell}
            onClick={() => onPick(c)}
            onDoubleClick={() => a && doc && onEdit(c)}
          >
            {active && editing !== null && a && doc ? (
              <input
                className={styles.gridInput}
                aria-label={`${a.name} of ${doc.name}`}
                type={a.type === 'date' ? 'date' : 'text'}
                inputMode={a.type === 'number' ? 'decimal' : undefined}
                value={editing}
                autoFocus
                onChange={(event) => onEditText(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    onSave();
                  } else if (event.key === 'Escape') {
                    event.preventDefault();
                    event.stopPropagation();
                    onCancel();
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
  );
}
