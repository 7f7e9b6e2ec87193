import { useEffect, useId, useState } from 'react';
import { DecisionRecord } from './DecisionRecord';
import type { AgreementResult, AttributeFilter, DisagreementView, HistoryState } from '../../../../shared/api/contract';
import type { Span } from '../../../../shared/text/spans';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QuietLoading } from '../../ui/QuietLoading';
import { trimContext } from '../retrieval/retrievalText';
import { useWorkbench } from '../workbench/context';
import type { AgreementSettings } from './agreementSettings';
import { CONSENSUS_NAME } from './agreementSettings';
import { Figure } from './AgreementTable';
import { buildTable, columnName } from '../../../../shared/agreement/table-model';
import type { MarkRun, PassageState } from './passageMarks';
import { describeSpans, markRuns, passageKey, passageState, runLength, versionRuns } from './passageMarks';

type Choice = 'A' | 'B' | 'both' | 'neither';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; key: string; passages: DisagreementView[]; consensus: Map<string, Span[]> | null }
  | { status: 'failed'; key: string; error: ApiError };

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
  const workbench = useWorkbench();
  const api = useApi();
  const { project } = workbench;
  const ids = useId();
  const { codeId, coderA, coderB } = drill;
  const code = project.codebook.find((c) => c.id === codeId);
  const nameOf = (id: string) => project.coders.find((c) => c.id === id)?.name ?? 'Unknown coder';
  const a = nameOf(coderA);
  const b = nameOf(coderB);
  const consensus = project.coders.find((c) => c.name === CONSENSUS_NAME) ?? null;
  const tracksConsensus = consensus !== null && consensus.id !== coderA && consensus.id !== coderB;
  const documentIds = settings.documentIds.length > 0 ? settings.documentIds : null;
  const key = JSON.stringify([codeId, coderA, coderB, documentIds, attributes, tracksConsensus ? consensus.id : null]);

  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [neither, setNeither] = useState<NeitherMarks>({ history: null, keys: [] });
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const consensusId = tracksConsensus ? consensus.id : null;
    Promise.all([
      api.call('agreement.disagreements', { coderA, coderB, codeId, documentIds, attributes }),
      consensusId
        ? api.call('segments.query', { codeIds: [codeId], includeSubcodes: false, coderIds: [consensusId], attributes: {}, documentIds })
        : Promise.resolve(null),
    ])
      .then(([passages, segments]) => {
        if (!live) return;
        let byDoc: Map<string, Span[]> | null = null;
        if (segments) {
          byDoc = new Map();
          for (const s of segments) byDoc.set(s.documentId, [...(byDoc.get(s.documentId) ?? []), { start: s.start, end: s.end }]);
        }
        setLoad({ status: 'ready', key, passages, consensus: byDoc });
      })
      .catch((error: unknown) => {
        if (live) setLoad({ status: 'failed', key, error: ApiError.from(error) });
      });
    return () => {
      live = false;
    };
    // `project` is here so the list refreshes after every change, decision and undo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, project]);

  const neitherKeys = new Set(neither.history === workbench.history ? neither.keys : []);
  const passages = load.status === 'ready' ? load.passages : [];
  const stale = load.status !== 'loading' && load.key !== key;

  function stateOf(p: DisagreementView): PassageState | 'neither' | null {
    if (load.status !== 'ready' || !load.consensus) return null;
    const state = passageState(p, load.consensus.get(p.documentId) ?? []);
    if (state === 'open' && neitherKeys.has(passageKey(p))) return 'neither';
    return state;
  }
  const states = passages.map(stateOf);
  const open = states.filter((s) => s === 'open').length;

  async function decide(p: DisagreementView, choice: Choice) {
    const k = passageKey(p);
    setBusy(k);
    setMessage(null);
    try {
      const change = await workbench.change('agreement.resolve', {
        coderA,
        coderB,
        codeId,
        documentId: p.documentId,
        start: p.start,
        end: p.end,
        choice,
        note: notes[k] ?? '',
      });
      if (!change) return;
      const kept = (neither.history === workbench.history ? neither.keys : []).filter((x) => x !== k);
      setNeither({ history: change.history, keys: choice === 'neither' ? [...kept, k] : kept });
      setNotes((n) => {
        const next = { ...n };
        delete next[k];
        return next;
      });
      setMessage(change.message);
    } catch (error) {
      workbench.showError(error);
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
      <div className="agr-drill">
        <EmptyState title="This code is no longer in the codebook">It may have been deleted or merged.</EmptyState>
      </div>
    );
  }

  return (
    <section className="agr-drill" aria-labelledby={`${ids}-title`}>
      <div className="agr-drill__head">
        <button type="button" className="agr-link agr-drill__back" onClick={onBack}>
          ‹ All codes
        </button>
        <h3 className="agr-drill__title" id={`${ids}-title`}>
          <span className="agr-code__swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
          Where {a} and {b} differ at {code.name}
        </h3>
        {settings.coderIds.length > 2 || !figures ? (
          <div className="agr-drill__pair">
            <label htmlFor={`${ids}-a`}>Coder A</label>
            <select id={`${ids}-a`} className="field__input field__select" value={coderA} onChange={(event) => onPair(event.target.value, coderB)}>
              {settings.coderIds.map((id) => (
                <option key={id} value={id} disabled={id === coderB}>
                  {nameOf(id)}
                </option>
              ))}
            </select>
            <label htmlFor={`${ids}-b`}>Coder B</label>
            <select id={`${ids}-b`} className="field__input field__select" value={coderB} onChange={(event) => onPair(coderA, event.target.value)}>
              {settings.coderIds.map((id) => (
                <option key={id} value={id} disabled={id === coderA}>
                  {nameOf(id)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {figures ? (
          <p className="agr-drill__figures" aria-label={`Figures for ${code.name}`}>
            {figures.map(({ column, cell }) => (
              <span key={column.id} className="agr-drill__figure">
                <span className="agr-drill__figure-name">{columnName(column)}</span> <Figure cell={cell} footnotes={new Map()} />
              </span>
            ))}
          </p>
        ) : null}
        <div className="agr-legend" aria-label="Legend">
          <span className="agr-legend__item">
            <span className="agr-mark agr-mark--both">text</span> coded by both
          </span>
          <span className="agr-legend__item">
            <span className="agr-mark agr-mark--only-a">text</span> only {a} (A)
          </span>
          <span className="agr-legend__item">
            <span className="agr-mark agr-mark--only-b">text</span> only {b} (B)
          </span>
        </div>
        <p className="agr-drill__count" role="status" aria-live="polite">
          {load.status === 'ready'
            ? passages.length === 0
              ? `${a} and ${b} coded exactly the same characters at ${code.name}.`
              : `${passages.length} passage${passages.length === 1 ? '' : 's'} where they differ` +
                (tracksConsensus ? ` · ${open} open · ${passages.length - open} settled` : '')
            : '\u00a0'}
          {stale ? <span className="agr-muted"> · updating…</span> : null}
          {message ? <span className="agr-drill__message"> · {message}</span> : null}
        </p>
      </div>

      <div className="agr-drill__body">
        {load.status === 'loading' ? <QuietLoading label="Finding the passages where they differ…" /> : null}
        {load.status === 'failed' ? <ErrorAlert error={load.error} /> : null}
        {load.status === 'ready' && passages.length === 0 ? (
          <EmptyState title="No disagreements">Nothing to settle here for these documents.</EmptyState>
        ) : null}
        {passages.length > 0 ? (
          <ol className="agr-passages" aria-label="Disagreements">
            {passages.map((p, i) => {
              const k = passageKey(p);
              return (
                <PassageCard
                  key={k}
                  passage={p}
                  state={states[i] ?? null}
                  nameA={a}
                  nameB={b}
                  documentName={project.documents.find((d) => d.id === p.documentId)?.name ?? 'Unknown document'}
                  note={notes[k] ?? ''}
                  onNote={(text) => setNotes((n) => ({ ...n, [k]: text }))}
                  busy={busy === k}
                  disabled={busy !== null || project.readOnly !== null}
                  onDecide={(choice) => void decide(p, choice)}
                  onOpen={() => workbench.openDocument(p.documentId, { start: p.start, end: p.end })}
                />
              );
            })}
          </ol>
        ) : null}
      </div>
    </section>
  );
}

const stateLabels: Record<PassageState | 'neither', string> = {
  open: 'Open',
  A: 'Settled: A’s coding kept',
  B: 'Settled: B’s coding kept',
  both: 'Settled: both kept',
  neither: 'Settled: neither kept',
  other: 'Settled otherwise: the consensus coding differs from both',
};

interface PassageCardProps {
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

function PassageCard({ passage: p, state, nameA, nameB, documentName, note, onNote, busy, disabled, onDecide, onOpen }: PassageCardProps) {
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
    <li className={['agr-passage', settled ? 'agr-passage--settled' : ''].filter(Boolean).join(' ')} aria-labelledby={`${ids}-where`}>
      <div className="agr-passage__meta">
        <span id={`${ids}-where`} className="agr-passage__where">
          <span className="agr-passage__doc">{documentName}</span>
          {p.speaker ? (
            <>
              <span className="agr-sep" aria-hidden="true">
                ·
              </span>
              <span className="agr-passage__speaker">{p.speaker}</span>
            </>
          ) : null}
          <span className="agr-sep" aria-hidden="true">
            ·
          </span>
          <span className="agr-passage__range">
            characters {p.start}–{p.end}
          </span>
        </span>
        {state ? <span className={`agr-state agr-state--${settled ? 'settled' : 'open'}`}>{stateLabels[state]}</span> : null}
        <button type="button" className="agr-link agr-passage__open" onClick={onOpen}>
          Open in reader
        </button>
      </div>
      <div className="agr-passage__versions">
        <Version label={`A · ${nameA}`} side="A" runs={runs} passage={p} summary={`coded ${describeSpans(p.spansA)}; ${onlyA} character${onlyA === 1 ? '' : 's'} only ${nameA}`} />
        <Version label={`B · ${nameB}`} side="B" runs={runs} passage={p} summary={`coded ${describeSpans(p.spansB)}; ${onlyB} character${onlyB === 1 ? '' : 's'} only ${nameB}`} />
      </div>
      <DecisionRecord decision={p.decision} />
      <div className="agr-passage__decide">
        <input
          className="field__input agr-passage__note"
          type="text"
          aria-label={`Note on this decision (optional), ${documentName} ${p.start}–${p.end}`}
          placeholder="Note on the decision (optional)"
          value={note}
          maxLength={100_000}
          disabled={disabled}
          onChange={(event) => onNote(event.target.value)}
        />
        <div className="agr-passage__buttons" role="group" aria-label="Settle this passage">
          {decisions.map((d) => (
            <Button key={d.choice} size="sm" variant={d.choice === 'A' || d.choice === 'B' ? 'secondary' : 'ghost'} title={d.title} disabled={disabled} onClick={() => onDecide(d.choice)}>
              {d.label}
            </Button>
          ))}
        </div>
        {busy ? <span className="agr-muted">Saving…</span> : null}
      </div>
    </li>
  );
}

function Version({ label, side, runs, passage, summary }: { label: string; side: 'A' | 'B'; runs: MarkRun[]; passage: DisagreementView; summary: string }) {
  const pieces = versionRuns(runs, side);
  const text = (start: number, end: number) => passage.text.slice(start - passage.start, end - passage.start);
  const only = side === 'A' ? 'agr-mark--only-a' : 'agr-mark--only-b';
  return (
    <figure className={`agr-version agr-version--${side.toLowerCase()}`}>
      <figcaption className="agr-version__caption">
        <strong>{label}</strong> <span className="agr-muted">{summary}</span>
      </figcaption>
      <p className="agr-version__text">
        {/* The context runs straight into the passage: a passage may begin or end inside a word. */}
        {passage.before ? <span className="agr-version__context">{trimContext(passage.before, 'before', 140)}</span> : null}
        {pieces.map((piece) =>
          piece.look === 'none' ? (
            <span key={piece.start} className="agr-version__uncoded">
              {text(piece.start, piece.end)}
            </span>
          ) : (
            <mark key={piece.start} className={`agr-mark ${piece.look === 'both' ? 'agr-mark--both' : only}`} data-mark={piece.look === 'both' ? 'both' : `only-${side.toLowerCase()}`}>
              {text(piece.start, piece.end)}
            </mark>
          ),
        )}
        {passage.after ? <span className="agr-version__context">{trimContext(passage.after, 'after', 140)}</span> : null}
      </p>
    </figure>
  );
}
