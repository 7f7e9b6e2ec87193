import { useId } from 'react';
import type { DisagreementView } from '../../../../shared/api/contract';
import { Button } from '../../ui/Button';
import { DecisionRecord } from './DecisionRecord';
import { trimContext } from '../retrieval/retrievalText';
import type { MarkRun, PassageState } from './passageMarks';
import { describeSpans, markRuns, runLength, versionRuns } from './passageMarks';
import styles from './DisagreementsView.module.css';
import agreementStyles from './agreement.module.css';
import uiStyles from '../../ui/ui.module.css';

/** How a disagreement is settled into the Consensus coder. */
export type Choice = 'A' | 'B' | 'both' | 'neither';

const stateLabels: Record<PassageState | 'neither', string> = {
  open: 'Open',
  A: 'Settled: A’s coding kept',
  B: 'Settled: B’s coding kept',
  both: 'Settled: both kept',
  neither: 'Settled: neither kept',
  other: 'Settled otherwise: the consensus coding differs from both',
};

export interface PassageCardProps {
  passage: DisagreementView;
  state: PassageState | 'neither' | null;
  nameA: string;
  nameB: string;
  documentName: string;
  note: string;
  onNote: (text: string) => void;
  busy: boolean;
  disabled: boolean;
  onDecide: (choice: Choice) => void;
  onOpen: () => void;
}

export function PassageCard({ passage: p, state, nameA, nameB, documentName, note, onNote, busy, disabled, onDecide, onOpen }: PassageCardProps) {
  const ids = useId();
  const runs = markRuns(p.start, p.end, p.spansA, p.spansB);
  const onlyA = runLength(runs, (r) => r.a && !r.b);
  const onlyB = runLength(runs, (r) => r.b && !r.a);
  const settled = state !== null && state !== 'open';
  const decisions: { choice: Choice; label: string; title: string }[] = [
    { choice: 'A', label: 'Accept A', title: `Keep ${nameA}'s coding of this passage in the Consensus coder` },
    { choice: 'B', label: 'Accept B', title: `Keep ${nameB}'s coding of this passage in the Consensus coder` },
    { choice: 'both', label: 'Accept both', title: 'Keep every character either coder coded here' },
    { choice: 'neither', label: 'Accept neither', title: 'Leave this passage uncoded at this code in the Consensus coder' },
  ];
  return (
    <article className={[styles.agrPassage, settled ? styles.agrPassageSettled : ''].filter(Boolean).join(' ')} aria-labelledby={`${ids}-where`}>
      <div className={styles.agrPassageMeta}>
        <span id={`${ids}-where`} className={styles.agrPassageWhere}>
          <span className={styles.agrPassageDoc}>{documentName}</span>
          {p.speaker ? (
            <>
              <span className={styles.agrSep} aria-hidden="true">
                ·
              </span>
              <span className={styles.agrPassageSpeaker}>{p.speaker}</span>
            </>
          ) : null}
          <span className={styles.agrSep} aria-hidden="true">
            ·
          </span>
          <span className={styles.agrPassageRange}>
            characters {p.start}–{p.end}
          </span>
        </span>
        {state ? <span className={styles.agrState} data-state={settled ? 'settled' : 'open'}>{stateLabels[state]}</span> : null}
        <button type="button" className={`${agreementStyles.agrLink} ${styles.agrPassageOpen}`} onClick={onOpen}>
          Open in reader
        </button>
      </div>
      <div className={styles.agrPassageVersions}>
        <Version label={`A · ${nameA}`} side="A" runs={runs} passage={p} summary={`coded ${describeSpans(p.spansA)}; ${onlyA} character${onlyA === 1 ? '' : 's'} only ${nameA}`} />
        <Version label={`B · ${nameB}`} side="B" runs={runs} passage={p} summary={`coded ${describeSpans(p.spansB)}; ${onlyB} character${onlyB === 1 ? '' : 's'} only ${nameB}`} />
      </div>
      <DecisionRecord decision={p.decision} />
      <div className={styles.agrPassageDecide}>
        <input
          className={`${uiStyles.fieldInput} ${styles.agrPassageNote}`}
          type="text"
          aria-label={`Note on this decision (optional), ${documentName} ${p.start}–${p.end}`}
          placeholder="Note on the decision (optional)"
          value={note}
          maxLength={100_000}
          disabled={disabled}
          onChange={(event) => onNote(event.target.value)}
        />
        <div className={styles.agrPassageButtons} role="group" aria-label="Settle this passage">
          {decisions.map((d) => (
            <Button key={d.choice} size="sm" variant={d.choice === 'A' || d.choice === 'B' ? 'secondary' : 'ghost'} title={d.title} disabled={disabled} onClick={() => onDecide(d.choice)}>
              {d.label}
            </Button>
          ))}
        </div>
        {busy ? <span className={agreementStyles.agrMuted}>Saving…</span> : null}
      </div>
    </article>
  );
}

function Version({ label, side, runs, passage, summary }: { label: string; side: 'A' | 'B'; runs: MarkRun[]; passage: DisagreementView; summary: string }) {
  const pieces = versionRuns(runs, side);
  const text = (start: number, end: number) => passage.text.slice(start - passage.start, end - passage.start);
  const only = side === 'A' ? styles.agrMarkOnlyA : styles.agrMarkOnlyB;
  return (
    <figure className={styles.agrVersion} data-side={side}>
      <figcaption className={styles.agrVersionCaption}>
        <strong>{label}</strong> <span className={agreementStyles.agrMuted}>{summary}</span>
      </figcaption>
      <p className={styles.agrVersionText}>
        {/* The context runs straight into the passage: a passage may begin or end inside a word. */}
        {passage.before ? <span className={styles.agrVersionContext}>{trimContext(passage.before, 'before', 140)}</span> : null}
        {pieces.map((piece) =>
          piece.look === 'none' ? (
            <span key={piece.start}>
              {text(piece.start, piece.end)}
            </span>
          ) : (
            <mark key={piece.start} className={`${styles.agrMark} ${piece.look === 'both' ? styles.agrMarkBoth : only}`} data-mark={piece.look === 'both' ? 'both' : `only-${side.toLowerCase()}`}>
              {text(piece.start, piece.end)}
            </mark>
          ),
        )}
        {passage.after ? <span className={styles.agrVersionContext}>{trimContext(passage.after, 'after', 140)}</span> : null}
      </p>
    </figure>
  );
}
