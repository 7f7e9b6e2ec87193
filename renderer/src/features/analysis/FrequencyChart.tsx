import { formatNumber } from '../../../../shared/text/plural';
import { CodeGlyph } from '../codebook/CodeGlyph';
import { measureCount, measureLabel } from './analysisModel';
import type { FrequencyRow, Measure } from './analysisModel';
import styles from './FrequencyChart.module.css';

export interface FrequencyChartProps {
  rows: readonly FrequencyRow[];
  measure: Measure;
  selectedCodeId: string | null;
  onSelect: (codeId: string) => void;
}

/**
 * Code frequencies as horizontal bars in the codes' colours, most first, each with its number;
 * a table underneath (code, count), so it reads out as one. A code's name lists its passages.
 */
export function FrequencyChart({ rows, measure, selectedCodeId, onSelect }: FrequencyChartProps) {
  const max = rows.reduce((m, r) => Math.max(m, r.count), 0);
  return (
    <table className={styles.freq}>
      <caption className={'sr-only'}>{`${measureLabel(measure)} per code, most first`}</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.freqHead}>
            Code
          </th>
          <th scope="col" className={`${styles.freqHead} ${styles.freqHeadCount}`}>
            {measureLabel(measure)}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ code, count }) => {
          const width = max > 0 ? (count / max) * 100 : 0;
          return (
            <tr key={code.id} className={code.id === selectedCodeId ? `${styles.freqRow} ${styles.freqRowSelected}` : styles.freqRow}>
              <th scope="row" className={styles.freqLabel}>
                <button
                  type="button"
                  className={styles.freqCode}
                  title={code.label}
                  aria-pressed={code.id === selectedCodeId}
                  aria-label={`${code.label}: ${measureCount(count, measure)}`}
                  onClick={() => onSelect(code.id)}
                >
                  <CodeGlyph color={code.color} folder={code.folder} />
                  <span className={styles.freqName}>{code.name}</span>
                  {code.path.length > 1 ? <span className={styles.freqParent}>{code.path.slice(0, -1).join(' › ')}</span> : null}
                </button>
              </th>
              <td className={styles.freqValue}>
                <span className={styles.freqTrack} aria-hidden="true">
                  <span className={styles.freqBar} style={{ width: `${width}%`, backgroundColor: code.color }} />
                </span>
                <span className={styles.freqCount}>{formatNumber(count)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
