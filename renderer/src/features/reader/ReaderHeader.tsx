import { useMemo } from 'react';
import type { AttributeDef, DocumentMeta } from '../../../../shared/domain/schemas';
import { plural } from '../../lib/format';
import { attributeEntries } from '../documents/attributes';
import { countWords } from './segments';

export interface ReaderHeaderProps {
  meta: DocumentMeta;
  attributes: AttributeDef[];
  /** The text, once loaded, for the word count. */
  text: string | null;
}

export function ReaderHeader({ meta, attributes, text }: ReaderHeaderProps) {
  const entries = useMemo(() => attributeEntries(meta, attributes), [meta, attributes]);
  const words = useMemo(() => (text === null ? null : countWords(text)), [text]);

  const facts = [
    words === null ? null : plural(words, 'word'),
    meta.turnCount > 0 ? plural(meta.turnCount, 'turn') : null,
  ].filter((f): f is string => f !== null);

  return (
    <header className="reader__header">
      <h2 className="reader__title">{meta.name}</h2>
      <div className="reader__meta">
        {entries.length > 0 ? (
          <ul className="chips" aria-label="Attributes">
            {entries.map((e) => (
              <li key={e.name} className="chip">
                <span className="chip__name">{e.name}</span>
                <span className="chip__value">{e.value}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {facts.length > 0 ? <p className="reader__facts">{facts.join(' · ')}</p> : null}
      </div>
    </header>
  );
}
