import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemDeps } from '../../electron/services/deps';
import { buildProject, exportQdpx } from '../../electron/services/export/refi-export';
import { ProjectStore } from '../../electron/services/project/project-store';
import { edit, editSample, openStep } from './editing-steps';
import { peak, round, startPeak, time } from './measure';
import type { Config, StepResult } from './measure';
import { survey } from './survey-step';
import { agreement } from './agreement-step';
import { analysis } from './analysis-step';

export type { StepResult };

/**
 * One benchmark step, run in a fresh Node process so its memory is its own:
 *
 *   node --expose-gc --import tsx tests/bench/steps.ts STEP CONFIG_JSON
 *
 * CONFIG_JSON: { project, work, out }. The result (figures, peak memory, breakdown) is
 * written as JSON to `out`. Steps that change the project work on a copy in `work`.
 */

// ---- Steps -------------------------------------------------------------------------------

async function floorParse(config: Config): Promise<StepResult> {
  const files = [join(config.project, 'project.json')];
  for (const name of await readdir(join(config.project, 'coders'))) files.push(join(config.project, 'coders', name));
  const startRssMb = startPeak();
  let readMs = 0;
  let parseMs = 0;
  let bytes = 0;
  for (const file of files) {
    const [text, r] = await time(() => readFile(file, 'utf-8'));
    readMs += r;
    bytes += Buffer.byteLength(text);
    parseMs += (await time(() => JSON.parse(text) as unknown))[1];
  }
  return {
    step: 'floor-parse',
    figures: { parseMs: round(parseMs), readMs: round(readMs), readParseMs: round(readMs + parseMs), files: files.length, mb: round(bytes / 1e6) },
    startRssMb,
    peakRssMb: peak(),
  };
}

async function floorCopy(config: Config): Promise<StepResult> {
  const dest = join(config.work, 'floor-copy.marginalia');
  const startRssMb = startPeak();
  const [, ms] = await time(() => cp(config.project, dest, { recursive: true }));
  const result: StepResult = { step: 'floor-copy', figures: { copyMs: round(ms) }, startRssMb, peakRssMb: peak() };
  await rm(dest, { recursive: true, force: true });
  return result;
}

async function qdpx(config: Config): Promise<StepResult> {
  const store = await ProjectStore.open(config.project, systemDeps);
  const startRssMb = startPeak();
  const [bytes, ms] = await time(() => exportQdpx(store));
  const file = join(config.work, 'bench.qdpx');
  const [, writeMs] = await time(() => writeFile(file, bytes));
  const peakRssMb = peak();
  const [parts, buildMs] = await time(() => buildProject(store));
  return {
    step: 'qdpx',
    figures: { qdpxMs: round(ms + writeMs), qdpxMb: round(bytes.length / 1e6) },
    startRssMb,
    peakRssMb,
    breakdown: { buildProjectXmlMs: round(buildMs), zipAndWriteMs: round(ms + writeMs - buildMs), projectQdeMb: round(Buffer.byteLength(parts.xml) / 1e6) },
  };
}

const steps: Record<string, (config: Config) => Promise<StepResult>> = {
  'floor-parse': floorParse,
  'floor-copy': floorCopy,
  open: openStep,
  edit,
  'edit-sample': editSample,
  survey,
  agreement,
  analysis,
  qdpx,
};

async function main(): Promise<void> {
  const [name, json] = process.argv.slice(2);
  const step = name ? steps[name] : undefined;
  if (!step || !json) {
    process.stderr.write(`usage: steps.ts ${Object.keys(steps).join('|')} '{"project":…,"work":…,"out":…}'\n`);
    process.exit(2);
  }
  const config = JSON.parse(json) as Config;
  await mkdir(config.work, { recursive: true });
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const result = await step(config);
  const used = process.cpuUsage(cpu);
  result.cpuSharePct = Math.round(((used.user + used.system) / 1000 / (performance.now() - t0)) * 100);
  await writeFile(config.out, JSON.stringify(result, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
