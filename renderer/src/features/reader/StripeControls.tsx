import { useMemo } from 'react';
import { plural } from '../../../../shared/text/plural';
import { ChecklistPicker } from '../agreement/ChecklistPicker';
import type { ChecklistItem } from '../agreement/ChecklistPicker';
import { useDocument, useProject } from '../workbench/state/contexts';
import { PATTERNS } from './stripes';
import type { StripeFilter } from './stripes';
import styles from './StripeControls.module.css';
import marginStyles from './StripeMargin.module.css';

export interface StripeControlsProps {
  /** The codes the shown coders used in the document (all of it, not only the stretches loaded). */
  usedCodeIds: ReadonlySet<string>;
  filter: StripeFilter;
  onFilter: (filter: StripeFilter) => void;
}

function summary(checked: readonly string[], items: readonly ChecklistItem[], all: string, noun: string): string {
  if (checked.length === 0) return all;
  if (checked.length === 1) return items.find((i) => i.id === checked[0])?.label ?? all;
  return plural(checked.length, noun);
}

function toggle(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);
}

/**
 * Which stripes the margin shows: a legend of the coders' patterns (when several are shown),
 * and filters by coder and by code. The text's highlights are not filtered: this only thins
 * the margin.
 */
export function StripeControls({ usedCodeIds, filter, onFilter }: StripeControlsProps) {
  const { project } = useProject();
  const { visibleCoderIds } = useDocument();
  const coderItems = useMemo<ChecklistItem[]>(
    () => project.coders.filter((c) => visibleCoderIds.includes(c.id)).map((c) => ({ id: c.id, label: c.name, color: c.color })),
    [project.coders, visibleCoderIds],
  );
  const codeItems = useMemo<ChecklistItem[]>(
    () => project.codebook.filter((c) => usedCodeIds.has(c.id)).map((c) => ({ id: c.id, label: c.name, color: c.color })),
    [usedCodeIds, project.codebook],
  );
  // The same order as the margin's bar slots: a coder's pattern is their place among those shown.
  const patterned = coderItems.filter((c) => filter.coderIds.length === 0 || filter.coderIds.includes(c.id));

  return (
    <div className={styles.stripeControls} role="group" aria-label="Stripes">
      <span className={styles.stripeControlsTitle}>Stripes</span>
      {coderItems.length > 1 ? (
        <>
          <ul className={styles.legend} aria-label="Coder patterns">
            {patterned.map((c, i) => (
              <li key={c.id} className={styles.legendItem}>
                <span className={marginStyles.swatch} data-pattern={i % PATTERNS} style={{ ['--stripe' as string]: 'var(--c-text-secondary)' }} aria-hidden="true" />
                {c.label}
              </li>
            ))}
          </ul>
          <ChecklistPicker
            label="Coders"
            summary={summary(filter.coderIds, coderItems, 'All coders', 'coder')}
            allLabel="All coders"
            items={coderItems}
            checked={new Set(filter.coderIds)}
            onToggle={(id, on) => onFilter({ ...filter, coderIds: toggle(filter.coderIds, id, on) })}
            onClear={() => onFilter({ ...filter, coderIds: [] })}
          />
        </>
      ) : null}
      <ChecklistPicker
        label="Codes"
        summary={summary(filter.codeIds, codeItems, 'All codes', 'code')}
        allLabel="All codes"
        items={codeItems}
        checked={new Set(filter.codeIds)}
        onToggle={(id, on) => onFilter({ ...filter, codeIds: toggle(filter.codeIds, id, on) })}
        onClear={() => onFilter({ ...filter, codeIds: [] })}
      />
    </div>
  );
}
