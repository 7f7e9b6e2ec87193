import type { AttributeDef, DocumentMeta } from '../../../../shared/domain/schemas';
import { Button } from '../../ui/Button';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { ReaderHeader } from './ReaderHeader';
import { ReaderText } from './ReaderText';
import { useDocumentContent } from './useDocumentContent';
import './reader.css';

export interface ReaderProps {
  meta: DocumentMeta;
  attributes: AttributeDef[];
  /** Bumped when the project changed on disk: reload the text. */
  revision: number;
}

/** The open document: a header with its attributes, then its text as speaker turns. */
export function Reader({ meta, attributes, revision }: ReaderProps) {
  const load = useDocumentContent(meta.id, revision);

  return (
    <section role="region" aria-label={meta.name} className="reader">
      <ReaderHeader meta={meta} attributes={attributes} text={load.status === 'ready' ? load.content.text : null} />
      {/* Keyed by document so each one opens scrolled to the top. */}
      <div key={meta.id} className="reader__scroll" data-scroll-root="">
        {load.status === 'loading' ? <QuietLoading label="Loading the text…" /> : null}
        {load.status === 'failed' ? (
          <div className="reader__error">
            <ErrorAlert error={load.error} />
            <div>
              <Button onClick={load.reload}>Try again</Button>
            </div>
          </div>
        ) : null}
        {load.status === 'ready' ? <ReaderText content={load.content} /> : null}
      </div>
    </section>
  );
}
