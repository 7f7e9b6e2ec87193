import { nodeFileIo } from '../../electron/services/store/file-io';
import type { FileIo } from '../../electron/services/store/file-io';

/** An errno error as node:fs raises it. */
export function fsError(code: string, syscall = 'write'): NodeJS.ErrnoException {
  const messages: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'read-only file system',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
  };
  return Object.assign(new Error(`${code}: ${messages[code] ?? 'failed'}, ${syscall}`), { code, syscall });
}

export interface FaultyIo extends FileIo {
  /**
   * Makes writes fail with `code`: those whose path `matches` (default all), after letting
   * `afterWrites` of them through, `times` times (default: until healed).
   */
  breakWith(code: string, options?: { matches?: (file: string) => boolean; times?: number; afterWrites?: number }): void;
  heal(): void;
  /** Files written successfully since the io was made, in order. */
  readonly written: string[];
}

/**
 * The real file io with a switch that makes writes fail as a full disk or a read-only folder
 * would: tests run as root here, where permissions are not enforced.
 */
export function faultyIo(): FaultyIo {
  let fault: { code: string; matches: (file: string) => boolean; times: number; skip: number } | null = null;
  const written: string[] = [];
  const check = (file: string, syscall: string) => {
    if (!fault || !fault.matches(file)) return;
    if (fault.skip > 0) {
      fault.skip--;
      return;
    }
    const code = fault.code;
    if (--fault.times <= 0) fault = null;
    throw fsError(code, syscall);
  };
  return {
    written,
    breakWith(code, options = {}) {
      fault = { code, matches: options.matches ?? (() => true), times: options.times ?? Infinity, skip: options.afterWrites ?? 0 };
    },
    heal() {
      fault = null;
    },
    async writeFileDurably(file, content) {
      check(file, 'write');
      await nodeFileIo.writeFileDurably(file, content);
      written.push(file);
    },
    async createExclusive(file, content, options) {
      check(file, 'open');
      await nodeFileIo.createExclusive(file, content, options);
      written.push(file);
    },
    async append(file, text, options) {
      check(file, 'write');
      await nodeFileIo.append(file, text, options);
      written.push(file);
    },
    async truncate(file, length) {
      check(file, 'ftruncate');
      await nodeFileIo.truncate(file, length);
    },
    syncFolder: (dir) => nodeFileIo.syncFolder(dir),
  };
}
