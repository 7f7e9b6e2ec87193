import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { AgreementResult, AttributeFilter, DisagreementView, HistoryState } from '../../../../shared/api/contract';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { Button } from '../../ui/Button';
import { WindowedItems } from '../../ui/WindowedItems';
import { useWindowedList } from '../../ui/useWindowedList';
import type { AgreementSettings } from './agreementSettings';
import { CONSENSUS_NAME } from './agreementSettings';
import type { PassageState } from './passageMarks';
import { passageKey, passageState } from './passageMarks';
import styles from './DisagreementsView.module.css';
import agreementStyles from './agreement.module.css';
import { useProject, useChanges, useDocumentActions } from '../workbench/state/contexts';
import { DisagreementsHead } from './DisagreementsHead';
import { PassageCard } from './PassageCard';
import type { Choice } from './PassageCard';
import { useDisagreements } from './useDisagreements';
import { documentIdsOf, usePassageNames } from '../retrieval/usePassageNames';
import { formatNumber, plural } from '../../../../shared/text/plural';

/** A passage card's height before it is measured: its place, two versions of a few lines, the buttons. */
const PASSAGE_ESTIMATE = 260;

/**
 * Decisions for "neither" leave no coding to read back here, so the view remembers them — for
 * as long as the undo history is the one its own decisions left. Any other change (an undo above
 * all) forgets them, and the passage shows as open again: never settled when it may not be.
 */
interface NeitherMarks {
  history: HistoryState | null;
  keys: string[];
}

export interface DisagreementsViewProps {
  drill: { codeId: string; coderA: string; coderB: string };
  settings: AgreementSettings;
  attributes: AttributeFilter;
  /** The comparison's report, for the code's figures; null while it loads. */
  result: AgreementResult | null;
  /** The element the agreement view scrolls in: the passages are windowed against it. */
  scroller: HTMLElement | null;
  onBack: () => void;
  onPair: (coderA: string, coderB: string) => void;
}

/**
 * The passages where two coders differ at one code, each version side by side, with a way to
 * settle each. A busy code has thousands: only the cards near the viewport are in the page, each
 * saying where it stands (aria-posinset of aria-setsize), and their pages are asked for as they
 * come into view.
 */
export function DisagreementsView({ drill, settings, attributes, result, scroller, onBack, onPair }: DisagreementsViewProps) {
  const { project, history } = useProject();
  const { change, showError } = useChanges();
  const { openDocument } = useDocumentActions();
  const ids = useId();
  const { codeId, coderA, coderB } = drill;
  const code = project.codebook.find((c) => c.id === codeId);
  const nameOf = (id: string) => project.coders.find((c) => c.id === id)?.name ?? 'Unknown coder';
  const a = nameOf(coderA);
  const b = nameOf(coderB);
  const consensus = project.coders.find((c) => c.name === CONSENSUS_NAME) ?? null;
  const tracksConsensus = consensus !== null && consensus.id !== coderA && consensus.id !== coderB;
  const documentIds = settings.documentIds.length > 0 ? settings.documentIds : null;
  const { allDocuments } = settings;
  const scope = { coderA, coderB, codeId, documentIds, attributes, allDocuments };
  const { counts, rowAt, want, stale, error } = useDisagreements(scope, tracksConsensus ? consensus.id : null, project);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [neither, setNeither] = useState<NeitherMarks>({ history: null, keys: [] });
  const [message, setMessage] = useState<string | null>(null);

  const total = counts?.total ?? 0;
  const keyOf = useCallback((i: number) => {
    const row = rowAt(i);
    return row ? passageKey(row.passage) : `#${i}`;
  }, [rowAt]);
  const { setScroller, onScroll, onKeyDown, ...list } = useWindowedList({ count: total, keyOf, estimate: PASSAGE_ESTIMATE });
  // The agreement view scrolls as a whole (the code's head above the passages scrolls away with it).
  useEffect(() => {
    if (!scroller) return;
    setScroller(scroller);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, [scroller, setScroller, onScroll]);
  useEffect(() => want(list.first, list.last), [want, list.first, list.last]);

  const neitherKeys = new Set(neither.history === history ? neither.keys : []);
  const shownPassages = useMemo(() => {
    const out: DisagreementView[] = [];
    for (let i = list.first; i <= list.last; i++) {
      const row = rowAt(i);
      if (row) out.push(row.passage);
    }
    return out;
  }, [rowAt, list.first, list.last]);
  const names = usePassageNames(useMemo(() => documentIdsOf(shownPassages), [shownPassages]));

  function stateOf(i: number): PassageState | 'neither' | null {
    const row = rowAt(i);
    if (!row?.consensus) return null;
    const state = passageState(row.passage, row.consensus);
    if (state === 'open' && neitherKeys.has(passageKey(row.passage))) return 'neither';
    return state;
  }
  // Progress is read from the Consensus coder's decision log, so it survives reloads.
  const settled = counts?.settled ?? 0;

  /** Copies what both coders coded alike into the Consensus coder (one undoable step); the rest stay here to settle. */
  async function startConsensus() {
    setBusy('start');
    setMessage(null);
    try {
      const codeIds = settings.codeIds.length > 0 ? settings.codeIds : null;
      const result = await change('agreement.startConsensus', { coderA, coderB, codeIds, documentIds, attributes, allDocuments });
      if (result) setMessage(result.message);
    } finally {
      setBusy(null);
    }
  }

  async function decide(p: DisagreementView, choice: Choice) {
    const k = passageKey(p);
    setBusy(k);
    setMessage(null);
    try {
      const result = await change('agreement.resolve', { coderA, coderB, codeId, documentId: p.documentId, start: p.start, end: p.end, choice, note: notes[k] ?? '' });
      if (!result) return;
      const kept = (neither.history === history ? neither.keys : []).filter((x) => x !== k);
      setNeither({ history: result.history, keys: choice === 'neither' ? [...kept, k] : kept });
      setNotes((n) => {
        const next = { ...n };
        delete next[k];
        return next;
      });
      setMessage(result.message);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  }

  if (!code) {
    return (
      <div className={styles.agrDrill}>
        <EmptyState title="This code is no longer in the codebook">It may have been deleted or merged.</EmptyState>
      </div>
    );
  }

  function renderPassage(i: number) {
    const row = rowAt(i);
    if (!row) return <div className={styles.agrPassagePending} aria-busy="true" style={{ height: PASSAGE_ESTIMATE }} />;
    const p = row.passage;
    const k = passageKey(p);
    return (
      <PassageCard
        passage={p}
        state={stateOf(i)}
        nameA={a}
        nameB={b}
        documentName={names.docs.get(p.documentId) ?? 'Unknown document'}
        note={notes[k] ?? ''}
        onNote={(text) => setNotes((n) => ({ ...n, [k]: text }))}
        busy={busy === k}
        disabled={busy !== null || project.readOnly !== null}
        onDecide={(choice) => void decide(p, choice)}
        onOpen={() => openDocument(p.documentId, { start: p.start, end: p.end })}
      />
    );
  }

  return (
    <section className={styles.agrDrill} aria-labelledby={`${ids}-title`} onKeyDown={onKeyDown}>
      <div className={styles.agrDrillHead}>
        <DisagreementsHead titleId={`${ids}-title`} code={code} coderA={coderA} coderB={coderB} nameOf={nameOf} settings={settings} result={result} onBack={onBack} onPair={onPair} />
        <p className={styles.agrDrillCount} role="status" aria-live="polite">
          {counts
            ? total === 0
              ? `${a} and ${b} coded exactly the same characters at ${code.name}.`
              : `${plural(total, 'passage')} where they differ · ${formatNumber(settled)} of ${formatNumber(total)} settled`
            : '\u00a0'}
          {stale ? <span className={agreementStyles.agrMuted}> · updating…</span> : null}
          {message ? <span className={styles.agrDrillMessage}> · {message}</span> : null}
        </p>
        <Button
          size="sm"
          variant="secondary"
          title={`Copy every character ${a} and ${b} both coded at the same code into the Consensus coder (one step; undo takes it back)`}
          disabled={busy !== null || project.readOnly !== null}
          onClick={() => void startConsensus()}
        >
          Start consensus
        </Button>
      </div>

      <div>
        {!counts && !error ? <QuietLoading label="Finding the passages where they differ…" /> : null}
        {error ? <ErrorAlert error={error} /> : null}
        {counts && total === 0 ? <EmptyState title="No disagreements">Nothing to settle here for these documents.</EmptyState> : null}
        {total > 0 ? (
          <WindowedItems list={list} count={total} keyOf={keyOf} gap="var(--sp-3)" className={styles.agrPassages} label="Disagreements" renderItem={renderPassage} />
        ) : null}
      </div>
    </section>
  );
}
