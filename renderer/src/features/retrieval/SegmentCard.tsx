import type { SegmentView } from '../../../../shared/api/contract';
import { formatDateTime } from '../../lib/format';
import { trimContext } from './retrievalText';
import viewPage from '../../ui/viewPage.module.css';
import segmentCard from '../../ui/segmentCard.module.css';
import uiStyles from '../../ui/ui.module.css';

interface Swatch {
  name: string;
  color: string;
}

export interface SegmentCardProps {
  /** A coded segment, or any passage with its context (a query's, a word's). */
  segment: Pick<SegmentView, 'speaker' | 'before' | 'text' | 'after'> & Partial<Pick<SegmentView, 'createdAt'>>;
  documentName: string | undefined;
  coder: Swatch | undefined;
  code: Swatch | undefined;
  /** Longest context shown either side (trimContext's own default when not given). */
  contextLength?: number;
  /** Shows when the passage was coded. */
  showDate?: boolean;
  /** Shows who coded it at what (false for a passage a query or a word search found). */
  showWho?: boolean;
  onOpen: () => void;
}

/** One coded passage: where it comes from, who coded it at what, and its context; a click opens it. */
export function SegmentCard({ segment, documentName, coder, code, contextLength, showDate = false, showWho = true, onOpen }: SegmentCardProps) {
  return (
    <button type="button" className={segmentCard.card} onClick={onOpen}>
      <span className={segmentCard.meta}>
        <span className={segmentCard.doc} data-segment="doc">{documentName ?? 'Unknown document'}</span>
        {segment.speaker ? (
          <>
            <span className={segmentCard.sep} aria-hidden="true">
              ·
            </span>
            <span className={segmentCard.speaker}>{segment.speaker}</span>
          </>
        ) : null}
        {showDate && segment.createdAt ? (
          <time className={segmentCard.date} dateTime={segment.createdAt}>
            {formatDateTime(segment.createdAt)}
          </time>
        ) : null}
      </span>
      {showWho ? (
        <span className={segmentCard.who}>
          <span className={segmentCard.coder} data-segment="coder">
            <span className={segmentCard.dot} style={{ backgroundColor: coder?.color ?? 'var(--c-text-subtle)' }} aria-hidden="true" />
            {coder?.name ?? 'Unknown coder'}
          </span>
          {code ? (
            <span className={segmentCard.code}>
              <span className={segmentCard.swatch} style={{ backgroundColor: code.color }} aria-hidden="true" />
              {code.name}
            </span>
          ) : null}
        </span>
      ) : null}
      <span className={segmentCard.text}>
        {segment.before ? <span className={segmentCard.context}>{trimContext(segment.before, 'before', contextLength)}</span> : null}
        <span className={segmentCard.passage} data-segment="passage" style={{ borderColor: code?.color }}>
          {segment.text}
        </span>
        {segment.after ? <span className={segmentCard.context}>{trimContext(segment.after, 'after', contextLength)}</span> : null}
      </span>
    </button>
  );
}

export interface CoderSelectProps {
  id: string;
  value: string;
  onChange: (coderId: string) => void;
  coders: readonly { id: string; name: string }[];
  currentCoderId: string | null;
}

/** "Coder: All coders / Ben (you) / …", as the retrieval and analysis views offer it. */
export function CoderSelect({ id, value, onChange, coders, currentCoderId }: CoderSelectProps) {
  return (
    <span className={viewPage.select}>
      <label htmlFor={id}>Coder</label>
      <select id={id} className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect}`} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="all">All coders</option>
        {coders.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {c.id === currentCoderId ? ' (you)' : ''}
          </option>
        ))}
      </select>
    </span>
  );
}
