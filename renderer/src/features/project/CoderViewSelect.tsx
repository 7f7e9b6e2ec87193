import { useId } from 'react';
import { codersSeenBy } from '../../../../shared/domain/second-round';
import { parseViewValue, viewValue } from '../workbench/coderView';
import styles from './CoderViewSelect.module.css';
import { useProject, useDocument, useDocumentActions } from '../workbench/state/contexts';

/** "Show codings of: Me / All coders / <coder>". */
export function CoderViewSelect() {
  const { project, coderName } = useProject();
  const coders = codersSeenBy(project.coders, coderName);
  const { coderView } = useDocument();
  const { setCoderView } = useDocumentActions();
  const id = useId();
  return (
    <div className={styles.viewSelect}>
      <label htmlFor={id} className={styles.viewSelectLabel}>
        Show codings of
      </label>
      <select id={id} className={styles.viewSelectInput} value={viewValue(coderView)} onChange={(event) => setCoderView(parseViewValue(event.target.value))}>
        <option value="me">Me</option>
        <option value="all">All coders</option>
        {coders.length > 0 ? (
          <optgroup label="One coder">
            {coders.map((c) => (
              <option key={c.id} value={viewValue({ mode: 'coder', coderId: c.id })}>
                {c.name}
                {c.id === project.currentCoderId ? ' (me)' : ''}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </div>
  );
}
