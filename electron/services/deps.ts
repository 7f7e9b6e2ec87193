import { randomUUID } from 'node:crypto';
import type { FileIo } from './store/file-io';

/** What services take from the outside world, so tests can fix time and ids. */
export interface ServiceDeps {
  now(): Date;
  newId(): string;
  /** How project files are written; tests replace it to simulate a full disk or read-only folder. */
  io?: FileIo;
}

export const systemDeps: ServiceDeps = {
  now: () => new Date(),
  newId: () => randomUUID(),
};
