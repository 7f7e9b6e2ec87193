import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Handlers, ServerEvents } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';

export type ShellRequest = ServerEvents['shell.request'];

/**
 * What the native shell asks of the UI (Help → About, a .qdpx the OS opened with the app).
 * Held until the UI has asked for its first state, by when its listeners are subscribed, so
 * a file double-clicked to launch the app is not lost while the window loads.
 */
export class ShellRequests {
  private ready = false;
  private readonly waiting: ShellRequest[] = [];

  constructor(private readonly deliver: (request: ShellRequest) => void) {}

  send(request: ShellRequest): void {
    if (this.ready) this.deliver(request);
    else this.waiting.push(request);
  }

  /** The UI has its first state: hand over what waited. */
  uiReady(): void {
    if (this.ready) return;
    this.ready = true;
    for (const request of this.waiting.splice(0)) this.deliver(request);
  }
}

/** Reads files the OS opened with the app into the import staging area, ready for the import dialog. */
export async function stageOpenedFiles(
  paths: readonly string[],
  stage: Handlers['import.stage'],
  maxBytes: number,
): Promise<Extract<ShellRequest, { action: 'import' }>['files']> {
  const files = [];
  for (const path of paths) {
    const fileName = basename(path);
    const info = await stat(path).catch(() => null);
    if (info === null || !info.isFile()) throw new AppError('NOT_FOUND', `${fileName} could not be opened: there is no such file at ${path}.`);
    if (info.size > maxBytes) throw new AppError('INVALID_INPUT', `${fileName} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB and cannot be imported.`);
    const { stagedId } = await stage({ fileName, base64: (await readFile(path)).toString('base64') });
    files.push({ stagedId, fileName, size: info.size });
  }
  return files;
}
