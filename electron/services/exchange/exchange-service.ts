import { AppError } from '../../../shared/api/errors';
import type { ExchangeImportResult } from '../../../shared/api/contract';
import { buildCoderExchange, coderExchangeSchema, planCoderImport } from '../../../shared/exchange/coder-exchange';
import type { CoderExchange, CoderImportPlan } from '../../../shared/exchange/coder-exchange';
import type { CoderFile } from '../../../shared/domain/schemas';
import { ProjectLayout, displayNames } from '../project/layout';
import { loadProject } from '../project/project-loader';
import { parseJsonFile } from '../store/json-store';
import type { ProjectSession } from '../workbench/project-session';
import { added, updated } from '../../../shared/domain/patch';
import { newCoder } from '../../../shared/operations/coder-ops';

export function exportCoderWork(session: ProjectSession, coderId: string, now: Date): { fileName: string; content: string } {
  const { store } = session;
  const coder = store.data.coders.find((c) => c.id === coderId);
  if (!coder) throw new AppError('NOT_FOUND', `There is no coder with id ${coderId} in this project.`);
  const exchange = buildCoderExchange(store.data, coder, store.coderFile(coderId), now.toISOString());
  const safe = (s: string) => s.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'coder';
  return { fileName: `${safe(coder.name)} - ${safe(store.data.name)}.marginalia-coder.json`, content: JSON.stringify(exchange, null, 1) };
}

export function parseCoderExchange(text: string, fileName: string): CoderExchange {
  return parseJsonFile(text, { schema: coderExchangeSchema, version: 1, description: 'coder file from Marginalia' }, { file: fileName, displayName: fileName });
}

/** Plans one colleague's import, refusing anything that would touch the user's own work. */
async function plan(session: ProjectSession, exchange: CoderExchange): Promise<{ plan: CoderImportPlan; name: string; create: boolean }> {
  const { store } = session;
  const me = session.currentCoderId;
  const myName = store.data.coders.find((c) => c.id === me)?.name;
  if (exchange.coder.id === me || exchange.coder.name === myName) {
    throw new AppError('INVALID_INPUT', `This is your own coding (${exchange.coder.name}): importing it would overwrite your work, so it was not imported.`);
  }
  const existing = store.data.coders.find((c) => c.id === exchange.coder.id);
  if (existing && !existing.importedFrom) {
    throw new AppError(
      'ALREADY_EXISTS',
      `${existing.name} already has coding made in this project; importing ${exchange.coder.name}'s file would replace it, so it was not imported.`,
    );
  }
  const previous: CoderFile | null = existing ? store.coderFile(existing.id) : null;
  const clash = store.data.coders.some((c) => c.id !== exchange.coder.id && c.name === exchange.coder.name);
  const name = existing?.name ?? (clash ? `${exchange.coder.name} (imported)` : exchange.coder.name);
  return { plan: planCoderImport(store.data, exchange, previous), name, create: !existing };
}

/**
 * Brings colleagues' coding into the open project as one undoable step. A newer file from the
 * same colleague replaces only what their earlier import brought.
 */
export async function importCoderWork(
  session: ProjectSession,
  exchanges: CoderExchange[],
  source: string,
  now: Date,
  skippedCoders: ExchangeImportResult['skippedCoders'] = [],
): Promise<ExchangeImportResult> {
  const plans = [];
  for (const exchange of exchanges) plans.push({ exchange, ...(await plan(session, exchange)) });
  const importedFrom = { source, importedAt: now.toISOString() };
  const ctx = session.context();
  const coders = plans.map((p) => {
    const existing = session.store.state.tables.coders.get(p.exchange.coder.id);
    return existing
      ? updated(existing.id, existing, { ...existing, importedFrom })!
      : added(p.exchange.coder.id, newCoder(ctx, p.name, { id: p.exchange.coder.id, color: p.exchange.coder.color, importedFrom }));
  });
  const names = plans.map((p) => p.name).join(', ');
  const change = await session.change({ label: `Import the coding of ${names}`, project: { coders }, coders: plans.map((p) => p.plan.change) });
  return { change, reports: plans.map((p) => ({ ...p.plan.report, coder: p.name })), skippedCoders };
}

/** Splits a colleague's project's coders into those to import and those to leave, saying why. */
export function chooseProjectCoders(session: ProjectSession, exchanges: CoderExchange[]): { take: CoderExchange[]; skipped: ExchangeImportResult['skippedCoders'] } {
  const { coders } = session.store.data;
  const me = coders.find((c) => c.id === session.currentCoderId);
  const take: CoderExchange[] = [];
  const skipped: ExchangeImportResult['skippedCoders'] = [];
  for (const x of exchanges) {
    const local = coders.find((c) => c.id === x.coder.id);
    if (x.coder.id === me?.id || x.coder.name === me?.name) skipped.push({ coder: x.coder.name, reason: 'this is you: your own coding is never replaced' });
    else if (local && !local.importedFrom) skipped.push({ coder: x.coder.name, reason: 'already coding in this project (the folders share an origin)' });
    else take.push(x);
  }
  return { take, skipped };
}

/**
 * Reads every coder of a colleague's project folder (without changing it, their change logs
 * included) as exchanges.
 */
export async function readProjectCoders(dir: string, now: Date): Promise<CoderExchange[]> {
  const layout = new ProjectLayout(dir);
  const { state } = await loadProject(layout, { discardTemp: false }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND' && err.file === layout.projectFile) {
      throw new AppError('NOT_FOUND', `${dir} is not a Marginalia project: ${displayNames.projectFile} cannot be read.`, err.file);
    }
    throw err;
  });
  return state.data.coders.map((coder) => {
    const exchange = buildCoderExchange(state.data, coder, state.coder(coder.id)!.toFile(), now.toISOString());
    // Held to the rules of a coder file sent by a colleague: GUID ids, sound names.
    return parseCoderExchange(JSON.stringify(exchange), layout.data(coder.id).snapshot);
  });
}
