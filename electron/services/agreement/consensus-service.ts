import type { ReportTable } from '../../../shared/agreement/report-tables';
import { codePath } from '../../../shared/domain/codebook';
import type { Decision } from '../../../shared/domain/schemas';
import { isConsensusCoder } from '../../../shared/operations/consensus-ops';
import type { ProjectStore } from '../project/project-store';

const passageKey = (p: { codeId: string; documentId: string; start: number; end: number }) => `${p.codeId}|${p.documentId}|${p.start}|${p.end}`;

/** The Consensus coder's decision log, oldest first; empty when there is no Consensus coder. */
export function decisionLog(store: ProjectStore): Decision[] {
  const consensus = store.data.coders.find(isConsensusCoder);
  return consensus ? [...(store.state.coder(consensus.id)?.decisions.list() ?? [])] : [];
}

/** The latest decision on each passage between two coders, by passage: what a card shows. */
export function latestDecisions(store: ProjectStore, coderA: string, coderB: string): (passage: Parameters<typeof passageKey>[0]) => Decision | null {
  const latest = new Map<string, Decision>();
  for (const d of decisionLog(store)) if (d.coderA === coderA && d.coderB === coderB) latest.set(passageKey(d), d);
  return (passage) => latest.get(passageKey(passage)) ?? null;
}

const CHOICE_WORDS: Record<Decision['choice'], string> = { A: 'A kept', B: 'B kept', both: 'both kept', neither: 'neither kept', edited: 'extent edited' };

/** The decision log as a sheet: every decision with its note and who made it, oldest first. */
export function decisionLogTable(store: ProjectStore): ReportTable {
  const { codebook, coders, documents } = store.data;
  const coder = (id: string) => coders.find((c) => c.id === id)?.name ?? id;
  const text = (header: string, width = 24) => ({ header, width, type: 'text' as const });
  const num = (header: string) => ({ header, width: 10, type: 'number' as const });
  return {
    name: 'Decision log',
    columns: [text('Decided at', 22), text('Decided by'), text('Code', 30), text('Document', 30), num('From'), num('To'), text('Coder A'), text('Coder B'), text('Decision', 16), text('Characters kept', 24), text('Note', 60)],
    rows: decisionLog(store).map((d) => [
      d.decidedAt,
      d.decidedBy,
      codePath(codebook, d.codeId).join(' › '),
      documents.find((doc) => doc.id === d.documentId)?.name ?? d.documentId,
      d.start,
      d.end,
      coder(d.coderA),
      coder(d.coderB),
      CHOICE_WORDS[d.choice],
      d.kept.length === 0 ? 'none' : d.kept.map((k) => `${k.start}–${k.end}`).join(', '),
      d.note,
    ]),
  };
}
