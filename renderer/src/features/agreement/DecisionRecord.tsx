import type { Decision } from '../../../../shared/domain/schemas';
import styles from './DecisionRecord.module.css';

const CHOICES: Record<Decision['choice'], string> = { A: 'A’s coding kept', B: 'B’s coding kept', both: 'both kept', neither: 'neither kept', edited: 'extent edited' };

/** The passage's entry in the Consensus decision log: what was decided, by whom, and the note. */
export function DecisionRecord({ decision }: { decision: Decision | null }) {
  if (!decision) return null;
  return (
    <p className={styles.decision} aria-label="Decision log entry">
      Decision log: {CHOICES[decision.choice]}, by {decision.decidedBy}
      {decision.note ? ` — “${decision.note}”` : ''}
    </p>
  );
}
