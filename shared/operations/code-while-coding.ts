import { AppError } from '../api/errors';
import { addedCodingIds } from '../domain/patch';
import type { Patch } from '../domain/patch';
import type { Code } from '../domain/schemas';
import { createCode } from './code-ops';
import { applyCodings, checkSpan } from './coding-ops';
import type { DocumentSpan } from './coding-ops';
import { findDocument } from './context';
import type { OperationContext } from './context';

/*
 * Codes made while coding: "Create code "NAME" and code the selection" from the palette, and
 * in-vivo coding (the selected words become the code). Each is a code (or a few, for a path)
 * created and the passage coded in ONE step: the session plans the steps in order, each seeing
 * the codes the ones before it made, and applies them joined as one patch under one label.
 */

const NAME_MAX = 200;
const IN_VIVO_MAX = 80;

/** Operations planned as one change, each reading the project as the ones before it leave it. */
export interface StepPlan {
  label: string;
  steps: ((ctx: OperationContext) => Patch)[];
  /** Filled while the steps are planned: the new code coded at (when one is made), then the new codings. */
  createdIds: string[];
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** A code name as typed: "Parent/Child" names a code under another; each part trimmed, its spaces collapsed. */
export function parseCodePath(typed: string): string[] {
  const parts = typed.split('/').map((p) => p.replace(/\s+/g, ' ').trim());
  if (parts.some((p) => p === '')) {
    throw new AppError('INVALID_INPUT', `“${typed.trim()}” has an empty name in it: write a code’s name, or Parent/Child for a code under another.`);
  }
  const long = parts.find((p) => p.length > NAME_MAX);
  if (long) throw new AppError('INVALID_INPUT', `A code name can be at most ${NAME_MAX} characters; “${long.slice(0, 40)}…” has ${long.length}.`);
  return parts;
}

/** How much of a path names codes that exist: those found from the top level down, and the names after them. */
export function resolveCodePath(codebook: readonly Code[], parts: readonly string[]): { found: Code[]; missing: string[] } {
  const found: Code[] = [];
  for (const [i, part] of parts.entries()) {
    const parentId = found[found.length - 1]?.id ?? null;
    const code = codebook.find((c) => c.parentId === parentId && sameName(c.name, part));
    if (!code) return { found, missing: parts.slice(i) };
    found.push(code);
  }
  return { found, missing: [] };
}

/** Creates the `missing` codes, each inside the one before (the first inside `parent`), and codes the passage at the last. */
function createAndCode(coderId: string, parent: Code | undefined, missing: readonly string[], span: DocumentSpan, label: string): StepPlan {
  const createdIds: string[] = [];
  let codeId = parent?.id ?? null;
  const steps = missing.map((name, i) => (ctx: OperationContext) => {
    const made = createCode(ctx, { name, parentId: codeId });
    codeId = made.codeId;
    if (i === missing.length - 1) createdIds.push(made.codeId);
    return made.patch;
  });
  steps.push((ctx) => {
    const patch = applyCodings(ctx, coderId, codeId!, [span]);
    createdIds.push(...addedCodingIds(patch));
    return patch;
  });
  return { label, steps, createdIds };
}

/**
 * "Create code "NAME" and code the selection": `typed` is a new code's name, or a path
 * ("Parent/Child") whose last part is new; parts that do not exist yet are created too.
 */
export function createCodeAndCode(ctx: OperationContext, coderId: string, typed: string, span: DocumentSpan): StepPlan {
  const parts = parseCodePath(typed);
  const { found, missing } = resolveCodePath(ctx.project.codebook, parts);
  if (missing.length === 0) {
    throw new AppError('ALREADY_EXISTS', `A code named “${found[found.length - 1]!.name}” already exists there: choose it in the list to code at it.`);
  }
  const doc = findDocument(ctx, span.documentId);
  const path = [...found.map((c) => c.name), ...missing].join(' › ');
  return createAndCode(coderId, found[found.length - 1], missing, span, `Create code “${path}” and code the passage in ${doc.name}`);
}

/** The selected words as a code's name: one line, without the quotation marks and punctuation around them, cut at a word if long. */
export function inVivoName(passage: string): string {
  const words = passage
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'‘’“”«»([{.,;:…–—-]+|[\s"'‘’“”«»)\]}.,;:…–—-]+$/gu, '');
  if (words.length <= IN_VIVO_MAX) return words;
  const cut = words.slice(0, IN_VIVO_MAX);
  const space = cut.lastIndexOf(' ');
  return `${space > IN_VIVO_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * In-vivo coding: the passage's own words name a new top-level code, at which it is coded. If a
 * top-level code already has that name (the same words coded in vivo before), it is coded there.
 */
export function codeInVivo(ctx: OperationContext, coderId: string, span: DocumentSpan, documentText: string): StepPlan {
  checkSpan(ctx, span);
  const name = inVivoName(documentText.slice(span.start, span.end));
  if (!name) throw new AppError('INVALID_INPUT', 'The selection has no words to name a code with: select the words to code in vivo.');
  const doc = findDocument(ctx, span.documentId);
  const existing = resolveCodePath(ctx.project.codebook, [name]).found[0];
  if (existing) return createAndCode(coderId, existing, [], span, `Code in vivo at “${existing.name}” in ${doc.name}`);
  return createAndCode(coderId, undefined, [name], span, `Create code “${name}” in vivo and code the passage in ${doc.name}`);
}
