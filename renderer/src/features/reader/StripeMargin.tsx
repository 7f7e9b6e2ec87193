import { memo } from 'react';
import { readableOn, UI_CONTRAST } from '../../../../shared/colour/contrast';
import type { Coder } from '../../../../shared/domain/schemas';
import { tokenColour } from '../../lib/tokenColour';
import type { StripeBox } from './stripes';
import { initials } from './stripes';
import styles from './StripeMargin.module.css';

/** Width of one lane of stripes: the bar and its rotated label. */
export const LANE_WIDTH = 20;

export interface StripeMarginProps {
  boxes: readonly StripeBox[];
  lanes: number;
  /** Only stripes overlapping [top, bottom) are drawn. */
  top: number;
  bottom: number;
  /** Offset of the text column's top within the margin. */
  columnTop: number;
  colorOf: (codeId: string) => string;
  nameOf: (codeId: string) => string;
  coders: ReadonlyMap<string, Coder>;
  hotKey: string | null;
  onHover: (box: StripeBox | null) => void;
  onOpen: (box: StripeBox, anchor: { x: number; y: number }) => void;
}

function label(box: StripeBox, nameOf: (codeId: string) => string, coders: ReadonlyMap<string, Coder>): string {
  const name = nameOf(box.codeId);
  const coder = box.coderId ? coders.get(box.coderId) : null;
  return coder ? `${name} · ${initials(coder.name)}` : name;
}

/**
 * Coding stripes beside the text: a bar per coded passage in its code's colour, labelled with
 * the code (and the coder's initials when several coders are shown). Hovering one lights its
 * passage; clicking opens its codings.
 */
export const StripeMargin = memo(function StripeMargin({
  boxes,
  lanes,
  top,
  bottom,
  columnTop,
  colorOf,
  nameOf,
  coders,
  hotKey,
  onHover,
  onOpen,
}: StripeMarginProps) {
  const shown = boxes.filter((b) => b.top < bottom && b.top + b.height > top);
  return (
    <div className={styles.stripes} style={{ width: Math.max(1, lanes) * LANE_WIDTH }} aria-label="Coding stripes" role="group">
      {shown.map((box) => {
        const text = label(box, nameOf, coders);
        const coder = box.coderId ? coders.get(box.coderId) : null;
        // A stripe is the only mark of its code in the margin: 3:1 against the page, whatever colour the user chose.
        const color = readableOn(colorOf(box.codeId), tokenColour('--c-surface'), UI_CONTRAST);
        const passages = box.codingIds.length;
        return (
          <button
            key={box.key}
            type="button"
            className={[styles.stripe, hotKey === box.key ? styles.stripeHot : ''].filter(Boolean).join(' ')}
            style={{ top: columnTop + box.top, left: box.lane * LANE_WIDTH, height: box.height, ['--stripe' as string]: color }}
            aria-label={`${text}${coder ? ` (${coder.name})` : ''}: ${passages === 1 ? 'coded passage' : `${passages} overlapping codings`}`}
            data-stripe-code={box.codeId}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => onHover(box)}
            onMouseLeave={() => onHover(null)}
            onFocus={() => onHover(box)}
            onBlur={() => onHover(null)}
            onClick={(event) => {
              const rect = event.currentTarget.getBoundingClientRect();
              onOpen(box, { x: rect.left, y: event.clientY || rect.top });
            }}
          >
            <span className={styles.stripeBar} aria-hidden="true">
              {coder ? <span className={styles.stripeCoder} style={{ backgroundColor: coder.color }} /> : null}
            </span>
            <span className={styles.stripeLabel} aria-hidden="true">
              {text}
            </span>
          </button>
        );
      })}
    </div>
  );
});
