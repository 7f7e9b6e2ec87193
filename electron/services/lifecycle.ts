import { AppError } from '../../shared/api/errors';

/**
 * A long-lived part of the backend (settings, the staging area, an open project and its
 * compactor) with a named start and stop, after Zettlr's service providers: stopping the app,
 * or closing a project, stops each in turn, so that one which fails neither hides the others'
 * failures nor keeps them from finishing (a compaction on close is never cut short).
 */
export interface Service {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface StopFailure {
  service: string;
  error: unknown;
}

/** Starts services in order; if one fails, those already started are stopped again (last first). */
export async function startAll(services: readonly Service[]): Promise<void> {
  const started: Service[] = [];
  for (const service of services) {
    try {
      await service.start();
    } catch (err) {
      await stopAll(started.reverse());
      throw err;
    }
    started.push(service);
  }
}

/**
 * Stops every service, one after another in the order given, each whatever became of the ones
 * before; returns what failed (empty when all stopped cleanly).
 */
export async function stopAll(services: readonly Service[]): Promise<StopFailure[]> {
  const failures: StopFailure[] = [];
  for (const service of services) {
    try {
      await service.stop();
    } catch (error) {
      failures.push({ service: service.name, error });
    }
  }
  return failures;
}

/** Stops every service, then throws once, naming each that failed and why. */
export async function stopAllOrThrow(services: readonly Service[]): Promise<void> {
  const failures = await stopAll(services);
  if (failures.length === 0) return;
  const why = (err: unknown) => (err instanceof Error ? err.message : String(err));
  const message = failures.map((f) => `${f.service}: ${why(f.error)}`).join(' ');
  const first = failures[0]!.error;
  if (failures.length === 1 && first instanceof AppError) throw first;
  throw new AppError(first instanceof AppError ? first.code : 'IO', `Not everything stopped cleanly. ${message}`, first instanceof AppError ? first.file : undefined, {
    cause: new AggregateError(failures.map((f) => f.error)),
  });
}

/** A service made of two functions. */
export function service(name: string, stop: () => Promise<void>, start: () => Promise<void> = async () => undefined): Service {
  return { name, start, stop };
}
