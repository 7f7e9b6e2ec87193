import { systemDeps } from '../../electron/services/deps';
import { agreementInput } from '../../electron/services/agreement/agreement-service';
import { ProjectStore } from '../../electron/services/project/project-store';
import { DEFAULT_RESAMPLES, DEFAULT_SEED } from '../../shared/agreement/bootstrap';
import { characterAgreement, findDisagreements } from '../../shared/agreement/project';
import { measured, openBackend, peak, projectFile, round, startPeak, time } from './measure';
import type { Config, StepResult } from './measure';

/** Above this a reply is a bug (issue 16): the view should have asked for less. */
export const REPLY_LIMIT_MB = 1;

/**
 * What the Agreement view asks for on the benchmark study: the figures (character mode, the first
 * two coders, all codes and documents, default intervals), one code's cells, the first page of
 * disagreements at the code where the two differ most, and the figures for all three coders.
 * Every reply's size is kept: the largest is reported against REPLY_LIMIT_MB.
 */
export async function agreement(config: Config): Promise<StepResult> {
  const project = await projectFile(config.project);
  const { backend } = await openBackend(config, config.project, project.coders[0]!.name);
  const [coderA, coderB, coderC] = project.coders.map((c) => c.id) as [string, string, string];
  const request = { coderIds: [coderA, coderB], codeIds: null, documentIds: null, attributes: {}, mode: 'character' };
  const startRssMb = startPeak();
  const figures = await measured(backend, 'agreement.compute', request, '2 coders');
  const peakRssMb = peak();
  const report = (figures.value as { report: { codes: { codeId: string }[]; overall: { kappa: unknown; intervals: unknown } } }).report;

  // Setup, untimed: the code where the two coders differ in the most passages.
  const store = await ProjectStore.open(config.project, systemDeps);
  const selection = { coderIds: [coderA, coderB], codeIds: null, documentIds: null, attributes: {} };
  const [input, inputMs] = await time(() => agreementInput(store, selection));
  const byCode = new Map<string, typeof input.codings>();
  for (const c of input.codings) {
    const list = byCode.get(c.codeId) ?? [];
    list.push(c);
    byCode.set(c.codeId, list);
  }
  const busiest = input.codes
    .map((code) => ({ code, passages: findDisagreements({ ...input, codings: byCode.get(code.id) ?? [] }, coderA, coderB, code.id).length }))
    .reduce((most, c) => (c.passages > most.passages ? c : most));

  const cells = await measured(backend, 'agreement.cells', { ...request, codeId: report.codes[0]!.codeId }, "one code's cells");
  const disagreements = await measured(
    backend,
    'agreement.disagreements',
    { coderA, coderB, codeId: busiest.code.id, documentIds: null, attributes: {} },
    `first page of ${busiest.passages.toLocaleString('en-US')} disagreements at “${busiest.code.name}”`,
  );
  const threeCoders = await measured(backend, 'agreement.compute', { ...request, coderIds: [coderA, coderB, coderC] }, '3 coders');
  const largest = [figures, cells, disagreements, threeCoders].reduce((max, r) => (r.mb > max.mb ? r : max));

  const [, computeMs] = await time(() => characterAgreement(input, coderA, coderB));
  const [, withIntervalsMs] = await time(() => characterAgreement(input, coderA, coderB, { samples: DEFAULT_RESAMPLES, seed: DEFAULT_SEED, minimum: 0.8 }));
  const pairs = new Set(input.codings.map((c) => `${c.codeId}|${c.documentId}`));
  return {
    step: 'agreement',
    figures: {
      agreementMs: round(figures.ms),
      agreementCpuMs: round(figures.cpuMs),
      replyMb: round(figures.mb, 3),
      cellsMs: round(cells.ms),
      cellsReplyMb: round(cells.mb, 3),
      disagreementsMs: round(disagreements.ms),
      disagreementsReplyMb: round(disagreements.mb, 3),
      disagreementsWhat: disagreements.what,
      threeCodersMs: round(threeCoders.ms),
      threeCodersCpuMs: round(threeCoders.cpuMs),
      threeCodersReplyMb: round(threeCoders.mb, 3),
      largestReplyMb: round(largest.mb, 3),
      largestReplyChannel: `${largest.channel}, ${largest.what}`,
    },
    startRssMb,
    peakRssMb,
    breakdown: {
      agreementInputMs: round(inputMs),
      characterAgreementMs: round(computeMs),
      characterAgreementWithIntervalsMs: round(withIntervalsMs),
      resamples: DEFAULT_RESAMPLES,
      cellsWithCodings: pairs.size,
      codingsCompared: input.codings.length,
      disagreementsAtBusiestCode: busiest.passages,
      overallKappa: report.overall.kappa,
      overallIntervals: report.overall.intervals,
    },
  };
}
