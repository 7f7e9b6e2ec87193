import { z } from 'zod';
import { coderViewSchema } from '../../domain/schemas';
import type { AppState, ChangeResult, FolderListing, HistoryState, ProjectSnapshot, RepairResult, RestoreResult } from '../views';
import { returns } from './channel-spec';
import type { ChannelSpec } from './channel-spec';
import { path, entityId, name, shortName, none, templateIds } from './fields';

/** The app, its projects and where the user is: open, create, restore, close; history; coders; folders. */
export const projectChannels = {
  'app.getState': { kind: 'query', input: none, output: returns<AppState>() },
  /** Sets the user's coder name (kept in app settings); in an open project they then code as that coder. */
  'app.setCoderName': { kind: 'change', input: z.object({ name: shortName }).strict(), output: returns<AppState>() },

  'project.open': { kind: 'change', input: z.object({ path }).strict(), output: returns<ProjectSnapshot>() },
  'project.create': {
    kind: 'change',
    input: z.object({ path, name, template: z.enum(templateIds) }).strict(),
    output: returns<ProjectSnapshot>(),
  },
  'project.openSample': { kind: 'change', input: none, output: returns<ProjectSnapshot>() },
  /**
   * Restores a damaged or missing project.json or coder file from its newest backup that
   * validates (or the named one), keeping the damaged file in damaged/, then opens the project.
   * Offered by errors that carry `restore` (see RestoreOffer in errors.ts).
   */
  'project.restoreBackup': {
    kind: 'change',
    input: z
      .object({
        path,
        file: z.string().regex(/^(project\.json|coders\/[A-Za-z0-9_-]{1,64}\.json)$/, 'file must be project.json or coders/<id>.json'),
        backup: z.string().regex(/^[A-Za-z0-9_.-]{1,200}\.json$/, 'backup must be a file name in backups/').optional(),
      })
      .strict(),
    output: returns<RestoreResult>(),
  },
  /**
   * Repairs the files in the open project's folder that project.json does not list (the
   * snapshot's `strayFiles`): 'reattach' lists them again in one undoable change (a coder file's
   * coder recreated, a transcript as a document), 'setAside' moves them into damaged/.
   */
  'project.repairStrayFiles': { kind: 'change', input: z.object({ action: z.enum(['reattach', 'setAside']) }).strict(), output: returns<RepairResult>() },
  'project.close': { kind: 'change', input: none, output: returns<null>() },

  /** Remembers where the user is (last document, scroll, quick codes, whose codings shown); not undoable, not in the project. */
  'workspace.update': {
    kind: 'change',
    input: z
      .object({
        lastDocumentId: entityId.nullable().optional(),
        scrollTop: z.number().nonnegative().max(1e9).optional(),
        quickCodes: z.array(entityId).max(9).optional(),
        coderView: coderViewSchema.optional(),
        openingDocumentId: entityId.nullable().optional(),
        stopWords: z.array(z.string().trim().toLowerCase().min(1).max(100)).max(10_000).nullable().optional(),
      })
      .strict(),
    output: returns<null>(),
  },

  /** Renames a coder (undoable): in project.json and in the coder's own file, which carries their name. */
  'coder.rename': { kind: 'change', input: z.object({ coderId: entityId, name: shortName }).strict(), output: returns<ChangeResult>() },

  'history.undo': { kind: 'change', input: none, output: returns<ChangeResult>() },
  'history.redo': { kind: 'change', input: none, output: returns<ChangeResult>() },
  'history.state': { kind: 'query', input: none, output: returns<HistoryState>() },

  /** Native folder picker; null where the shell has none (browser mode) or the user cancelled. */
  'dialog.pickProjectFolder': { kind: 'query', input: none, output: returns<string | null>() },

  /**
   * Browser mode's folder chooser: the folders in `path` (default: where projects are made), which
   * must be the user's home folder or inside it; anything else is refused.
   */
  'folders.list': { kind: 'query', input: z.object({ path: path.optional() }).strict(), output: returns<FolderListing>() },
} as const satisfies Record<string, ChannelSpec>;
