import { useMemo } from 'react';
import type { Code } from '../../../../shared/domain/schemas';
import { CodeGlyph } from '../codebook/CodeGlyph';
import { treeRows } from '../analysis/analysisModel';
import { tickState, toggleCodeSubtree } from './exportOptions';
import styles from './export.module.css';

export interface CodeChecklistProps {
  codebook: readonly Code[];
  ticked: readonly string[];
  onChange: (ticked: string[]) => void;
  disabled?: boolean;
}

/**
 * The codebook as a list of tick boxes, indented as the tree: ticking a code ticks its whole
 * subtree; a code with only some sub-codes ticked shows a mixed box.
 */
export function CodeChecklist({ codebook, ticked, onChange, disabled }: CodeChecklistProps) {
  const rows = useMemo(() => treeRows(codebook), [codebook]);
  return (
    <ul className={styles.codeChecklist} aria-label="Codes to export">
      {rows.map((row) => {
        const state = tickState(codebook, ticked, row.id);
        return (
          <li key={row.id} style={{ paddingLeft: row.depth * 18 }}>
            <label className={styles.codeChecklistItem}>
              <input
                type="checkbox"
                checked={state === 'on'}
                disabled={disabled}
                ref={(el) => {
                  if (el) el.indeterminate = state === 'mixed';
                }}
                onChange={(event) => onChange(toggleCodeSubtree(codebook, ticked, row.id, event.target.checked))}
              />
              <CodeGlyph color={row.color} folder={row.folder} />
              <span>{row.name}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
