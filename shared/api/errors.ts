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
  | 'IO'
  | 'INTERNAL';

export interface AppErrorShape {
  code: AppErrorCode;
  message: string;
  file?: string;
}

export class AppError extends Error implements AppErrorShape {
  readonly code: AppErrorCode;
  readonly file?: string;

  constructor(code: AppErrorCode, message: string, file?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (file !== undefined) this.file = file;
  }

  toShape(): AppErrorShape {
    return this.file === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, file: this.file };
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
