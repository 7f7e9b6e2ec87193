import type { AttributeFilter } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { codePath } from '../../shared/domain/codebook';
import type { Code, Coder, DocumentMeta, ProjectFile } from '../../shared/domain/schemas';

/**
 * What the command line names by name turned into the ids the services take: codes (by name,
 * or by path "Parent/Child" when a name is not unique), coders, documents, and attribute
 * filters ("Borough=Hackney"). A name the project does not have is an error that says which
 * option named it and what the project has instead.
 */

/** The items of repeated, comma-separated options; a whole value that is itself a name is kept whole. */
export function listed(values: readonly string[] | undefined, isName: (value: string) => boolean = () => false): string[] {
  return (values ?? []).flatMap((value) => (isName(value.trim()) ? [value.trim()] : value.split(',').map((s) => s.trim()).filter(Boolean)));
}

const lower = (s: string) => s.toLocaleLowerCase();

function some(names: readonly string[]): string {
  const shown = names.slice(0, 8).map((n) => `"${n}"`).join(', ');
  return names.length > 8 ? `${shown} and ${names.length - 8} more` : shown || 'none';
}

/** Code ids for names or paths; each code brings its sub-codes where the caller expands subtrees. */
export function codeIdsNamed(codebook: readonly Code[], names: readonly string[], option = '--codes'): string[] {
  const paths = new Map(codebook.map((c) => [c.id, codePath(codebook, c.id).map(lower)]));
  return names.map((name) => {
    const whole = codebook.filter((c) => lower(c.name) === lower(name));
    const wanted = name.split('/').map((s) => lower(s.trim()));
    const matches = whole.length > 0 ? whole : codebook.filter((c) => wanted.length > 1 && paths.get(c.id)!.join('/') === wanted.join('/'));
    if (matches.length === 1) return matches[0]!.id;
    if (matches.length > 1) {
      const where = matches.map((c) => `"${codePath(codebook, c.id).join('/')}"`).join(', ');
      throw new AppError('NOT_FOUND', `${option}: "${name}" names more than one code (${where}): give its path.`);
    }
    throw new AppError('NOT_FOUND', `${option}: there is no code "${name}" in this project (name a code, or its path "Parent/Child").`);
  });
}

export function coderIdsNamed(coders: readonly Coder[], names: readonly string[], option = '--coders'): string[] {
  return names.map((name) => {
    const coder = coders.find((c) => c.name === name || c.id === name) ?? coders.find((c) => lower(c.name) === lower(name));
    if (!coder) throw new AppError('NOT_FOUND', `${option}: there is no coder "${name}" in this project (coders: ${some(coders.map((c) => c.name))}).`);
    return coder.id;
  });
}

export function documentIdsNamed(documents: readonly DocumentMeta[], names: readonly string[], option = '--documents'): string[] {
  return names.map((name) => {
    const doc = documents.find((d) => d.name === name) ?? documents.find((d) => lower(d.name) === lower(name));
    if (!doc) throw new AppError('NOT_FOUND', `${option}: there is no document "${name}" in this project.`);
    return doc.id;
  });
}

/**
 * `--where "Attribute=Value"` clauses as an attribute filter: clauses on the same attribute
 * add values (Borough=Hackney and Borough=Camden: either), clauses on different attributes
 * must all hold. Malformed clauses are usage errors; unknown attributes are not-found errors.
 */
export function whereFilter(project: Pick<ProjectFile, 'attributes'>, clauses: readonly string[], usageError: (message: string) => Error): AttributeFilter {
  const filter: AttributeFilter = {};
  for (const clause of clauses) {
    const at = clause.indexOf('=');
    const name = at === -1 ? '' : clause.slice(0, at).trim();
    const value = at === -1 ? '' : clause.slice(at + 1).trim();
    if (!name || !value) throw usageError(`--where "${clause}": write Attribute=Value, e.g. --where "Borough=Hackney"`);
    const def = project.attributes.find((a) => a.name === name) ?? project.attributes.find((a) => lower(a.name) === lower(name));
    if (!def) {
      throw new AppError('NOT_FOUND', `--where "${clause}": there is no document attribute "${name}" (attributes: ${some(project.attributes.map((a) => a.name))}).`);
    }
    const typed = def.type === 'number' && value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    (filter[def.name] ??= []).push(typed);
  }
  return filter;
}
