import { codePath, subtreeIds } from '../../shared/domain/codebook';
import { quoteName } from '../../shared/query';
import { stopWordLists } from '../../shared/words/stop-words';
import { measured, openBackend, peak, projectFile, round, startPeak } from './measure';
import type { Config, StepResult } from './measure';

/**
 * What the Query and Words views and the coding report ask of the benchmark study: a query
 * joining the two busiest codes within a speaker turn outside one stakeholder group, the word
 * table of every document (stemmed) and the passages of its commonest word, and the coding
 * report of the whole project (every code's passages), made by the export job as the app makes it.
 */
export async function analysis(config: Config): Promise<StepResult> {
  const project = await projectFile(config.project);
  const { backend } = await openBackend(config, config.project, project.coders[0]!.name);
  // The generator gives the first codable codes the most codings (a Zipf-like spread); the second is not under the first.
  const codable = project.codebook.filter((c) => c.codable);
  const first = codable[0]!;
  const under = new Set(subtreeIds(project.codebook, first.id));
  const second = codable.find((c) => !under.has(c.id));
  const path = (id: string) => quoteName(codePath(project.codebook, id).join('/'));
  const group = String(project.documents.find((d) => d.attributes['Stakeholder group'] != null)!.attributes['Stakeholder group']);
  const query = `${path(first.id)} NEAR(turn) ${path(second!.id)} WHERE "Stakeholder group" != ${quoteName(group)}`;
  const startRssMb = startPeak();

  const run = await measured(backend, 'query.run', { query }, query);
  const found = run.value as { ok: boolean; total: number; documentsWithPassages: number };
  const words = { scope: { kind: 'all' }, stopWords: stopWordLists.english, stem: true };
  const table = await measured(backend, 'words.frequencies', words, 'every document, stemmed');
  const top = (table.value as { words: { word: string; key: string; count: number }[]; distinctWords: number }).words[0]!;
  const passages = await measured(backend, 'words.passages', { ...words, key: top.key }, `“${top.word}”, ${top.count.toLocaleString('en-US')} occurrences`);
  const all = { codeIds: null, documentIds: null, attributes: {}, coderIds: null };
  const report = await measured(backend, 'export.report', { selection: all }, 'the whole project');
  const peakRssMb = peak();
  return {
    step: 'analysis',
    figures: {
      queryMs: round(run.ms),
      queryReplyMb: round(run.mb, 3),
      queryWhat: `${run.what}: ${found.ok ? `${found.total.toLocaleString('en-US')} passages in ${found.documentsWithPassages} documents` : 'refused'}`,
      wordsMs: round(table.ms),
      wordsReplyMb: round(table.mb, 3),
      wordPassagesMs: round(passages.ms),
      wordPassagesReplyMb: round(passages.mb, 3),
      wordPassagesWhat: passages.what,
      reportMs: round(report.ms),
      reportMb: round((report.value as { bytes: number }).bytes / 1e6, 1),
    },
    startRssMb,
    peakRssMb,
    breakdown: { distinctWords: (table.value as { distinctWords: number }).distinctWords },
  };
}
