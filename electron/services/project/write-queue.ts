import { AppError } from '../../../shared/api/errors';

/**
 * The order a project's changes are saved in, and whether they may be. Changes run one at a
 * time, so each is checked against the state the one before it left; once writing is refused
 * (read-only, closed, or a change that could be neither finished nor taken back) every later
 * change is refused with the same reason.
 */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private refusal: AppError | null) {}

  /** Why writes are refused, or null. */
  get refused(): AppError | null {
    return this.refusal;
  }

  /** Refuses every later change with `reason`, unless they are refused already. */
  refuse(reason: AppError): void {
    this.refusal ??= reason;
  }

  /** Throws if nothing may be written. */
  assertWritable(): void {
    if (this.refusal) throw this.refusal;
  }

  /** Runs a change after every earlier one has finished, refusing it if writing has stopped meanwhile. */
  exclusive<T>(run: () => Promise<T>): Promise<T> {
    if (this.refusal) return Promise.reject(this.refusal);
    return this.serial(() => {
      this.assertWritable();
      return run();
    });
  }

  /** Runs a step between two changes (a compaction setting a log aside). */
  serial<T>(run: () => Promise<T>): Promise<T> {
    const result = this.tail.then(run);
    this.tail = result.then(() => undefined, () => undefined);
    return result;
  }

  /** Stops all writing after a change could be neither finished nor taken back. */
  stopWriting(label: string, err: unknown): never {
    const why = err instanceof Error ? err.message : String(err);
    this.refusal = new AppError(
      'IO',
      `A change ("${label}") could not be saved, nor taken back: ${why} Nothing more will be saved until the project is opened again, which completes that change.`,
    );
    throw this.refusal;
  }

  /** Resolves once every change asked for so far is saved (or has failed). */
  async flush(): Promise<void> {
    await this.tail;
  }
}
