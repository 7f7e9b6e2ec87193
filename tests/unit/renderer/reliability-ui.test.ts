import { describe, expect, it } from 'vitest';
import type { AppErrorShape } from '../../../shared/api/errors';
import { ApiError } from '../../../renderer/src/api/client';
import { backupButtons, formatBackupTime, isAboutProject, noticeKey } from '../../../renderer/src/app/reliability';

/** An ISO time for a local wall-clock time (labels are in local time, like the rest of the app). */
function local(y: number, mo: number, d: number, h: number, mi: number, s = 0): string {
  return new Date(y, mo - 1, d, h, mi, s).toISOString();
}

const offer = {
  projectPath: '/home/amara/Thrive.marginalia',
  file: 'project.json',
  backups: [
    { backup: 'project.20260105-090001-000.json', takenAt: local(2026, 1, 5, 9, 0, 1) },
    { backup: 'project.20260104-170000-000.json', takenAt: local(2026, 1, 4, 17, 0) },
  ],
};

describe('errors keep their restore offer on the way to the UI', () => {
  it('ApiError.fromShape and ApiError.from keep `restore`', () => {
    const shape: AppErrorShape = { code: 'DAMAGED_FILE', message: 'project.json is damaged.', file: '/home/amara/Thrive.marginalia/project.json', restore: offer };
    const error = ApiError.fromShape(shape);
    expect(error.restore).toEqual(offer);
    expect(error.file).toBe(shape.file);
    expect(ApiError.from(shape).restore).toEqual(offer);
    expect(ApiError.from(error)).toBe(error);
  });

  it('leaves out an offer the UI could not act on', () => {
    const shape = { code: 'DAMAGED_FILE', message: 'x', restore: { ...offer, backups: [] } } as AppErrorShape;
    expect(ApiError.fromShape(shape).restore).toBeUndefined();
    const garbled = { code: 'DAMAGED_FILE', message: 'x', restore: { projectPath: 3 } } as unknown as AppErrorShape;
    expect(ApiError.fromShape(garbled).restore).toBeUndefined();
    expect(ApiError.fromShape({ code: 'IO', message: 'The disk is full.' }).restore).toBeUndefined();
  });
});

describe('restore buttons', () => {
  it('say when each backup was taken, in British English, newest first', () => {
    expect(formatBackupTime(local(2026, 1, 5, 9, 0))).toBe('5 Jan 2026, 09:00');
    expect(backupButtons(offer.backups).map((b) => b.label)).toEqual([
      'Restore the backup of 5 Jan 2026, 09:00',
      'Restore the backup of 4 Jan 2026, 17:00',
    ]);
    expect(backupButtons(offer.backups)[1]!.backup).toBe('project.20260104-170000-000.json');
  });

  it('show seconds when two backups fall in the same minute', () => {
    const close = [
      { backup: 'b.json', takenAt: local(2026, 1, 5, 9, 0, 40) },
      { backup: 'a.json', takenAt: local(2026, 1, 5, 9, 0, 2) },
    ];
    expect(backupButtons(close).map((b) => b.label)).toEqual([
      'Restore the backup of 5 Jan 2026, 09:00:40',
      'Restore the backup of 5 Jan 2026, 09:00:02',
    ]);
  });

  it('show a time that is not one as it is', () => {
    expect(formatBackupTime('yesterday')).toBe('yesterday');
  });
});

describe('start-up notices', () => {
  it('are told apart by code, file and message', () => {
    expect(noticeKey({ code: 'IO', message: 'a' })).toBe(noticeKey({ code: 'IO', message: 'a' }));
    expect(noticeKey({ code: 'IO', message: 'a' })).not.toBe(noticeKey({ code: 'IO', message: 'a', file: '/x' }));
  });

  it('are about a project by their offer or by the file they name', () => {
    expect(isAboutProject({ restore: offer }, '/home/amara/Thrive.marginalia')).toBe(true);
    expect(isAboutProject({ restore: offer }, '/home/amara/Thrive.marginalia/')).toBe(true);
    expect(isAboutProject({ restore: offer }, '/home/amara/Other.marginalia')).toBe(false);
    expect(isAboutProject({ file: '/home/amara/Thrive.marginalia/coders/c1.json' }, '/home/amara/Thrive.marginalia')).toBe(true);
    expect(isAboutProject({ file: 'C:\\Users\\a\\P\\project.json' }, 'C:\\Users\\a\\P')).toBe(true);
    expect(isAboutProject({ file: '/home/amara/Thrive.marginalia-old/project.json' }, '/home/amara/Thrive.marginalia')).toBe(false);
    expect(isAboutProject({ file: '/home/amara/.config/marginalia/settings.json' }, '/home/amara/Thrive.marginalia')).toBe(false);
    expect(isAboutProject({}, '/home/amara/Thrive.marginalia')).toBe(false);
  });
});
