import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampleProject } from '../../../electron/services/project/sample-project';
import { projectView } from '../../../electron/services/project/project-view';
import type { ProjectStore } from '../../../electron/services/project/project-store';
import type { ProjectView } from '../../../shared/domain/project-view';
import { QueryError, formatQueryError, runQuery } from '../../../shared/query';
import { fixedDeps } from '../../helpers/temp-dir';

/* The README's query examples, read from README.md as it stands, run on the sample project. */

const README = readFileSync('README.md', 'utf-8');

/** The "Coding queries" section: from its heading to the next heading. */
const section = README.slice(README.indexOf('### Coding queries'), README.indexOf('\n## ', README.indexOf('### Coding queries')));

/** Each backticked query in the first column of the section's table. */
const tableExamples = section
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .flatMap((line) => [...line.split(' | ')[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));

/** The query in the command-line summary's `marginalia query` line. */
const headline = /^marginalia query "Study\.marginalia" '([^']+)'/m.exec(README)?.[1];

/** The error example: a fenced block of the query, its caret line and the message. */
const errorExample = /```\n(.+)\n(.+)\n(.+)\n```/.exec(section);

describe('the README\'s query examples, on the sample project', () => {
  let root: string;
  let store: ProjectStore;
  let view: ProjectView;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'marginalia-readme-'));
    store = await createSampleProject(resolve('resources'), join(root, 'Sample.marginalia'), fixedDeps());
    const sample = projectView(store);
    // The sample has no document sets; the README tells a reader to make the one its example names.
    const roundOne = { id: 'set-1', name: 'Round one', documentIds: sample.documents.slice(0, 9).map((d) => d.id), rank: 0 };
    view = { ...sample, sets: [roundOne] };
  });
  afterAll(async () => {
    await store.close();
    await rm(root, { recursive: true, force: true });
  });

  it('are all found (a change to the table\'s layout must not leave nothing to test)', () => {
    expect(tableExamples.length).toBeGreaterThanOrEqual(15);
    expect(headline).toBeDefined();
    expect(errorExample).not.toBeNull();
  });

  it.each(tableExamples)('%s runs and finds passages', async (query) => {
    expect((await runQuery(view, query)).passages.length).toBeGreaterThan(0);
  });

  it('the command-line example finds passages', async () => {
    expect((await runQuery(view, headline!)).passages.length).toBeGreaterThan(0);
  });

  it('the faulty query fails exactly as shown', async () => {
    const [shown, query] = errorExample!;
    const error = await runQuery(view, query!).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(QueryError);
    expect(`\`\`\`\n${formatQueryError(query!, error as QueryError)}\n\`\`\``).toBe(shown);
  });
});
