import { Fragment, memo } from 'react';
import { speakerLabelParts } from './speakerLabel';
import type { Block } from '../../../../shared/text/blocks';
import { lookStyle, paintRuns, runLook } from './paint';
import type { PaintCoding } from './paint';
import { PAGE_MARK_HEIGHT, blockPadBottom, blockPadTop } from './windowing';
import styles from './BlockView.module.css';
import readerStyles from './reader.module.css';

export interface BlockViewProps {
  block: Block;
  /** The block's own text, text.slice(block.start, block.end): short, so the memo compares it cheaply. */
  text: string;
  /** The height to hold for the text while it has not arrived (as estimated); -1 once it has. */
  pendingHeight: number;
  /** The codings shown that overlap this block. */
  codings: readonly PaintCoding[];
  /** The selection's part in this block ([-1, -1] for none): numbers keep the memo cheap. */
  selStart: number;
  selEnd: number;
  flashStart: number;
  flashEnd: number;
  /** Codings whose stripe is hovered: their text is shown stronger. */
  hotIds: ReadonlySet<string>;
  colorOf: (codeId: string) => string;
  nameOf: (codeId: string) => string;
  observe: (el: HTMLElement | null) => (() => void) | undefined;
}

/**
 * One block of the reader: the speaker (first block of a turn), then the text as runs. Each run
 * is a <span data-start data-end> holding exactly its slice of the text, which is how a DOM
 * selection maps back to offsets; coded runs carry their coding ids for a click.
 */
export const BlockView = memo(function BlockView({
  block,
  text,
  pendingHeight,
  codings,
  selStart,
  selEnd,
  flashStart,
  flashEnd,
  hotIds,
  colorOf,
  nameOf,
  observe,
}: BlockViewProps) {
  const classes = [block.inTurn ? readerStyles.blockTurn : ''];
  return (
    <div
      ref={observe}
      data-key={block.key}
      className={classes.filter(Boolean).join(' ')}
      style={{ paddingTop: blockPadTop(block), paddingBottom: blockPadBottom(block) }}
    >
      {block.page !== undefined ? <p className={readerStyles.blockPage} data-page-mark style={{ height: PAGE_MARK_HEIGHT }}>Page {block.page}</p> : null}
      {block.inTurn ? <SpeakerLabel label={block.speaker ?? ''} /> : null}
      {pendingHeight >= 0 ? (
        <p className={`${readerStyles.blockText} ${styles.pending}`} style={{ height: pendingHeight }} aria-busy="true">
          Loading the text…
        </p>
      ) : (
        <BlockRuns {...{ block, text, codings, selStart, selEnd, flashStart, flashEnd, hotIds, colorOf, nameOf }} />
      )}
    </div>
  );
});

/** The block's text as runs, each a <span data-start data-end> holding exactly its slice. */
function BlockRuns({ block, text, codings, selStart, selEnd, flashStart, flashEnd, hotIds, colorOf, nameOf }: Omit<BlockViewProps, 'observe' | 'pendingHeight'>) {
  const runs = paintRuns(
    block.start,
    block.end,
    codings,
    selStart >= 0 ? { start: selStart, end: selEnd } : null,
    flashStart >= 0 ? { start: flashStart, end: flashEnd } : null,
  );
  return (
      <p className={readerStyles.blockText}>
        {runs.map((run) => {
          const slice = text.slice(run.start - block.start, run.end - block.start);
          const hot = run.codings.some((c) => hotIds.has(c.id));
          const look = runLook(run.codings, colorOf, { selected: run.selected, hot });
          const coded = run.codings.length > 0;
          const className = [
            '',
            coded ? styles.runCoded : '',
            run.selected ? readerStyles.runSelected : '',
            hot ? styles.runHot : '',
            run.flashed ? styles.runFlash : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <span
              key={run.start}
              data-start={run.start}
              data-end={run.end}
              className={className}
              style={lookStyle(look)}
              data-hot={hot ? '' : undefined}
              data-flash={run.flashed ? '' : undefined}
              data-selected={run.selected ? '' : undefined}
              {...(coded
                ? {
                    'data-codings': run.codings.map((c) => c.id).join(' '),
                    'data-code-ids': [...new Set(run.codings.map((c) => c.codeId))].join(' '),
                    title: [...new Set(run.codings.map((c) => nameOf(c.codeId)))].join(' · '),
                  }
                : {})}
            >
              {slice}
            </span>
          );
        })}
      </p>
  );
}

/** The speaker of a turn: breaks only after _ / - . or a space, the full label on hover. */
function SpeakerLabel({ label }: { label: string }) {
  return (
    <p className={readerStyles.blockSpeaker} title={label || undefined}>
      {speakerLabelParts(label).map((part, i) => (
        <Fragment key={i}>
          {part}
          <wbr />
        </Fragment>
      ))}
    </p>
  );
}
