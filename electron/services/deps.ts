import { randomUUID } from 'node:crypto';

/** What services take from the outside world, so tests can fix time and ids. */
export interface ServiceDeps {
  now(): Date;
  newId(): string;
}

export const systemDeps: ServiceDeps = {
  now: () => new Date(),
  newId: () => randomUUID(),
};
