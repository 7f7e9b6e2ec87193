/**
 * Errors that cross the API boundary. Each carries a code the UI can act on and a message a
 * researcher can read; `file` names the file at fault whenever there is one.
 */
export type AppErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'NO_PROJECT'
  | 'NO_CODER'
  | 'DAMAGED_FILE'
  | 'UNSUPPORTED_VERSION'
  | 'ALREADY_EXISTS'
  /** The project is open read-only here (another window holds it, or its folder cannot be written). */
  | 'READ_ONLY'
  /** An undo or redo that another coder's later change stands in the way of. */
  | 'CONFLICT'
  | 'IO'
  | 'INTERNAL';

/** One backup a damaged or missing file can be restored from (newest first in a list). */
export interface BackupChoice {
  /** The backup's name inside the project's backups/ folder, e.g. "project.20260105-090001-000.json". */
  backup: string;
  /** When the backup was taken (ISO 8601). */
  takenAt: string;
}

/**
 * Attached to an error when the file at fault can be restored from a backup that validates:
 * the UI offers "Restore the backup of <takenAt>" and calls `project.restoreBackup` with
 * `{ path: projectPath, file }` (and `backup` to choose an older one than the newest).
 */
export interface RestoreOffer {
  /** The project folder. */
  projectPath: string;
  /** The file to restore, relative to the project folder: "project.json" or "coders/<id>.json". */
  file: string;
  /** Backups that validate, newest first; never empty. */
  backups: BackupChoice[];
}

export interface AppErrorShape {
  code: AppErrorCode;
  message: string;
  file?: string;
  /** Present when the damaged or missing file can be restored from a backup. */
  restore?: RestoreOffer;
}

export class AppError extends Error implements AppErrorShape {
  readonly code: AppErrorCode;
  readonly file?: string;
  restore?: RestoreOffer;

  constructor(code: AppErrorCode, message: string, file?: string, options: { restore?: RestoreOffer; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    if (file !== undefined) this.file = file;
    if (options.restore) this.restore = options.restore;
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.file !== undefined && { file: this.file }),
      ...(this.restore && { restore: this.restore }),
    };
  }
}

/** What a transport sends back for any thrown value: AppErrors as they are, anything else as INTERNAL. */
export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}

export function isErrorShape(value: unknown): value is AppErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The envelope both transports use for a reply. */
export type RpcReply<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
