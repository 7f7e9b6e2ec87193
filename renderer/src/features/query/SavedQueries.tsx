import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { SavedQuery } from '../../../../shared/domain/schemas';
import { Button } from '../../ui/Button';
import uiStyles from '../../ui/ui.module.css';
import viewPage from '../../ui/viewPage.module.css';
import styles from './query.module.css';
import { useChanges } from '../workbench/state/contexts';

/**
 * The project's saved queries: run one again, rename or delete it (each a step the user can
 * undo), and save the query now written under a new name.
 */
export function SavedQueries({ queries, current, onRun }: { queries: readonly SavedQuery[]; current: string; onRun: (query: SavedQuery) => void }) {
  const { change } = useChanges();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const titleId = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || !current) return;
    if (await change('query.save', { name, query: current })) setName('');
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!renaming || !renaming.name.trim()) return;
    if (await change('query.update', { queryId: renaming.id, name: renaming.name })) setRenaming(null);
  }

  return (
    <section className={styles.saved} aria-labelledby={titleId}>
      <h3 className={viewPage.eyebrow} id={titleId}>
        Saved queries
      </h3>
      <form className={styles.savedForm} onSubmit={(e) => void save(e)}>
        <input
          className={uiStyles.fieldInput}
          aria-label="Name for this query"
          placeholder="Name for this query"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
        <Button size="sm" type="submit" disabled={!name.trim() || !current}>
          Save query
        </Button>
      </form>
      {queries.length === 0 ? <p className={styles.savedEmpty}>None yet: write a query, name it and save it to run it again later.</p> : null}
      <ul className={styles.savedList} aria-label="Saved queries">
        {queries.map((q) =>
          renaming?.id === q.id ? (
            <li key={q.id}>
              <form className={styles.savedForm} onSubmit={(e) => void rename(e)}>
                <input
                  className={uiStyles.fieldInput}
                  aria-label={`New name for “${q.name}”`}
                  value={renaming.name}
                  maxLength={200}
                  autoFocus
                  onChange={(e) => setRenaming({ id: q.id, name: e.target.value })}
                  onKeyDown={(e) => {
                    e.stopPropagation();
                    if (e.key === 'Escape') setRenaming(null);
                  }}
                />
                <Button size="sm" type="submit" variant="primary">
                  Rename
                </Button>
                <Button size="sm" onClick={() => setRenaming(null)}>
                  Cancel
                </Button>
              </form>
            </li>
          ) : (
            <li key={q.id} className={styles.savedItem}>
              <button type="button" className={styles.savedRun} title={q.query} aria-label={`Run “${q.name}”`} onClick={() => onRun(q)}>
                <span className={styles.savedName}>{q.name}</span>
                <span className={styles.savedText}>{q.query}</span>
              </button>
              <Button size="sm" aria-label={`Rename “${q.name}”`} onClick={() => setRenaming({ id: q.id, name: q.name })}>
                Rename
              </Button>
              <Button size="sm" aria-label={`Delete “${q.name}”`} onClick={() => void change('query.delete', { queryId: q.id })}>
                Delete
              </Button>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
