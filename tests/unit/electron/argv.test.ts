import { describe, expect, it } from 'vitest';
import { projectPathFromArgv } from '../../../electron/main/argv';

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
