import { useMemo } from 'react';
import type { AgreementResult } from '../../../../shared/api/contract';
import { measureExplanation } from '../../../../shared/agreement/explanations';
import type { AgreementUnit, ExplainedMeasure } from '../../../../shared/agreement/explanations';
import { buildTable } from '../../../../shared/agreement/table-model';
import type { Aggregation, TableModel } from '../../../../shared/agreement/table-model';
import { ToggleGroup } from '../../ui/ToggleGroup';
import { AgreementChart } from './AgreementChart';
import type { AgreementSettings } from './agreementSettings';
import { Figure } from './AgreementTable';
import { AgreementTable } from './AgreementTable';
import type { SortState } from './agreementTable';
import { sortRows, undefinedReasons } from './agreementTable';
import styles from './AgreementReport.module.css';
import agreementStyles from './agreement.module.css';

const aggregations: { value: Aggregation; label: string; title: string }[] = [
  { value: 'pooled', label: 'Pooled', title: measureExplanation('pooled', 'characters') },
  { value: 'lengthWeighted', label: 'Length-weighted mean', title: measureExplanation('lengthWeighted', 'characters') },
  { value: 'unweighted', label: 'Unweighted mean', title: measureExplanation('unweighted', 'characters') },
];

/** "Percent agreement: the share…" → its name and its text, for a definition list. */
function splitExplanation(text: string): { name: string; body: string } {
  const at = text.indexOf(': ');
  if (at <= 0) return { name: '', body: text };
  const body = text.slice(at + 2);
  return { name: text.slice(0, at), body: body.charAt(0).toLocaleUpperCase('en-GB') + body.slice(1) };
}

export function MeasureNotes({ measures, unit }: { measures: ExplainedMeasure[]; unit: AgreementUnit }) {
  return (
    <aside className={styles.agrExplain} aria-labelledby="agr-explain-title">
      <h3 className={agreementStyles.agrH3} id="agr-explain-title">
        How to read these figures
      </h3>
      <dl>
        {measures.map((m) => {
          const { name, body } = splitExplanation(measureExplanation(m, unit));
          return (
            <div key={m}>
              <dt>{name}</dt>
              <dd>{body}</dd>
            </div>
          );
        })}
      </dl>
    </aside>
  );
}

export interface AgreementReportProps {
  result: AgreementResult;
  settings: AgreementSettings;
  update: (patch: Partial<AgreementSettings>) => void;
  onDrill: (codeId: string) => void;
}

/** The comparison's report: what was compared, the table per code, the chart, and what each figure means. */
export function AgreementReport({ result, settings, update, onDrill }: AgreementReportProps) {
  const model: TableModel = useMemo(() => buildTable(result, [settings.aggregation]), [result, settings.aggregation]);
  const validSort = settings.sort && (settings.sort.column === 'code' || model.columns.some((c) => c.id === settings.sort!.column));
  const sort: SortState = validSort ? settings.sort! : { column: model.primary, direction: 'ascending' };
  const rows = sortRows(model.rows, sort);
  const { report } = result;
  const pairwise = report.mode === 'character-multi' ? report.pairwise : [];
  const footnotes = undefinedReasons(rows, model.overall, model.columns);
  for (const p of pairwise) if (!p.kappa.defined && !footnotes.has(p.kappa.reason)) footnotes.set(p.kappa.reason, footnotes.size + 1);
  const anyMeanNote = Object.values(model.overall.cells).some((c) => c.kind === 'measure' && c.note) || rows.some((r) => Object.values(r.cells).some((c) => c.kind === 'measure' && c.note));
  const chartMeasure = settings.chart && model.chartable.includes(settings.chart) ? settings.chart : model.primary;
  const coderName = (id: string) => result.coders.find((c) => c.id === id)?.name ?? 'Unknown coder';

  const caption = model.pair
    ? `Agreement by code between ${coderName(model.pair.coderA)} and ${coderName(model.pair.coderB)}`
    : `Agreement by code among ${result.coders.map((c) => c.name).join(', ')}`;

  return (
    <div className={styles.agrReport}>
      <section className={agreementStyles.agrAbout} aria-labelledby="agr-about-title">
        <h3 className={agreementStyles.agrH3} id="agr-about-title">
          What was compared
        </h3>
        {result.description.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>

      <div className={styles.agrReportMain}>
        <section aria-labelledby="agr-figures-title">
          <div className={agreementStyles.agrSectionHead}>
            <h3 className={agreementStyles.agrH3} id="agr-figures-title">
              {caption}
            </h3>
            {report.mode === 'character' ? (
              <ToggleGroup label="Figures over documents" value={settings.aggregation} options={aggregations} onChange={(aggregation) => update({ aggregation })} />
            ) : null}
          </div>
          <AgreementTable
            model={model}
            rows={rows}
            sort={sort}
            onSort={(next) => update({ sort: next })}
            footnotes={footnotes}
            onDrill={onDrill}
            caption={caption}
          />
          <p className={styles.agrHint}>Click a code to see the passages where the coders differ, side by side, and settle them.</p>
          {footnotes.size > 0 || anyMeanNote ? (
            <div className={styles.agrFootnotes} data-footnotes="">
              {footnotes.size > 0 ? (
                <ol>
                  {[...footnotes].map(([reason, n]) => (
                    <li key={n} value={n}>
                      Undefined: {reason}.
                    </li>
                  ))}
                </ol>
              ) : null}
              {anyMeanNote ? <p>* A mean over fewer documents than were compared: where the figure is undefined in a document, that document is left out. Hover for how many.</p> : null}
            </div>
          ) : null}

          {pairwise.length > 0 ? <PairwiseMatrix result={result} footnotes={footnotes} /> : null}
        </section>

        <MeasureNotes measures={model.explain} unit={model.unit} />
      </div>

      <AgreementChart rows={rows} columns={model.columns} chartable={model.chartable} measure={chartMeasure} onMeasure={(chart) => update({ chart })} />
    </div>
  );
}

/** Cohen's κ for every pair of coders (character tables pooled over codes and documents). */
function PairwiseMatrix({ result, footnotes }: { result: AgreementResult; footnotes: ReadonlyMap<string, number> }) {
  const { report } = result;
  if (report.mode !== 'character-multi') return null;
  const coders = report.coderIds.map((id) => ({ id, name: result.coders.find((c) => c.id === id)?.name ?? 'Unknown coder' }));
  const kappa = (a: string, b: string) => report.pairwise.find((p) => (p.coderA === a && p.coderB === b) || (p.coderA === b && p.coderB === a))?.kappa;
  return (
    <section className={agreementStyles.agrPairwise} aria-labelledby="agr-pairwise-title">
      <h3 className={agreementStyles.agrH3} id="agr-pairwise-title">
        Pairwise Cohen’s κ (all chosen codes and documents pooled)
      </h3>
      <div className={agreementStyles.agrTableWrap}>
        <table className={`${agreementStyles.agrTable} ${styles.agrTableMatrix}`}>
          <thead>
            <tr>
              <td />
              {coders.map((c) => (
                <th key={c.id} scope="col" className={agreementStyles.agrTableNum}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coders.map((row) => (
              <tr key={row.id}>
                <th scope="row" className={agreementStyles.agrTableCode}>
                  {row.name}
                </th>
                {coders.map((col) => {
                  const k = row.id === col.id ? undefined : kappa(row.id, col.id);
                  return (
                    <td key={col.id} className={`${agreementStyles.agrTableNum} ${agreementStyles.agrTableMeasure}`}>
                      {k ? <Figure cell={{ kind: 'measure', value: k, format: 'coefficient' }} footnotes={footnotes} /> : <span aria-label="same coder">—</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
