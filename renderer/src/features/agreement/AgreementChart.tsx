import { useId } from 'react';
import { ToggleGroup } from '../../ui/ToggleGroup';
import { formatFigure } from '../../../../shared/agreement/format';
import { columnName } from '../../../../shared/agreement/table-model';
import type { Column, TableRow } from '../../../../shared/agreement/table-model';
import { axisPosition, chartData } from './agreementTable';

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
    <section className="agr-chart" aria-labelledby={titleId}>
      <div className="agr-section-head">
        <h3 className="agr-h3" id={titleId}>
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
        <div className="agr-chart__plot">
          <div className="agr-chart__axis" aria-hidden="true">
            <span className="agr-chart__axis-name" />
            <span className="agr-chart__axis-track">
              {ticks.map((t) => (
                <span key={t} className="agr-chart__tick" style={{ left: `${axisPosition(t, data.min, data.max) * 100}%` }}>
                  {format === 'percent' ? `${Math.round(t * 100)} %` : t.toFixed(1).replace('-', '\u2212')}
                </span>
              ))}
            </span>
            <span className="agr-chart__axis-value" />
          </div>
          <ol className="agr-chart__bars" aria-label={`${name} by code`}>
            {data.bars.map((bar) => {
              const at = axisPosition(bar.value, data.min, data.max);
              const left = Math.min(at, zero);
              const width = Math.abs(at - zero);
              return (
                <li key={bar.codeId} className="agr-chart__bar-row">
                  <span className="agr-chart__name" title={bar.name}>
                    {bar.name}
                  </span>
                  <span className="agr-chart__track" aria-hidden="true">
                    <span className="agr-chart__zero" style={{ left: `${zero * 100}%` }} />
                    <span
                      className="agr-chart__bar"
                      style={{ left: `${left * 100}%`, width: `max(${width * 100}%, 2px)`, backgroundColor: bar.color }}
                    />
                  </span>
                  <span className="agr-chart__value">{formatFigure(bar.value, format)}</span>
                </li>
              );
            })}
          </ol>
        </div>
      ) : (
        <p className="agr-muted">No code has a defined {name} here.</p>
      )}
      {data.missing.length > 0 ? (
        <div className="agr-chart__missing">
          <p className="agr-chart__missing-title">Not drawn: {name} is undefined for</p>
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
