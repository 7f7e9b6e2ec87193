import type { AttributeFilter } from '../../../../shared/api/contract';
import { measureCount } from './analysisModel';
import type { FrequencyRow, Measure } from './analysisModel';
import { CellSegments } from './CellSegments';
import { FrequencyChart } from './FrequencyChart';
import analysisStyles from './analysis.module.css';

export interface FrequencyBodyProps {
  bars: FrequencyRow[];
  measure: Measure;
  rollUp: boolean;
  coderIds: string[] | null;
  attributes: AttributeFilter;
  pick: string | null;
  onPick: (codeId: string | null) => void;
}

/** The code frequency bars, and the passages of the code picked among them. */
export function FrequencyBody({ bars, measure, rollUp, coderIds, attributes, pick, onPick }: FrequencyBodyProps) {
  const picked = pick ? bars.find((r) => r.code.id === pick) : undefined;
  return (
    <>
      <div className={analysisStyles.freqScroll}>
        <FrequencyChart rows={bars} measure={measure} selectedCodeId={picked ? picked.code.id : null} onSelect={onPick} />
      </div>
      {picked ? (
        <CellSegments
          key={picked.code.id}
          title={picked.code.name}
          {...(measure === 'segments' ? {} : { figure: measureCount(picked.count, measure) })}
          query={{ codeIds: [picked.code.id], includeSubcodes: rollUp, coderIds, attributes, documentIds: null }}
          onClose={() => onPick(null)}
        />
      ) : null}
    </>
  );
}
