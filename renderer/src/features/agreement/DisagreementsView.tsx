import { useId, useMemo, useState } from 'react';
import { DISAGREEMENT_PAGE } from '../../../../shared/api/limits';
import type { AgreementResult, AttributeFilter, DisagreementView, HistoryState } from '../../../../shared/api/contract';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { Button } from '../../ui/Button';
import type { AgreementSettings } from './agreementSettings';
import { CONSENSUS_NAME } from './agreementSettings';
import { Figure } from './AgreementTable';
import { buildTable, columnName } from '../../../../shared/agreement/table-model';
import type { PassageState } from './passageMarks';
import { passageKey, passageState } from './passageMarks';
import styles from './DisagreementsView.module.css';
import agreementStyles from './agreement.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useProject, useChanges, useDocumentActions } from '../workbench/state/contexts';
import { PassageCard } from './PassageCard';
import type { Choice } from './PassageCard';
import { useDisagreements } from './useDisagreements';
import { documentIdsOf, usePassageNames } from '../retrieval/usePassageNames';
import { formatNumber, plural } from '../../../../shared/text/plural';

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
  onBack: () => void;
  onPair: (coderA: string, coderB: string) => void;
}

/** The passages where two coders differ at one code, each version side by side, with a way to settle each. */
export function DisagreementsView({ drill, settings, attributes, result, onBack, onPair }: DisagreementsViewProps) {
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
  const scopeKey = JSON.stringify(scope);
  // How many passages to show: a page at first, a page more on each ask; back to one for another scope.
  const [asked, setAsked] = useState({ scopeKey, count: DISAGREEMENT_PAGE });
  const shown = asked.scopeKey === scopeKey ? asked.count : DISAGREEMENT_PAGE;
  const { load, key } = useDisagreements(scope, tracksConsensus ? consensus.id : null, shown, project);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [neither, setNeither] = useState<NeitherMarks>({ history: null, keys: [] });
  const [message, setMessage] = useState<string | null>(null);

  const neitherKeys = new Set(neither.history === history ? neither.keys : []);
  const passages = useMemo(() => (load.status === 'ready' ? load.page.passages : []), [load]);
  const names = usePassageNames(useMemo(() => documentIdsOf(passages), [passages]));
  const total = load.status === 'ready' ? load.page.total : 0;
  const stale = load.status !== 'loading' && load.key !== key;

  function stateOf(p: DisagreementView): PassageState | 'neither' | null {
    if (load.status !== 'ready' || !load.consensus) return null;
    const state = passageState(p, load.consensus.get(p.documentId) ?? []);
    if (state === 'open' && neitherKeys.has(passageKey(p))) return 'neither';
    return state;
  }
  const states = passages.map(stateOf);
  // Progress is read from the Consensus coder's decision log, so it survives reloads.
  const settled = load.status === 'ready' ? load.page.settled : 0;

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
      const result = await change('agreement.resolve', {
        coderA,
        coderB,
        codeId,
        documentId: p.documentId,
        start: p.start,
        end: p.end,
        choice,
        note: notes[k] ?? '',
      });
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

  // The code's figures from the comparison, when it compares this pair.
  const figures = (() => {
    if (!result) return null;
    const model = buildTable(result, [settings.aggregation]);
    if (!model.pair) return null;
    const samePair = (model.pair.coderA === coderA && model.pair.coderB === coderB) || (model.pair.coderA === coderB && model.pair.coderB === coderA);
    const row = model.rows.find((r) => r.codeId === codeId);
    if (!samePair || !row) return null;
    return model.columns.filter((c) => c.kind === 'measure').map((c) => ({ column: c, cell: row.cells[c.id]! }));
  })();

  if (!code) {
    return (
      <div className={styles.agrDrill}>
        <EmptyState title="This code is no longer in the codebook">It may have been deleted or merged.</EmptyState>
      </div>
    );
  }

  return (
    <section className={styles.agrDrill} aria-labelledby={`${ids}-title`}>
      <div className={styles.agrDrillHead}>
        <button type="button" className={agreementStyles.agrLink} onClick={onBack}>
          ‹ All codes
        </button>
        <h3 className={styles.agrDrillTitle} id={`${ids}-title`}>
          <span className={agreementStyles.agrCodeSwatch} style={{ backgroundColor: code.color }} aria-hidden="true" />
          Where {a} and {b} differ at {code.name}
        </h3>
        {settings.coderIds.length > 2 || !figures ? (
          <div className={styles.agrDrillPair}>
            <label htmlFor={`${ids}-a`}>Coder A</label>
            <select id={`${ids}-a`} className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect}`} value={coderA} onChange={(event) => onPair(event.target.value, coderB)}>
              {settings.coderIds.map((id) => (
                <option key={id} value={id} disabled={id === coderB}>
                  {nameOf(id)}
                </option>
              ))}
            </select>
            <label htmlFor={`${ids}-b`}>Coder B</label>
            <select id={`${ids}-b`} className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect}`} value={coderB} onChange={(event) => onPair(coderA, event.target.value)}>
              {settings.coderIds.map((id) => (
                <option key={id} value={id} disabled={id === coderA}>
                  {nameOf(id)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {figures ? (
          <p className={styles.agrDrillFigures} aria-label={`Figures for ${code.name}`}>
            {figures.map(({ column, cell }) => (
              <span key={column.id} className={styles.agrDrillFigure}>
                <span className={styles.agrDrillFigureName}>{columnName(column)}</span> <Figure cell={cell} footnotes={new Map()} />
              </span>
            ))}
          </p>
        ) : null}
        <div className={styles.agrLegend} aria-label="Legend">
          <span className={styles.agrLegendItem}>
            <span className={`${styles.agrMark} ${styles.agrMarkBoth}`}>text</span> coded by both
          </span>
          <span className={styles.agrLegendItem}>
            <span className={`${styles.agrMark} ${styles.agrMarkOnlyA}`}>text</span> only {a} (A)
          </span>
          <span className={styles.agrLegendItem}>
            <span className={`${styles.agrMark} ${styles.agrMarkOnlyB}`}>text</span> only {b} (B)
          </span>
        </div>
        <p className={styles.agrDrillCount} role="status" aria-live="polite">
          {load.status === 'ready'
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
        {load.status === 'loading' ? <QuietLoading label="Finding the passages where they differ…" /> : null}
        {load.status === 'failed' ? <ErrorAlert error={load.error} /> : null}
        {load.status === 'ready' && passages.length === 0 ? (
          <EmptyState title="No disagreements">Nothing to settle here for these documents.</EmptyState>
        ) : null}
        {passages.length > 0 ? (
          <ol className={styles.agrPassages} aria-label="Disagreements">
            {passages.map((p, i) => {
              const k = passageKey(p);
              return (
                <PassageCard
                  key={k}
                  passage={p}
                  state={states[i] ?? null}
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
            })}
          </ol>
        ) : null}
        {passages.length < total ? (
          <p className={styles.agrMore}>
            Showing {formatNumber(passages.length)} of {formatNumber(total)}.{' '}
            <Button size="sm" variant="secondary" disabled={stale} onClick={() => setAsked({ scopeKey, count: shown + DISAGREEMENT_PAGE })}>
              Show {formatNumber(Math.min(DISAGREEMENT_PAGE, total - passages.length))} more
            </Button>
          </p>
        ) : null}
      </div>
    </section>
  );
}

