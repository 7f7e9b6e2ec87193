import { useId } from 'react';
import type { RecentProject } from '../../../../shared/domain/schemas';
import { formatDateTime } from '../../lib/format';
import styles from './start.module.css';

export interface RecentProjectsProps {
  projects: RecentProject[];
  busyPath: string | null;
  disabled: boolean;
  onOpen: (path: string) => void;
}

export function RecentProjects({ projects, busyPath, disabled, onOpen }: RecentProjectsProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 className={styles.recentHeading} id={headingId}>
        Recent projects
      </h2>
      {projects.length === 0 ? (
        <p className={styles.recentEmpty}>
          No recent projects yet. Open the sample project to look around, or start a new one.
        </p>
      ) : (
        <ul className={styles.recentList}>
          {projects.map((p) => (
            <li key={p.path}>
              <button
                type="button"
                className={styles.recentItem}
                disabled={disabled}
                aria-busy={busyPath === p.path || undefined}
                title={p.path}
                onClick={() => onOpen(p.path)}
              >
                <span className={styles.recentText}>
                  <span className={styles.recentName}>{p.name}</span>
                  <span className={styles.recentPath}>{p.path}</span>
                </span>
                <span className={styles.recentDate}>
                  {busyPath === p.path ? 'Opening…' : <time dateTime={p.openedAt}>{formatDateTime(p.openedAt)}</time>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
