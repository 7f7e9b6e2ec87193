import { useId } from 'react';
import { PREVIEW_TURN_CHARS } from '../../../../shared/import/formats';
import type { ImportInspection } from '../../../../shared/api/contract';
import { SPLIT_PARAGRAPH_CHARS } from '../../../../shared/text/long-lines';
import { formatNumber } from '../../../../shared/text/plural';
import { SelectField } from '../../ui/SelectField';
import { describeSpeakerChoice, hasLongLines, longLineNotice, speakerOptions } from './options';
import type { DocumentForm, ItemForm, SpeakerChoice } from './options';
import styles from './DocumentSettings.module.css';
import cardStyles from './ImportFileCard.module.css';

/** How a transcript will be imported: its speaker turns, previewed (its encoding: EncodingField). */
export function DocumentSettings({
  document: doc,
  form,
  onForm,
}: {
  document: NonNullable<ImportInspection['document']>;
  form: DocumentForm;
  onForm: (form: ItemForm) => void;
}) {
  const hintId = useId();
  const detected = doc.speakerPattern;
  const hasSpeakers = doc.turns.some((t) => t.speaker !== null);
  const turns = doc.turns.slice(0, 5);
  return (
    <div className={styles.importDoc}>
      <p className={cardStyles.importFileSummary}>
        Becomes the document <strong>“{doc.name}”</strong> · {formatNumber(doc.characters)} characters
      </p>
      {doc.duplicateOf !== null ? (
        <p className={`${cardStyles.importNote} ${cardStyles.importNoteWarn}`}>
          Same text as <strong>“{doc.duplicateOf}”</strong>, already in the project: it will be skipped.
        </p>
      ) : null}
      {hasLongLines(doc) ? (
        <div className={cardStyles.importFileMerge}>
          <p className={`${cardStyles.importNote} ${cardStyles.importNoteWarn}`}>{longLineNotice(doc.longestLine)}</p>
          <label className={cardStyles.importFileCheck}>
            <input type="checkbox" checked={form.splitLongLines} onChange={(event) => onForm({ ...form, splitLongLines: event.target.checked })} />
            <span>Split such lines into paragraphs (at sentence ends, about every {formatNumber(SPLIT_PARAGRAPH_CHARS)} characters)</span>
          </label>
        </div>
      ) : null}
      <div className={styles.importDocSpeakers}>
        <SelectField
          label="Speakers"
          className={styles.importDocSelect}
          value={form.speakers}
          options={speakerOptions(detected)}
          aria-describedby={hintId}
          onChange={(event) => onForm({ ...form, speakers: event.target.value as SpeakerChoice })}
        />
        <p id={hintId} className={styles.importDocHint}>
          {describeSpeakerChoice(form.speakers, detected)}
        </p>
      </div>
      {turns.length > 0 ? (
        <figure className={styles.importPreview}>
          <figcaption className={styles.importPreviewCaption}>
            {hasSpeakers ? 'Preview: the first turns, with the speakers detected' : 'Preview: the first paragraphs'}
          </figcaption>
          <dl className={[styles.importTurns, hasSpeakers ? '' : styles.importTurnsPlain].filter(Boolean).join(' ')}>
            {turns.map((turn, i) => (
              <div key={i} className={styles.importTurn}>
                <dt className={styles.importTurnSpeaker}>{turn.speaker ?? <span className={'sr-only'}>No speaker</span>}</dt>
                <dd className={styles.importTurnText}>
                  {turn.text}
                  {turn.text.length >= PREVIEW_TURN_CHARS ? '…' : ''}
                </dd>
              </div>
            ))}
          </dl>
        </figure>
      ) : null}
    </div>
  );
}
