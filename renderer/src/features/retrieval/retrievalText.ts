import type { AutocodeCount, SearchHit } from '../../../../shared/api/contract';
import { unitCount, unitNouns } from '../../../../shared/operations/autocode-ops';
import type { ContextUnit } from '../../../../shared/text/units';
import { plural } from '../../../../shared/text/plural';

/** "12 segments in 7 documents", "1 segment in 1 document", "No segments". */
export function countSummary(n: number, documents: number, one: string, many = `${one}s`): string {
  if (n === 0) return `No ${many}`;
  return `${plural(n, one, many)} in ${plural(documents, 'document')}`;
}

/** How many distinct documents a list of passages comes from. */
export function documentCount(items: ReadonlyArray<{ documentId: string }>): number {
  return new Set(items.map((i) => i.documentId)).size;
}

export interface HitGroup {
  documentId: string;
  hits: SearchHit[];
}

/** Search hits grouped by document, keeping the order the backend gave (document order, then position). */
export function groupByDocument(hits: readonly SearchHit[]): HitGroup[] {
  const groups: HitGroup[] = [];
  const byId = new Map<string, HitGroup>();
  for (const hit of hits) {
    let group = byId.get(hit.documentId);
    if (!group) {
      group = { documentId: hit.documentId, hits: [] };
      byId.set(hit.documentId, group);
      groups.push(group);
    }
    group.hits.push(hit);
  }
  return groups;
}

/** Context cut to a readable length at a word boundary, with an ellipsis where it was cut. */
export function trimContext(text: string, side: 'before' | 'after', max = 220): string {
  const clean = text.replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  if (side === 'before') {
    const cut = clean.slice(clean.length - max);
    const space = cut.indexOf(' ');
    return `…${space >= 0 && space < 40 ? cut.slice(space + 1) : cut}`;
  }
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max - 40 ? cut.slice(0, space) : cut}…`;
}

/** "Coded 4 sentences at “Waiting lists”." — and how many were coded there already. */
export function codedMessage(count: AutocodeCount, codeName: string, unit: ContextUnit): string {
  const { passages, alreadyCoded } = count;
  if (passages === alreadyCoded) {
    const which = passages === 1 ? `The ${unitNouns[unit][0]} was` : `All ${unitCount(passages, unit)} were`;
    return `${which} already coded at “${codeName}”: nothing changed.`;
  }
  const done = `Coded ${unitCount(passages - alreadyCoded, unit)} at “${codeName}”.`;
  return alreadyCoded > 0 ? `${done} ${plural(alreadyCoded, 'other')} ${alreadyCoded === 1 ? 'was' : 'were'} already coded there.` : done;
}

/** "14 sentences in 6 documents (from 17 matches); 3 are already coded at “Waiting lists”, so 11 will be coded." */
export function previewText(count: AutocodeCount, unit: ContextUnit, codeName: string | null): string {
  const what = `${unitCount(count.passages, unit)} in ${plural(count.documents, 'document')}`;
  const from = unit === 'match' ? '' : ` (from ${plural(count.matches, 'match', 'matches')})`;
  if (!codeName || count.alreadyCoded === 0) return `${what}${from}.`;
  const verb = count.alreadyCoded === 1 ? 'is' : 'are';
  return `${what}${from}; ${count.alreadyCoded.toLocaleString('en-GB')} ${verb} already coded at “${codeName}”, so ${(count.passages - count.alreadyCoded).toLocaleString('en-GB')} will be coded.`;
}
