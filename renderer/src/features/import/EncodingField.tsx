import { useId } from 'react';
import type { TextEncodingName } from '../../../../shared/text/encodings';
import { SelectField } from '../../ui/SelectField';
import { encodingOptions } from './encoding-choice';
import styles from './DocumentSettings.module.css';
import cardStyles from './ImportFileCard.module.css';

/**
 * The encoding a text or CSV file is read in: detected, or chosen when the preview shows wrong
 * characters. Choosing reads the file again; an encoding that does not fit is named here, by file.
 */
export function EncodingField({
  shown,
  detected,
  problem,
  onChoose,
}: {
  /** The encoding the preview was read in. */
  shown: TextEncodingName;
  detected: TextEncodingName | null;
  problem: string | null;
  onChoose: (encoding: TextEncodingName) => void;
}) {
  const hintId = useId();
  return (
    <div className={styles.importDocSpeakers}>
      <SelectField
        label="Encoding"
        className={`${styles.importDocSelect} ${styles.importDocSelectWide}`}
        value={shown}
        options={encodingOptions(detected)}
        aria-describedby={hintId}
        aria-invalid={problem !== null}
        onChange={(event) => onChoose(event.target.value as TextEncodingName)}
      />
      {problem !== null ? (
        <p id={hintId} className={`${cardStyles.importNote} ${cardStyles.importNoteError}`}>
          {problem}
        </p>
      ) : (
        <p id={hintId} className={styles.importDocHint}>
          {shown === detected ? 'Detected from the file. If the preview shows wrong characters (Ã©, â€™), choose another.' : 'As you chose: the preview is read in it.'}
        </p>
      )}
    </div>
  );
}
