import { plural } from '../../lib/format';
import { useWorkbench } from '../workbench/context';

/** The bottom line: what the last action did (announced politely), and what is selected. */
export function StatusBar() {
  const { status, selection, coderView, project } = useWorkbench();
  const viewing =
    coderView.mode === 'me'
      ? 'Showing your codings'
      : coderView.mode === 'all'
        ? 'Showing all coders’ codings'
        : `Showing ${project.coders.find((c) => c.id === coderView.coderId)?.name ?? 'a coder'}’s codings`;
  return (
    <footer className="statusbar">
      <p className="statusbar__message" role="status" aria-live="polite">
        {status ?? ''}
      </p>
      <p className="statusbar__facts">
        {selection ? <span>{plural(selection.end - selection.start, 'character')} selected · 1–9 or Ctrl+K to code</span> : null}
        <span>{viewing}</span>
      </p>
    </footer>
  );
}
