import { CoderSelect } from '../retrieval/SegmentCard';
import type { Measure } from './analysisModel';
import type { SubView } from './useAnalysisSettings';
import styles from './AnalysisView.module.css';
import viewPage from '../../ui/viewPage.module.css';
import uiStyles from '../../ui/ui.module.css';

const measures: { value: Measure; label: string }[] = [
  { value: 'segments', label: 'Coded segments' },
  { value: 'characters', label: 'Coded characters' },
  { value: 'documents', label: 'Documents' },
];

export interface AnalysisControlsProps {
  /** Prefix for the controls' ids. */
  idBase: string;
  view: SubView;
  attributeNames: string[];
  /** The attribute the matrix columns show, or '' for documents. */
  columnsName: string;
  onColumnsName: (name: string) => void;
  measure: Measure;
  onMeasure: (measure: Measure) => void;
  coders: readonly { id: string; name: string }[];
  currentCoderId: string | null;
  /** A coder's id, or 'all'. */
  coderId: string;
  onCoderId: (coderId: string) => void;
  rollUp: boolean;
  onRollUp: (rollUp: boolean) => void;
}

/** What the analysis counts: the matrix columns, the measure, whose codings, and whether sub-codes count in their parents. */
export function AnalysisControls(props: AnalysisControlsProps) {
  const { idBase, view, attributeNames, columnsName, onColumnsName, measure, onMeasure, coders, currentCoderId, coderId, onCoderId, rollUp, onRollUp } = props;
  return (
    <div className={`${viewPage.controls} ${styles.analysisControls}`}>
      {view === 'matrix' ? (
        <span className={viewPage.select}>
          <label htmlFor={`${idBase}-columns`}>Columns</label>
          <select
            id={`${idBase}-columns`}
            className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect}`}
            value={columnsName}
            onChange={(event) => onColumnsName(event.target.value)}
          >
            <option value="">Documents</option>
            {attributeNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </span>
      ) : null}
      {view !== 'cooccurrence' ? (
        <span className={viewPage.select}>
          <label htmlFor={`${idBase}-measure`}>Count</label>
          <select id={`${idBase}-measure`} className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect}`} value={measure} onChange={(event) => onMeasure(event.target.value as Measure)}>
            {measures.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </span>
      ) : null}
      <CoderSelect id={`${idBase}-coder`} value={coderId} onChange={onCoderId} coders={coders} currentCoderId={currentCoderId} />
      {view !== 'cooccurrence' ? (
        <label className={viewPage.check} title="A coding at a sub-code also counts for its parent codes">
          <input type="checkbox" checked={rollUp} onChange={(event) => onRollUp(event.target.checked)} />
          Include sub-codes
        </label>
      ) : null}
    </div>
  );
}
