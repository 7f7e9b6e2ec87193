import { useId } from 'react';
import type { RecentProject } from '../../../../shared/domain/schemas';
import { formatDateTime } from '../../lib/format';

export interface RecentProjectsProps {
  projects: RecentProject[];
  busyPath: string | null;
  disabled: boolean;
  onOpen: (path: string) => void;
}

export function RecentProjects({ projects, busyPath, disabled, onOpen }: RecentProjectsProps) {
  const headingId = useId();
  return (
    <section className="recent" aria-labelledby={headingId}>
      <h2 className="recent__heading" id={headingId}>
        Recent projects
      </h2>
      {projects.length === 0 ? (
        <p className="recent__empty">
          No recent projects yet. Open the sample project to look around, or start a new one.
        </p>
      ) : (
        <ul className="recent__list">
          {projects.map((p) => (
            <li key={p.path}>
              <button
                type="button"
                className="recent__item"
                disabled={disabled}
                aria-busy={busyPath === p.path || undefined}
                title={p.path}
                onClick={() => onOpen(p.path)}
              >
                <span className="recent__text">
                  <span className="recent__name">{p.name}</span>
                  <span className="recent__path">{p.path}</span>
                </span>
                <span className="recent__date">
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
