import { memo } from 'react';
import type { MouseEvent } from 'react';
import { readableOn, UI_CONTRAST } from '../../../../shared/colour/contrast';
import type { Coder } from '../../../../shared/domain/schemas';
import { tokenColour } from '../../lib/tokenColour';
import type { StripeBox, StripeColumns, StripeLabel } from './stripes';
import { BAR_WIDTH, LABEL_HEIGHT } from './stripes';
import type { MemoMark } from './useStripes';
import styles from './StripeMargin.module.css';

/** The gutter for memo marks, left of the stripe columns. */
export const MEMO_GUTTER = 16;

/** Something in the margin the pointer is on: its codings light up in the text. */
export interface StripeHot {
  key: string;
  start: number;
  end: number;
  codingIds: readonly string[];
}

export interface StripeMarginProps {
  columns: StripeColumns;
  boxes: readonly StripeBox[];
  labels: readonly StripeLabel[];
  memoMarks: readonly MemoMark[];
  /** Only what overlaps [top, bottom) is drawn. */
  top: number;
  bottom: number;
  colorOf: (codeId: string) => string;
  nameOf: (codeId: string) => string;
  coders: ReadonlyMap<string, Coder>;
  hotKey: string | null;
  onHover: (hot: StripeHot | null) => void;
  onOpen: (codingIds: readonly string[], anchor: { x: number; y: number }) => void;
  onOpenMemo: (codingId: string) => void;
}

function within(top: number, height: number, from: number, to: number): boolean {
  return top < to && top + height > from;
}

/**
 * Coding stripes beside the text: a column per code, a bar per coded passage in the code's
 * colour (one per coder, told apart by pattern, when several are shown), the code's name beside
 * its bars, and a memo mark where a coding has a memo. Hovering lights the passage; clicking a
 * bar or a name opens its codings; clicking a memo mark opens the memo.
 */
export const StripeMargin = memo(function StripeMargin(props: StripeMarginProps) {
  const { columns, boxes, labels, memoMarks, top, bottom, colorOf, nameOf, coders, hotKey, onHover, onOpen, onOpenMemo } = props;
  const open = (codingIds: readonly string[]) => (event: MouseEvent<HTMLButtonElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    onOpen(codingIds, { x: rect.left, y: event.clientY || rect.top });
  };
  const hover = (hot: StripeHot) => ({
    onMouseEnter: () => onHover(hot),
    onMouseLeave: () => onHover(null),
    onFocus: () => onHover(hot),
    onBlur: () => onHover(null),
  });
  const labelLeft = MEMO_GUTTER + columns.width;
  // A stripe is the only mark of its code in the margin: 3:1 against the page, whatever colour the user chose.
  const surface = tokenColour('--c-surface');
  const stripeColour = (codeId: string) => readableOn(colorOf(codeId), surface, UI_CONTRAST);

  return (
    <div className={styles.stripes} aria-label="Coding stripes" role="group">
      {memoMarks
        .filter((m) => within(m.top, LABEL_HEIGHT, top, bottom))
        .map((m) => (
          <button
            key={m.codingId}
            type="button"
            className={styles.memoMark}
            style={{ top: m.top }}
            aria-label="Open the memo on this coding"
            title="Memo on this coding"
            data-memo-mark={m.codingId}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onOpenMemo(m.codingId)}
          >
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
              <path d="M3 2.5h10v8.5l-3 2.5H3z" fill="currentColor" fillOpacity="0.18" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
              <path d="M5.5 6h5M5.5 8.5h3.5" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
            </svg>
          </button>
        ))}
      {boxes
        .filter((b) => within(b.top, b.height, top, bottom))
        .map((box) => {
          const coder = box.coderId ? coders.get(box.coderId) : null;
          const name = nameOf(box.codeId);
          const passages = box.codingIds.length;
          const what = `${name}${coder ? `, ${coder.name}` : ''}`;
          return (
            <button
              key={box.key}
              type="button"
              className={[styles.stripe, hotKey === box.key ? styles.stripeHot : ''].filter(Boolean).join(' ')}
              style={{ top: box.top, left: MEMO_GUTTER + box.left, width: BAR_WIDTH, height: box.height, ['--stripe' as string]: stripeColour(box.codeId) }}
              data-pattern={box.pattern}
              data-stripe-code={box.codeId}
              data-stripe-coder={box.coderId ?? undefined}
              title={what}
              aria-label={`${what}: ${passages === 1 ? 'coded passage' : `${passages} overlapping codings`}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={open(box.codingIds)}
              {...hover(box)}
            />
          );
        })}
      {labels
        .filter((l) => within(l.top, LABEL_HEIGHT, top, bottom))
        .map((label) => {
          const name = nameOf(label.codeId);
          const key = `label|${label.key}`;
          return (
            <button
              key={key}
              type="button"
              className={[styles.label, hotKey === key ? styles.labelHot : ''].filter(Boolean).join(' ')}
              style={{ top: label.top, left: labelLeft, ['--stripe' as string]: stripeColour(label.codeId) }}
              title={name}
              data-stripe-label={label.codeId}
              onMouseDown={(event) => event.preventDefault()}
              onClick={open(label.codingIds)}
              {...hover({ key, start: label.start, end: label.end, codingIds: label.codingIds })}
            >
              {name}
            </button>
          );
        })}
    </div>
  );
});
