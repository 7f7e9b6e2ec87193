import type { BackupChoice } from '../../../shared/api/errors';

/**
 * Pure helpers for what the app shows about a project's health: start-up notices, recovery
 * notes, restore offers. Kept apart from the components so they can be tested on their own.
 */

const LOCALE = 'en-GB';

/** "5 Jan 2026, 09:00" (local time), with seconds when asked: when a backup was taken. */
export function formatBackupTime(iso: string, withSeconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = date.toLocaleDateString(LOCALE, { day: 'numeric', month: 'short', year: 'numeric' });
  const time = date.toLocaleTimeString(LOCALE, { hour: '2-digit', minute: '2-digit', ...(withSeconds && { second: '2-digit' }) });
  return `${day}, ${time}`;
}

export interface BackupButton {
  backup: string;
  takenAt: string;
  /** "Restore the backup of 5 Jan 2026, 09:00" */
  label: string;
}

/** The restore buttons for a list of backups (newest first), labelled so no two read the same. */
export function backupButtons(backups: readonly BackupChoice[]): BackupButton[] {
  const short = backups.map((b) => formatBackupTime(b.takenAt));
  const clash = new Set(short).size < short.length;
  return backups.map((b, i) => ({
    backup: b.backup,
    takenAt: b.takenAt,
    label: `Restore the backup of ${clash ? formatBackupTime(b.takenAt, true) : short[i]}`,
  }));
}

/** Tells one notice from another (the same problem reported twice has the same key). */
export function noticeKey(error: { code: string; message: string; file?: string | undefined }): string {
  return `${error.code}\n${error.file ?? ''}\n${error.message}`;
}

/** Whether an error is about the project in folder `path` (its restore offer, or the file it names). */
export function isAboutProject(error: { file?: string | undefined; restore?: { projectPath: string } | undefined }, path: string): boolean {
  if (error.restore) return samePath(error.restore.projectPath, path);
  const file = error.file;
  if (!file) return false;
  const dir = trimSlash(path);
  return samePath(file, dir) || file.startsWith(`${dir}/`) || file.startsWith(`${dir}\\`);
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/[\\/]+$/, '') : path;
}

function samePath(a: string, b: string): boolean {
  return trimSlash(a) === trimSlash(b);
}
