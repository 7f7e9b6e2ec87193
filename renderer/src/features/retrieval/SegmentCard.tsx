import type { SegmentView } from '../../../../shared/api/contract';
import { formatDateTime } from '../../lib/format';
import { trimContext } from './retrievalText';

interface Swatch {
  name: string;
  color: string;
}

export interface SegmentCardProps {
  segment: SegmentView;
  documentName: string | undefined;
  coder: Swatch | undefined;
  code: Swatch | undefined;
  /** Longest context shown either side (trimContext's own default when not given). */
  contextLength?: number;
  /** Shows when the passage was coded. */
  showDate?: boolean;
  onOpen: () => void;
}

/** One coded passage: where it comes from, who coded it at what, and its context; a click opens it. */
export function SegmentCard({ segment, documentName, coder, code, contextLength, showDate = false, onOpen }: SegmentCardProps) {
  return (
    <button type="button" className="segment" onClick={onOpen}>
      <span className="segment__meta">
        <span className="segment__doc">{documentName ?? 'Unknown document'}</span>
        {segment.speaker ? (
          <>
            <span className="segment__sep" aria-hidden="true">
              ·
            </span>
            <span className="segment__speaker">{segment.speaker}</span>
          </>
        ) : null}
        {showDate ? (
          <time className="segment__date" dateTime={segment.createdAt}>
            {formatDateTime(segment.createdAt)}
          </time>
        ) : null}
      </span>
      <span className="segment__who">
        <span className="segment__coder">
          <span className="segment__dot" style={{ backgroundColor: coder?.color ?? 'var(--c-text-subtle)' }} aria-hidden="true" />
          {coder?.name ?? 'Unknown coder'}
        </span>
        {code ? (
          <span className="segment__code">
            <span className="segment__swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
            {code.name}
          </span>
        ) : null}
      </span>
      <span className="segment__text">
        {segment.before ? <span className="segment__context">{trimContext(segment.before, 'before', contextLength)}</span> : null}
        <span className="segment__passage" style={{ borderColor: code?.color }}>
          {segment.text}
        </span>
        {segment.after ? <span className="segment__context">{trimContext(segment.after, 'after', contextLength)}</span> : null}
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
    <span className="retrieval__select">
      <label htmlFor={id}>Coder</label>
      <select id={id} className="field__input field__select" value={value} onChange={(event) => onChange(event.target.value)}>
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
