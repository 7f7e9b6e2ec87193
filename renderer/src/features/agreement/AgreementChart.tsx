import { useId } from 'react';
import { ToggleGroup } from '../../ui/ToggleGroup';
import { formatFigure } from '../../../../shared/agreement/format';
import { columnName } from '../../../../shared/agreement/table-model';
import type { Column, TableRow } from '../../../../shared/agreement/table-model';
import { axisPosition, chartData } from './agreementTable';
import styles from './AgreementChart.module.css';
import agreementStyles from './agreement.module.css';

export interface AgreementChartProps {
  rows: TableRow[];
  columns: Column[];
  /** Measure columns the chart can show, and the one shown. */
  chartable: string[];
  measure: string;
  onMeasure: (id: string) => void;
}

/**
 * Agreement per code as horizontal bars in the code's colour, from zero (κ can fall below it),
 * in the table's order. A code whose figure is undefined is listed apart, never drawn as 0.
 */
export function AgreementChart({ rows, columns, chartable, measure, onMeasure }: AgreementChartProps) {
  const titleId = useId();
  const column = columns.find((c) => c.id === measure) ?? columns.find((c) => c.id === chartable[0]);
  if (!column) return null;
  const format = column.id === 'percent' ? 'percent' : 'coefficient';
  const data = chartData(rows, column.id);
  const zero = axisPosition(0, data.min, data.max);
  const ticks: number[] = [];
  for (let k = Math.ceil(data.min * 5); k <= 5; k++) ticks.push(k / 5);
  const missingByReason = new Map<string, string[]>();
  for (const m of data.missing) missingByReason.set(m.reason, [...(missingByReason.get(m.reason) ?? []), m.name]);
  const name = columnName(column);

  return (
    <section aria-labelledby={titleId}>
      <div className={agreementStyles.agrSectionHead}>
        <h3 className={agreementStyles.agrH3} id={titleId}>
          {name} by code
        </h3>
        {chartable.length > 1 ? (
          <ToggleGroup
            label="Show"
            value={column.id}
            options={chartable.map((id) => {
              const c = columns.find((x) => x.id === id);
              return { value: id, label: c?.label ?? id };
            })}
            onChange={onMeasure}
          />
        ) : null}
      </div>
      {data.bars.length > 0 ? (
        <div className={styles.agrChartPlot}>
          <div className={styles.agrChartAxis} aria-hidden="true">
            <span />
            <span className={styles.agrChartAxisTrack}>
              {ticks.map((t) => (
                <span key={t} className={styles.agrChartTick} style={{ left: `${axisPosition(t, data.min, data.max) * 100}%` }}>
                  {format === 'percent' ? `${Math.round(t * 100)} %` : t.toFixed(1).replace('-', '\u2212')}
                </span>
              ))}
            </span>
            <span />
          </div>
          <ol aria-label={`${name} by code`}>
            {data.bars.map((bar) => {
              const at = axisPosition(bar.value, data.min, data.max);
              const left = Math.min(at, zero);
              const width = Math.abs(at - zero);
              return (
                <li key={bar.codeId} className={styles.agrChartBarRow}>
                  <span className={styles.agrChartName} title={bar.name}>
                    {bar.name}
                  </span>
                  <span className={styles.agrChartTrack} aria-hidden="true">
                    <span className={styles.agrChartZero} style={{ left: `${zero * 100}%` }} />
                    <span
                      className={styles.agrChartBar}
                      style={{ left: `${left * 100}%`, width: `max(${width * 100}%, 2px)`, backgroundColor: bar.color }}
                    />
                  </span>
                  <span className={styles.agrChartValue}>{formatFigure(bar.value, format)}</span>
                </li>
              );
            })}
          </ol>
        </div>
      ) : (
        <p className={agreementStyles.agrMuted}>No code has a defined {name} here.</p>
      )}
      {data.missing.length > 0 ? (
        <div className={styles.agrChartMissing}>
          <p className={styles.agrChartMissingTitle}>Not drawn: {name} is undefined for</p>
          <ul>
            {[...missingByReason].map(([reason, names]) => (
              <li key={reason}>
                <strong>{names.join(', ')}</strong>: {reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
