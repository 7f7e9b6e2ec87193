import { codePath, subtreeIds } from '../domain/codebook';
import type { ProjectView } from '../domain/project-view';
import type { AttributeDef, AttributeValue, Code, DocumentMeta } from '../domain/schemas';
import type { Condition, NameRef, QueryAst, QueryExpr, QueryWindow } from './ast';
import { QueryError } from './query-error';

/** A query with every name bound to the project: what the evaluator runs. */
export type QueryPlan =
  /** The codes (a code and its sub-codes) and the coders whose codings count. */
  | { kind: 'code'; codeIds: ReadonlySet<string>; coderIds: readonly string[] }
  | { kind: 'not'; expr: QueryPlan }
  | { kind: 'and' | 'or'; left: QueryPlan; right: QueryPlan }
  | { kind: 'near'; left: QueryPlan; right: QueryPlan; window: QueryWindow }
  | { kind: 'followedBy'; left: QueryPlan; right: QueryPlan; window: QueryWindow | null };

/** What binding a query reads: the project's names, not its codings or texts (so project.json alone will do). */
export type ProjectNames = Pick<ProjectView, 'codebook' | 'coders' | 'attributes' | 'documents' | 'sets'>;

export interface BoundQuery {
  plan: QueryPlan;
  /** The documents the WHERE clause leaves, in project order. */
  documents: DocumentMeta[];
}

/** Names compare without regard to case or runs of spaces. */
function key(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

function quotedList(names: readonly string[], max = 12): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`);
  return names.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** Names that contain what was written, or are contained in it: a likely typo's target. */
function suggestions(written: string, names: readonly string[]): string {
  const want = key(written);
  const near = names.filter((n) => key(n).includes(want) || (key(n).length > 3 && want.includes(key(n))));
  return near.length ? ` Did you mean ${quotedList(near, 3)}?` : '';
}

function findCode(codebook: readonly Code[], ref: NameRef): Code {
  const want = key(ref.name);
  const wantPath = ref.name.split('/').map(key).join('/');
  const matches = codebook.filter((code) => {
    const path = codePath(codebook, code.id).map(key).join('/');
    return key(code.name) === want || path === wantPath || path.endsWith(`/${wantPath}`);
  });
  if (matches.length === 1) return matches[0]!;
  const paths = (codes: readonly Code[]) => codes.map((c) => codePath(codebook, c.id).join('/'));
  if (matches.length > 1) {
    throw new QueryError(`"${ref.name}" names ${matches.length} codes: give its path, ${quotedList(paths(matches))}`, ref.at);
  }
  throw new QueryError(`There is no code "${ref.name}" in this project.${suggestions(ref.name, paths(codebook))}`, ref.at);
}

function findCoders(view: ProjectNames, refs: readonly NameRef[]): string[] {
  return refs.map((ref) => {
    const coder = view.coders.find((c) => key(c.name) === key(ref.name) || c.id === ref.name);
    if (!coder) throw new QueryError(`There is no coder "${ref.name}" (coders: ${quotedList(view.coders.map((c) => c.name)) || 'none yet'})`, ref.at);
    return coder.id;
  });
}

function findDocumentIds(view: ProjectNames, refs: readonly NameRef[]): Set<string> {
  return new Set(
    refs.map((ref) => {
      const doc = view.documents.find((d) => key(d.name) === key(ref.name));
      if (!doc) throw new QueryError(`There is no document "${ref.name}" in this project.${suggestions(ref.name, view.documents.map((d) => d.name))}`, ref.at);
      return doc.id;
    }),
  );
}

/** The documents in any of the named sets. */
function findSetDocumentIds(view: ProjectNames, refs: readonly NameRef[]): Set<string> {
  return new Set(
    refs.flatMap((ref) => {
      const set = view.sets.find((s) => key(s.name) === key(ref.name));
      if (!set) throw new QueryError(`There is no document set "${ref.name}" (sets: ${quotedList(view.sets.map((s) => s.name)) || 'none yet'})`, ref.at);
      return set.documentIds;
    }),
  );
}

/** Whether yyyy-mm-dd names a day of the calendar (2017-02-30 does not). */
function isDay(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function missing(value: AttributeValue | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

/** A test of one document attribute, with each value checked against the attribute's type. */
function attributeTest(view: ProjectNames, condition: Extract<Condition, { kind: 'attribute' }>): (doc: DocumentMeta) => boolean {
  const { attribute: ref, op } = condition;
  const def: AttributeDef | undefined = view.attributes.find((a) => key(a.name) === key(ref.name));
  if (!def) {
    throw new QueryError(`There is no document attribute "${ref.name}" (attributes: ${quotedList(view.attributes.map((a) => a.name)) || 'none yet'})`, ref.at);
  }
  const ordered = op === '<' || op === '<=' || op === '>' || op === '>=';
  if (def.type === 'text' && ordered) throw new QueryError(`"${def.name}" is a text attribute: compare it with =, != or IN`, condition.at);
  const known = new Map<string, string>();
  for (const doc of view.documents) {
    const value = doc.attributes[def.name];
    if (!missing(value)) known.set(key(String(value)), String(value));
  }
  // A value is compared as the attribute's type: numbers as numbers, dates (yyyy-mm-dd) as dates.
  const asKey = (v: AttributeValue | string): number | string => (def.type === 'number' ? Number(v) : def.type === 'date' ? String(v).trim() : key(String(v)));
  const wanted = condition.values.map((v) => {
    if (def.type === 'number' && !Number.isFinite(Number(v.name))) throw new QueryError(`"${def.name}" is a number attribute: "${v.name}" is not a number`, v.at);
    if (def.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v.name)) throw new QueryError(`"${def.name}" is a date attribute: write dates as 2017-03-14`, v.at);
    if (def.type === 'date' && !isDay(v.name)) throw new QueryError(`"${def.name}" is a date attribute: there is no day ${v.name}`, v.at);
    if (def.type === 'text' && !known.has(key(v.name))) {
      throw new QueryError(`No document has ${def.name} "${v.name}" (values: ${quotedList([...known.values()]) || 'none yet'})`, v.at);
    }
    return asKey(v.name);
  });
  const first = wanted[0]!;
  return (doc) => {
    const value = doc.attributes[def.name];
    const is = !missing(value) && wanted.includes(asKey(value));
    if (op === '=' || op === 'in') return is;
    if (op === '!=' || op === 'not in') return !is;
    if (missing(value)) return false;
    const have = asKey(value);
    return op === '<' ? have < first : op === '<=' ? have <= first : op === '>' ? have > first : have >= first;
  };
}

function bindExpr(view: ProjectNames, expr: QueryExpr, coderIds: readonly string[]): QueryPlan {
  switch (expr.kind) {
    case 'code':
      return { kind: 'code', codeIds: new Set(subtreeIds(view.codebook, findCode(view.codebook, expr.code).id)), coderIds };
    case 'by':
      return bindExpr(view, expr.expr, findCoders(view, expr.coders));
    case 'not':
      return { kind: 'not', expr: bindExpr(view, expr.expr, coderIds) };
    case 'and':
    case 'or':
      return { kind: expr.kind, left: bindExpr(view, expr.left, coderIds), right: bindExpr(view, expr.right, coderIds) };
    case 'near':
    case 'followedBy':
      return { kind: expr.kind, left: bindExpr(view, expr.left, coderIds), right: bindExpr(view, expr.right, coderIds), window: expr.window } as QueryPlan;
  }
}

/**
 * Binds a parsed query to a project: codes (with their sub-codes), coders, documents, document
 * sets and attribute values by name, each unknown or ambiguous name reported at its place in the query.
 * Every coder's codings count unless WHERE CODER or a BY says otherwise; the nearest BY wins.
 */
export function bindQuery(view: ProjectNames, ast: QueryAst): BoundQuery {
  let coderIds = view.coders.map((c) => c.id);
  const tests: ((doc: DocumentMeta) => boolean)[] = [];
  for (const condition of ast.where) {
    if (condition.kind === 'coder') {
      const named = new Set(findCoders(view, condition.names));
      coderIds = coderIds.filter((id) => named.has(id) !== condition.negated);
    } else if (condition.kind === 'document' || condition.kind === 'set') {
      const named = condition.kind === 'document' ? findDocumentIds(view, condition.names) : findSetDocumentIds(view, condition.names);
      tests.push((doc) => named.has(doc.id) !== condition.negated);
    } else {
      tests.push(attributeTest(view, condition));
    }
  }
  const plan = bindExpr(view, ast.expr, coderIds);
  return { plan, documents: view.documents.filter((doc) => tests.every((test) => test(doc))) };
}
