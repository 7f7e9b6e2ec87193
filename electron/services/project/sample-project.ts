import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import { added } from '../../../shared/domain/patch';
import type { CoderChanges, Patch } from '../../../shared/domain/patch';
import { attributeDefSchema, attributeValuesSchema } from '../../../shared/domain/schemas';
import type { Coding } from '../../../shared/domain/schemas';
import { newCoder } from '../../../shared/operations/coder-ops';
import { operationContext } from '../../../shared/operations/context';
import { addDocuments } from '../../../shared/operations/document-ops';
import { normaliseText } from '../../../shared/text/normalise';
import { detectSpeakerPattern, splitTurns } from '../../../shared/text/turns';
import { codebookFromTemplate } from '../../../shared/templates';
import { thriveLdnTemplate } from '../../../shared/templates/thrive-ldn';
import type { ServiceDeps } from '../deps';
import type { LockApp } from '../store/project-lock';
import { assertUsableFolder } from './create-project';
import { ProjectStore } from './project-store';
import { planSource } from './source-files';
import type { PlannedSource } from './source-files';

/** resources/sample/sample.json: the synthetic Thrive LDN demo, codings anchored by quotation. */
const sampleManifestSchema = z.object({
  name: z.string(),
  description: z.string(),
  attributes: z.array(attributeDefSchema.omit({ rank: true })),
  documents: z.array(z.object({ file: z.string(), name: z.string(), attributes: attributeValuesSchema })),
  coders: z.array(z.object({ name: z.string(), color: z.string() })),
  codings: z.array(z.object({ coder: z.string(), document: z.string(), code: z.string(), quote: z.string() })),
});

export function sampleDir(resourcesDir: string): string {
  return join(resourcesDir, 'sample');
}

function bundledSampleError(message: string): AppError {
  return new AppError('INTERNAL', `The bundled sample project is broken: ${message}`);
}

/**
 * Builds the sample project in `dest` from the bundled conversation notes, through the same
 * store operations an import and a coder use. The bundled files are only read.
 */
export async function createSampleProject(
  resourcesDir: string,
  dest: string,
  deps: ServiceDeps,
  lock: { app?: LockApp } = {},
): Promise<ProjectStore> {
  const dir = sampleDir(resourcesDir);
  const manifest = sampleManifestSchema.parse(JSON.parse(await readFile(join(dir, 'sample.json'), 'utf-8')));
  await assertUsableFolder(dest);
  const store = await ProjectStore.create(
    dest,
    {
      name: manifest.name,
      description: manifest.description,
      codebook: codebookFromTemplate(thriveLdnTemplate, deps.newId),
      attributes: manifest.attributes.map((a, rank) => ({ ...a, rank })),
    },
    deps,
    lock,
  );
  // The sample is built through the one door every change takes: one patch, as an import would be.
  const ctx = operationContext(store.state, deps);
  const sources: PlannedSource[] = [];
  const documents = new Map<string, { id: string; text: string }>();
  for (const entry of manifest.documents) {
    const text = normaliseText(await readFile(join(dir, 'conversations', entry.file), 'utf-8'));
    const doc = { name: entry.name, text, turns: splitTurns(text, detectSpeakerPattern(text)), attributes: entry.attributes, importedFrom: entry.file };
    const source = planSource(deps.newId(), doc, ctx.now());
    sources.push(source);
    documents.set(entry.file, { id: source.meta.id, text });
  }
  const codeIds = new Map(store.data.codebook.filter((c) => c.codable).map((c) => [c.name, c.id]));
  const createdAt = ctx.now();
  const coders = manifest.coders.map((entry, i) => newCoder(ctx, entry.name, { color: entry.color }, i));
  const work: CoderChanges[] = coders.map((coder) => ({
    coderId: coder.id,
    codings: manifest.codings
      .filter((c) => c.coder === coder.name)
      .map((c) => {
        const doc = documents.get(c.document);
        const codeId = codeIds.get(c.code);
        if (!doc) throw bundledSampleError(`no document ${c.document}`);
        if (!codeId) throw bundledSampleError(`no code named ${c.code}`);
        const quote = normaliseText(c.quote);
        const start = doc.text.indexOf(quote);
        if (start === -1 || doc.text.indexOf(quote, start + 1) !== -1) {
          throw bundledSampleError(`the quotation "${quote.slice(0, 40)}…" is not found exactly once in ${c.document}`);
        }
        const coding: Coding = { id: deps.newId(), documentId: doc.id, codeId, start, end: start + quote.length, createdAt };
        return added(coding.id, coding);
      }),
  }));
  const patch: Patch = {
    label: 'Create the sample project',
    project: { ...addDocuments(ctx, sources.map((s) => s.meta)), coders: coders.map((c) => added(c.id, c)) },
    coders: work,
  };
  await store.addDocuments(patch, sources);
  return store;
}
