import { useId } from 'react';
import type { AgreementResult } from '../../../../shared/api/contract';
import type { Code } from '../../../../shared/domain/schemas';
import { buildTable, columnName } from '../../../../shared/agreement/table-model';
import type { AgreementSettings } from './agreementSettings';
import { Figure } from './AgreementTable';
import styles from './DisagreementsView.module.css';
import agreementStyles from './agreement.module.css';
import uiStyles from '../../ui/ui.module.css';

export interface DisagreementsHeadProps {
  titleId: string;
  code: Pick<Code, 'id' | 'name' | 'color'>;
  coderA: string;
  coderB: string;
  nameOf: (coderId: string) => string;
  settings: AgreementSettings;
  /** The comparison's report, for the code's figures; null while it loads. */
  result: AgreementResult | null;
  onBack: () => void;
  onPair: (coderA: string, coderB: string) => void;
}

/** The code's figures from the comparison, when it compares this pair. */
function codeFigures(result: AgreementResult | null, settings: AgreementSettings, codeId: string, coderA: string, coderB: string) {
  if (!result) return null;
  const model = buildTable(result, [settings.aggregation]);
  if (!model.pair) return null;
  const samePair = (model.pair.coderA === coderA && model.pair.coderB === coderB) || (model.pair.coderA === coderB && model.pair.coderB === coderA);
  const row = model.rows.find((r) => r.codeId === codeId);
  if (!samePair || !row) return null;
  return model.columns.filter((c) => c.kind === 'measure').map((c) => ({ column: c, cell: row.cells[c.id]! }));
}

/** What the disagreements are of: the code and pair (the pair chosen here when more coders are compared), the code's figures, and the colours' legend. */
export function DisagreementsHead({ titleId, code, coderA, coderB, nameOf, settings, result, onBack, onPair }: DisagreementsHeadProps) {
  const ids = useId();
  const a = nameOf(coderA);
  const b = nameOf(coderB);
  const figures = codeFigures(result, settings, code.id, coderA, coderB);
  const pairSelect = (side: 'a' | 'b', value: string, other: string, choose: (id: string) => void) => (
    <select id={`${ids}-${side}`} className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect}`} value={value} onChange={(event) => choose(event.target.value)}>
      {settings.coderIds.map((id) => (
        <option key={id} value={id} disabled={id === other}>
          {nameOf(id)}
        </option>
      ))}
    </select>
  );
  return (
    <>
      <button type="button" className={agreementStyles.agrLink} onClick={onBack}>
        ‹ All codes
      </button>
      <h3 className={styles.agrDrillTitle} id={titleId}>
        <span className={agreementStyles.agrCodeSwatch} style={{ backgroundColor: code.color }} aria-hidden="true" />
        Where {a} and {b} differ at {code.name}
      </h3>
      {settings.coderIds.length > 2 || !figures ? (
        <div className={styles.agrDrillPair}>
          <label htmlFor={`${ids}-a`}>Coder A</label>
          {pairSelect('a', coderA, coderB, (id) => onPair(id, coderB))}
          <label htmlFor={`${ids}-b`}>Coder B</label>
          {pairSelect('b', coderB, coderA, (id) => onPair(coderA, id))}
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
    </>
  );
}
