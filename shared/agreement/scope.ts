import { plural } from '../text/plural';

/**
 * Which documents a comparison covers. Comparing a document only one coder has worked through
 * counts the other's silence as disagreement (or agreement) about text they never read, so:
 *
 * 1. where any chosen coder marks documents "done" (read through, whether or not anything was
 *    coded: an uncoded document is a decision too), compare the documents every chosen coder
 *    marked done;
 * 2. where none of them marks documents, compare the documents every chosen coder coded at
 *    least once (at any code: a code left out of a document they coded is a decision);
 * 3. on request, every document chosen.
 *
 * The scope says which rule applied and what was left out, and why, in words.
 */

export type ScopeRule = 'done' | 'coded' | 'all';

export interface ScopeInput {
  /** The documents chosen (after the document list and the attribute filter), in order. */
  documents: { id: string; name: string }[];
  coders: { id: string; name: string }[];
  /** Per coder, the documents they coded at least once (at any code). */
  coded: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per coder, the documents they marked done; nobody marks = empty. */
  done: ReadonlyMap<string, ReadonlySet<string>>;
  /** Compare every chosen document whatever the coders did. */
  includeAll: boolean;
}

export interface LeftOut {
  /** "coded by Dana only", "marked done by nobody". */
  reason: string;
  documents: { id: string; name: string }[];
}

export interface AgreementScope {
  rule: ScopeRule;
  documentIds: string[];
  /** Documents left out, grouped by why; empty when the rule is 'all' or nothing was left out. */
  leftOut: LeftOut[];
  /** The rule and what it left out, in a sentence for the report's header. */
  summary: string;
}

const RULE_WORDS: Record<ScopeRule, { verb: string; rule: string }> = {
  done: { verb: 'marked done', rule: 'documents every coder marked done' },
  coded: { verb: 'coded', rule: 'documents every coder coded at least once (nobody marks documents done)' },
  all: { verb: 'coded', rule: 'every document chosen' },
};

function names(list: string[]): string {
  return list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** Why a document with these coders' marks is left out: "coded by Dana only", "coded by nobody". */
function reasonFor(verb: string, who: string[], coderCount: number): string {
  if (who.length === 0) return `${verb} by ${coderCount === 2 ? 'neither coder' : 'none of the coders'}`;
  return `${verb} by ${names(who)} only`;
}

export function agreementScope(input: ScopeInput): AgreementScope {
  const { documents, coders } = input;
  const anyDone = coders.some((c) => (input.done.get(c.id)?.size ?? 0) > 0);
  const rule: ScopeRule = input.includeAll ? 'all' : anyDone ? 'done' : 'coded';
  const marks = rule === 'done' ? input.done : input.coded;
  const { verb } = RULE_WORDS[rule];
  const kept: string[] = [];
  const groups = new Map<string, { id: string; name: string }[]>();
  for (const doc of documents) {
    const who = coders.filter((c) => marks.get(c.id)?.has(doc.id)).map((c) => c.name);
    if (rule === 'all' || who.length === coders.length) {
      kept.push(doc.id);
      continue;
    }
    const reason = reasonFor(verb, who, coders.length);
    groups.set(reason, [...(groups.get(reason) ?? []), { id: doc.id, name: doc.name }]);
  }
  const leftOut = [...groups].map(([reason, docs]) => ({ reason, documents: docs })).sort((a, b) => b.documents.length - a.documents.length);
  return { rule, documentIds: kept, leftOut, summary: scopeSummary(rule, kept.length, documents.length, leftOut) };
}

function scopeSummary(rule: ScopeRule, kept: number, chosen: number, leftOut: LeftOut[]): string {
  const compared = `Documents compared: ${RULE_WORDS[rule].rule}, ${plural(kept, 'document')}`;
  if (leftOut.length === 0) return `${compared}.`;
  const why = leftOut.map((l) => `${plural(l.documents.length, 'document')} ${l.reason}`).join('; ');
  return `${compared} of ${chosen}; left out: ${why}.`;
}
