import { useMemo } from 'react';
import type { DocumentMeta } from '../../../../shared/domain/schemas';
import { plural } from '../../lib/format';
import { DoneToggle } from './DoneToggle';
import { countWords } from './segments';

export interface ReaderHeaderProps {
  meta: DocumentMeta;
  /** The text, once loaded, for the word count. */
  text: string | null;
  /** Codings shown under the current coder view, once loaded. */
  codingCount: number | null;
}

export function ReaderHeader({ meta, text, codingCount }: ReaderHeaderProps) {
  const words = useMemo(() => (text === null ? null : countWords(text)), [text]);
  const facts = [
    words === null ? null : plural(words, 'word'),
    meta.turnCount > 0 ? plural(meta.turnCount, 'turn') : null,
    codingCount === null ? null : `${plural(codingCount, 'coding')} shown`,
  ].filter((f): f is string => f !== null);

  return (
    <header className="reader__header">
      <h2 className="reader__title">{meta.name}</h2>
      {facts.length > 0 ? <p className="reader__facts">{facts.join(' · ')}</p> : null}
      <DoneToggle documentId={meta.id} />
    </header>
  );
}
