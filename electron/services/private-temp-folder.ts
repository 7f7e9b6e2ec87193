import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A folder of the app's own under the system's temp folder (mkdtemp: readable by this user
 * only), made when the first file needs it and removed, with everything in it, by `clear`
 * (when the app closes). Files are named by the caller, by ids it made, never by a request.
 */
export class PrivateTempFolder {
  private dir: Promise<string> | null = null;

  constructor(private readonly prefix: string) {}

  /** The folder, made on first use. */
  folder(): Promise<string> {
    if (!this.dir) {
      const made = mkdtemp(join(tmpdir(), this.prefix));
      // A folder that could not be made is tried again next time.
      made.catch(() => this.dir === made && (this.dir = null));
      this.dir = made;
    }
    return this.dir;
  }

  /** The folder if it was made, without making it. */
  made(): Promise<string> | null {
    return this.dir;
  }

  async clear(): Promise<void> {
    const dir = this.dir;
    this.dir = null;
    const path = await dir?.catch(() => null);
    if (path) await rm(path, { recursive: true, force: true });
  }
}
