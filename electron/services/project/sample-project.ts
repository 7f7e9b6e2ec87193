import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import { attributeDefSchema, attributeValueSchema } from '../../../shared/domain/schemas';
import { normaliseText } from '../../../shared/text/normalise';
import { detectSpeakerPattern, splitTurns } from '../../../shared/text/turns';
import { codebookFromTemplate } from '../../../shared/templates';
import { thriveLdnTemplate } from '../../../shared/templates/thrive-ldn';
import type { ServiceDeps } from '../deps';
import type { LockApp } from '../store/project-lock';
import { assertUsableFolder } from './create-project';
import { ProjectStore } from './project-store';
import type { NewCoding } from './project-store';

/** resources/sample/sample.json: the synthetic Thrive LDN demo, codings anchored by quotation. */
const sampleManifestSchema = z.object({
  name: z.string(),
  description: z.string(),
  attributes: z.array(attributeDefSchema),
  documents: z.array(
    z.object({ file: z.string(), name: z.string(), attributes: z.record(z.string(), attributeValueSchema) }),
  ),
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
      attributes: manifest.attributes,
    },
    deps,
    lock,
  );
  const documents = new Map<string, { id: string; text: string }>();
  for (const entry of manifest.documents) {
    const text = normaliseText(await readFile(join(dir, 'conversations', entry.file), 'utf-8'));
    const meta = await store.addDocument({
      name: entry.name,
      text,
      turns: splitTurns(text, detectSpeakerPattern(text)),
      attributes: entry.attributes,
      importedFrom: entry.file,
    });
    documents.set(entry.file, { id: meta.id, text });
  }
  const codeIds = new Map(store.data.codebook.filter((c) => c.codable).map((c) => [c.name, c.id]));
  for (const coderEntry of manifest.coders) {
    const coder = await store.addCoder(coderEntry.name, coderEntry.color);
    const codings: NewCoding[] = manifest.codings
      .filter((c) => c.coder === coderEntry.name)
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
        return { documentId: doc.id, codeId, start, end: start + quote.length };
      });
    await store.addCodings(coder.id, codings);
  }
  return store;
}
