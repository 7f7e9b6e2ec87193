import { describe, expect, it } from 'vitest';
import { importFilesFromArgv, projectPathFromArgv } from '../../../electron/main/argv';

describe('projectPathFromArgv', () => {
  it('skips the app folder under `electron .`', () => {
    expect(projectPathFromArgv(['/x/electron', '.', '/projects/study'], true)).toBe('/projects/study');
    expect(projectPathFromArgv(['/x/electron', '.'], true)).toBeUndefined();
  });

  it('takes the first argument of a packaged app', () => {
    expect(projectPathFromArgv(['/opt/Marginalia/marginalia', '/projects/study'], false)).toBe('/projects/study');
    expect(projectPathFromArgv(['/opt/Marginalia/marginalia'], false)).toBeUndefined();
  });

  it('ignores switches wherever they are', () => {
    expect(
      projectPathFromArgv(['/x/electron', '--inspect=0', '--remote-debugging-port=0', '.', '--no-sandbox', 'p'], true),
    ).toBe('p');
    expect(projectPathFromArgv(['/Applications/Marginalia.app/x', '-psn_0_12345'], false)).toBeUndefined();
  });
});

describe('a .qdpx handed over on the command line (Windows and Linux file associations)', () => {
  it('is a file to import, never the project to open', () => {
    const argv = ['/opt/Marginalia/marginalia', '/home/ann/Downloads/NVivo export.QDPX'];
    expect(importFilesFromArgv(argv, false)).toEqual(['/home/ann/Downloads/NVivo export.QDPX']);
    expect(projectPathFromArgv(argv, false)).toBeUndefined();
  });

  it('leaves the project argument alone, and the app folder under `electron .`', () => {
    const argv = ['/x/electron', '.', '/projects/study', 'a.qdpx', '--no-sandbox', 'b.qdpx'];
    expect(projectPathFromArgv(argv, true)).toBe('/projects/study');
    expect(importFilesFromArgv(argv, true)).toEqual(['a.qdpx', 'b.qdpx']);
    expect(importFilesFromArgv(['/x/electron', '.'], true)).toEqual([]);
  });
});
