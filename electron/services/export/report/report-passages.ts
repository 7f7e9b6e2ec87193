import type { Turn } from '../../../../shared/domain/schemas';
import { speakerAt } from '../../../../shared/text/context';
import { firstWhere } from '../../../../shared/text/spans';
import type { ProjectStore } from '../../project/project-store';
import type { SelectedData } from '../coded-data';
import { codedSegments } from '../coded-segments';
import type { ReportPassage } from './report-model';

/**
 * Everyone whose turn [start, end) overlaps, in order, each once. The other exports give one
 * speaker per segment (where it starts); a report reader would take that for the only voice in
 * a passage that runs over an exchange. A passage between turns has the following turn's speaker.
 */
export function speakersIn(turns: readonly Turn[], start: number, end: number): string[] {
  // Turns are sorted and disjoint: find the first ending after `start`, then walk on.
  const names: string[] = [];
  for (let i = firstWhere(turns.length, (t) => turns[t]!.end > start); i < turns.length && turns[i]!.start < end; i++) {
    const speaker = turns[i]!.speaker;
    if (speaker !== null && !names.includes(speaker)) names.push(speaker);
  }
  if (names.length > 0) return names;
  const following = speakerAt(turns, start);
  return following === null ? [] : [following];
}

/** The selection's coded passages, by code id, in the selection's order. */
export async function passagesByCode(store: ProjectStore, data: SelectedData): Promise<Map<string, ReportPassage[]>> {
  const byCode = new Map<string, ReportPassage[]>();
  let documentId: string | null = null;
  let turns: readonly Turn[] = [];
  for await (const row of codedSegments(store, data)) {
    if (row.documentId !== documentId) {
      documentId = row.documentId;
      // codedSegments has just read this document: the store answers from its cache.
      turns = (await store.readSource(documentId)).turns;
    }
    const passage = { document: row.document, speakers: speakersIn(turns, row.start, row.end), coder: row.coder, start: row.start, end: row.end, text: row.text, memo: row.memo };
    const list = byCode.get(row.codeId);
    if (list) list.push(passage);
    else byCode.set(row.codeId, [passage]);
  }
  return byCode;
}
