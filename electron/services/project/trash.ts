import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Patch } from '../../../shared/domain/patch';
import type { ProjectState } from '../../../shared/domain/state/project-state';
import type { BackupSets } from '../store/backups';
import { saveFailure } from '../store/file-io';
import type { FileIo } from '../store/file-io';
import type { ProjectLayout } from './layout';
import type { SourceFiles } from './source-files';

/**
 * Documents deleted while the project is open (and transcripts written for an import not yet
 * saved). Deleted documents' transcripts stay in sources/ while the deletion can be undone,
 * listed in sources/.deleted.json; when the project is closed (or next opened, after a crash)
 * every listed document the project no longer lists is purged for good: from the change logs
 * (folded into snapshots that no longer mention it), from sources/, and from every backup set
 * that mentions it: a participant who withdraws consent is removed completely.
 */
const TRASH_LIST = '.deleted.json';

/** The documents listed as deleted in sources/.deleted.json (none when it is absent or unreadable). */
export async function trashedIds(layout: ProjectLayout): Promise<string[]> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(layout.sourcesDir, TRASH_LIST), 'utf-8'));
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export class Trash {
  private readonly ids = new Set<string>();
  readonly file: string;

  constructor(
    private readonly layout: ProjectLayout,
    private readonly io: FileIo,
    private readonly sources: SourceFiles,
    private readonly backups: BackupSets,
  ) {
    this.file = join(layout.sourcesDir, TRASH_LIST);
  }

  /**
   * Notes, before a patch is saved, the documents it deletes. Listing one whose deletion then
   * fails (or is undone) is harmless: only documents the project no longer lists are purged.
   */
  async expect(patch: Patch): Promise<void> {
    await this.hold((patch.project?.documents ?? []).filter((c) => c.after === null).map((c) => c.id));
  }

  /**
   * Lists documents whose transcripts are about to be written for an import: if the import's
   * patch never lands (a crash, a failure), they are purged like deleted ones.
   */
  async hold(ids: readonly string[]): Promise<void> {
    const fresh = ids.filter((id) => !this.ids.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.ids.add(id);
    await this.io.writeFileDurably(this.file, JSON.stringify([...this.ids])).catch((err: unknown) => {
      throw saveFailure(err, 'sources/.deleted.json', this.file);
    });
  }

  /**
   * Purges every deleted document that the project no longer lists; `foldLogs` first folds every
   * change log into its snapshot (their entries name what was deleted).
   */
  async empty(state: ProjectState, foldLogs: () => Promise<void>): Promise<void> {
    const listed = await trashedIds(this.layout);
    const purge = [...new Set([...listed, ...this.ids])].filter((id) => !state.tables.documents.has(id));
    if (purge.length > 0) {
      await foldLogs();
      await this.sources.remove(purge);
      await this.backups.purgeMentioning(purge);
    }
    this.ids.clear();
    await unlink(this.file).catch(() => undefined);
  }
}
