import { useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../../shared/api/contract';
import type { Span } from '../../../../shared/text/spans';
import { Button } from '../../ui/Button';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { AttributesPanel } from '../attributes/AttributesPanel';
import { ExtentEditBar } from './ExtentEditBar';
import { ReaderBody } from './ReaderBody';
import { ReaderHeader } from './ReaderHeader';
import { StripeControls } from './StripeControls';
import { NO_STRIPE_FILTER } from './stripes';
import type { StripeFilter } from './stripes';
import { readerStart } from './documentRequest';
import { useDocumentCodingCounts, shownCounts } from './useDocumentCodingCounts';
import { useDocumentCodings } from './useDocumentCodings';
import { useDocumentContent } from './useDocumentContent';
import { useDocumentText } from './useDocumentText';
import styles from './Reader.module.css';
import readerStyles from './reader.module.css';
import { useDocument } from '../workbench/state/contexts';

const NOTHING_LOADED: readonly Span[] = [];
const NO_CODES: ReadonlySet<string> = new Set();

export interface ReaderProps {
  meta: DocumentSummary;
  /** Bumped when the project changed on disk: reload the text. */
  revision: number;
}

/** The open document: its header and attributes, then its text with the codings shown. */
export function Reader({ meta, revision }: ReaderProps) {
  const { visibleCoderIds, focusRequest } = useDocument();
  const load = useDocumentContent(meta.id, revision, visibleCoderIds, readerStart(focusRequest, meta.id));
  const content = load.status === 'ready' ? load.content : null;
  const { text, need } = useDocumentText(content);
  const codings = useDocumentCodings(content, visibleCoderIds, text?.loaded ?? NOTHING_LOADED);
  const counts = useDocumentCodingCounts(content ? meta.id : null);
  const shown = useMemo(() => (counts ? shownCounts(counts, visibleCoderIds) : null), [counts, visibleCoderIds]);
  const [stripeFilter, setStripeFilter] = useState<StripeFilter>(NO_STRIPE_FILTER);

  return (
    <section role="region" aria-label={meta.name} className={styles.reader}>
      <ReaderHeader
        meta={meta}
        words={content?.words ?? null}
        codingCount={content && shown ? shown.total : null}
        tools={content ? <StripeControls usedCodeIds={shown?.codeIds ?? NO_CODES} filter={stripeFilter} onFilter={setStripeFilter} /> : null}
      />
      <AttributesPanel documentId={meta.id} />
      <ExtentEditBar documentId={meta.id} />
      {load.status === 'loading' ? (
        <div className={readerStyles.readerScroll}>
          <QuietLoading label="Loading the text…" />
        </div>
      ) : null}
      {load.status === 'failed' ? (
        <div className={readerStyles.readerScroll}>
          <div className={styles.readerError}>
            <ErrorAlert error={load.error} />
            <div>
              <Button onClick={load.reload}>Try again</Button>
            </div>
          </div>
        </div>
      ) : null}
      {content && text ? <ReaderBody content={content} text={text} needText={need} codings={codings} stripeFilter={stripeFilter} /> : null}
    </section>
  );
}
