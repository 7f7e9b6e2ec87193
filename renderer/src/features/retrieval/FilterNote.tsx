import type { AttributeFilter, ProjectSnapshot } from '../../../../shared/api/contract';
import { Button } from '../../ui/Button';
import { describeFilter } from '../documents/attributeFilter';
import styles from './retrieval.module.css';


/** Says which documents a retrieval view is limited to by the attribute (and set) filter, with a way out. */
export function FilterNote({ filter, project, onClear }: { filter: AttributeFilter; project: Pick<ProjectSnapshot, 'attributes' | 'sets'>; onClear: () => void }) {
  const parts = describeFilter(filter, project);
  if (parts.length === 0) return null;
  return (
    <p className={styles.retrievalFilter}>
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <path d="M2.5 3.5h11l-4.25 5v4l-2.5 1v-5z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      </svg>
      <span>
        Only documents where{' '}
        {parts.map((p, i) => (
          <span key={p.name}>
            {i > 0 ? ' and ' : null}
            <strong>{p.name}</strong> is {p.values}
          </span>
        ))}
      </span>
      <Button size="sm" variant="ghost" className={styles.retrievalFilterClear} onClick={onClear}>
        Clear filter
      </Button>
    </p>
  );
}
