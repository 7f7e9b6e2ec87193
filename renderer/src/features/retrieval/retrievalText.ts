import type { SearchHit } from '../../../../shared/api/contract';
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

/** The spans `coding.applyMany` takes for a list of hits, duplicates left out. */
export function hitSpans(hits: readonly SearchHit[]): Array<{ documentId: string; start: number; end: number }> {
  const seen = new Set<string>();
  const spans: Array<{ documentId: string; start: number; end: number }> = [];
  for (const h of hits) {
    const key = `${h.documentId}:${h.start}:${h.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    spans.push({ documentId: h.documentId, start: h.start, end: h.end });
  }
  return spans;
}

/** "Coded 4 passages at “Waiting lists”." — and how many were coded there already. */
export function codedMessage(created: number, asked: number, codeName: string): string {
  const already = asked - created;
  if (created === 0) {
    const which = asked === 1 ? 'The result was' : `All ${plural(asked, 'result')} were`;
    return `${which} already coded at “${codeName}”: nothing changed.`;
  }
  const done = `Coded ${plural(created, 'passage')} at “${codeName}”.`;
  return already > 0 ? `${done} ${plural(already, 'other')} ${already === 1 ? 'was' : 'were'} already coded there.` : done;
}
