import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { systemDeps } from '../../electron/services/deps';
import { runImport } from '../../electron/services/import/import-service';
import { StagingArea } from '../../electron/services/import/staging';
import { createProject } from '../../electron/services/project/create-project';
import { ProjectSession } from '../../electron/services/workbench/project-session';
import { Rng } from './generate';
import { log, peak, round, scriptUser, startPeak, time } from './measure';
import type { Config, StepResult } from './measure';

/** The survey of issue 11: one response per row (and per document), two free-text answers. */
export const SURVEY_ROWS = 20_000;
/** The same number of rows, imported in this many files one after another into one project. */
const SERIES_FILES = 10;

const WORDS = ('the group walking council young people listening trust café stigma peer support waiting list ' +
  'school nurse GP referral lonely neighbours football library volunteer helpline counselling housing ' +
  'work money sleep anxious calm family friends church mosque park bus night shift').split(' ');

/** A spreadsheet of `rows` responses: Respondent, Borough, and the two free-text answers. */
async function surveyFile(path: string, rows: number, first: number, rng: Rng): Promise<void> {
  const sentence = () => Array.from({ length: rng.int(8, 60) }, () => rng.pick(WORDS)).join(' ');
  const data: (string | number)[][] = [['Respondent', 'Borough', 'What helps you most?', 'What would you change?']];
  for (let i = 0; i < rows; i++) {
    const n = first + i;
    data.push([`R${String(n).padStart(6, '0')}`, rng.pick(['Hackney', 'Lambeth', 'Brent', 'Croydon']), `${sentence()} (${n}).`, `${sentence()}.`]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(data), 'Responses');
  await writeFile(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/** Imports one spreadsheet through the import path the app and `marginalia import` take; ms. */
async function importSurvey(session: ProjectSession, path: string): Promise<number> {
  const staging = new StagingArea();
  const options = { spreadsheet: { textColumns: ['What helps you most?', 'What would you change?'], mode: 'row' as const, nameColumn: 'Respondent' } };
  const [{ results }, ms] = await time(() => runImport(session, [{ file: () => staging.read({ path }), options }]));
  if (results[0]?.status !== 'imported') throw new Error(`the survey was not imported: ${results[0]?.message}`);
  return ms;
}

async function newProject(dir: string): Promise<ProjectSession> {
  const store = await createProject(dir, { name: 'Survey', template: 'empty' }, systemDeps, { app: 'cli' });
  return new ProjectSession(store, scriptUser(null), systemDeps);
}

/**
 * A 20,000-row survey imported in one go (target ≤ 15 s), then the same number of rows as ten
 * files one after another into one project: the cost per document of the first and the last
 * shows whether an import slows down as the project grows.
 */
export async function survey(config: Config): Promise<StepResult> {
  const rng = new Rng(2026);
  const whole = join(config.work, 'survey.xlsx');
  await surveyFile(whole, SURVEY_ROWS, 1, rng);
  const parts: string[] = [];
  for (let k = 0; k < SERIES_FILES; k++) {
    parts.push(join(config.work, `survey-part-${k + 1}.xlsx`));
    await surveyFile(parts[k]!, SURVEY_ROWS / SERIES_FILES, 1 + k * (SURVEY_ROWS / SERIES_FILES), rng);
  }

  log(`importing a ${SURVEY_ROWS.toLocaleString('en-US')}-row survey`);
  const startRssMb = startPeak();
  const one = await newProject(join(config.work, 'One.marginalia'));
  const importMs = await importSurvey(one, whole);
  const [, closeMs] = await time(() => one.store.close());
  const peakRssMb = peak();

  log(`the same rows as ${SERIES_FILES} imports into one project`);
  const series = await newProject(join(config.work, 'Series.marginalia'));
  const perDocument: number[] = [];
  for (const part of parts) perDocument.push((await importSurvey(series, part)) / (SURVEY_ROWS / SERIES_FILES));
  await series.store.close();
  return {
    step: 'survey',
    figures: {
      importMs: round(importMs),
      perDocumentFirstMs: round(perDocument[0]!, 3),
      perDocumentLastMs: round(perDocument[perDocument.length - 1]!, 3),
    },
    startRssMb,
    peakRssMb,
    breakdown: { rows: SURVEY_ROWS, closeWithFinalCompactionMs: round(closeMs), seriesPerDocumentMs: perDocument.map((ms) => round(ms, 3)) },
  };
}
