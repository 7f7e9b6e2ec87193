import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, openerCommand, parsePort, parseWebArgs, resolveToken } from '../../../electron/web/args';
import type { WebArgs } from '../../../electron/web/args';

function parsed(argv: string[]): WebArgs {
  const result = parseWebArgs(argv);
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.args;
}

function refused(argv: string[]): string {
  const result = parseWebArgs(argv);
  if (result.ok) throw new Error(`expected an error for ${argv.join(' ')}`);
  return result.error;
}

describe('parseWebArgs', () => {
  it('has defaults: port 5199 (not given), open a browser, no project, default data dir', () => {
    expect(parsed([])).toEqual({
      port: 5199,
      portGiven: false,
      open: true,
      project: undefined,
      dataDir: undefined,
      help: false,
    });
    expect(DEFAULT_PORT).toBe(5199);
  });

  it('reads every flag, in both spaced and = forms', () => {
    expect(parsed(['--port', '8080', '--no-open', '--project', 'my project', '--data-dir', '/tmp/d'])).toEqual({
      port: 8080,
      portGiven: true,
      open: false,
      project: 'my project',
      dataDir: '/tmp/d',
      help: false,
    });
    expect(parsed(['--port=0', '--project=/p', '--data-dir=d'])).toMatchObject({
      port: 0,
      portGiven: true,
      project: '/p',
      dataDir: 'd',
    });
  });

  it('marks an explicit default port as given, so it never silently moves', () => {
    expect(parsed(['--port', '5199'])).toMatchObject({ port: 5199, portGiven: true });
  });

  it('recognises --help and -h', () => {
    expect(parsed(['--help']).help).toBe(true);
    expect(parsed(['--no-open', '-h']).help).toBe(true);
  });

  it.each([
    [['--bogus'], /Unknown argument: --bogus/],
    [['stray'], /Unknown argument: stray/],
    [['--no-open=yes'], /Unknown argument/],
    [['--port'], /--port needs a number/],
    [['--port', 'abc'], /--port needs a number/],
    [['--port', '65536'], /--port needs a number/],
    [['--port', '-1'], /--port needs a number/],
    [['--port', '80.5'], /--port needs a number/],
    [['--port='], /--port needs a number/],
    [['--project'], /--project needs a path/],
    [['--project', '--no-open'], /--project needs a path/],
    [['--data-dir='], /--data-dir needs a path/],
  ])('refuses %j', (argv, message) => {
    expect(refused(argv)).toMatch(message);
  });
});

describe('parsePort', () => {
  it('accepts 0 to 65535 only', () => {
    expect(parsePort('0')).toBe(0);
    expect(parsePort('65535')).toBe(65535);
    expect(parsePort('65536')).toBeNull();
    expect(parsePort('')).toBeNull();
    expect(parsePort('1e3')).toBeNull();
    expect(parsePort(' 80')).toBeNull();
  });
});

describe('resolveToken', () => {
  const generated = 'generated-token-value-0123456789-abcdef';
  const generate = (): string => generated;

  it('generates a token when MARGINALIA_TOKEN is unset or empty', () => {
    expect(resolveToken(undefined, generate)).toEqual({ ok: true, token: generated });
    expect(resolveToken('', generate)).toEqual({ ok: true, token: generated });
  });

  it('uses MARGINALIA_TOKEN when it is at least 32 characters long', () => {
    expect(resolveToken('e2e-token-0123456789-0123456789ab', generate)).toEqual({ ok: true, token: 'e2e-token-0123456789-0123456789ab' });
  });

  it('refuses a short MARGINALIA_TOKEN at start, instead of warning', () => {
    const result = resolveToken('a', generate);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^MARGINALIA_TOKEN must be at least 32 characters long/) });
    expect(resolveToken('x'.repeat(31), generate).ok).toBe(false);
  });

  it('refuses a token that would break the URL or the header', () => {
    for (const bad of ['a;b', 'a&b=c', 'has space']) expect(resolveToken(bad + 'x'.repeat(40), generate).ok).toBe(false);
  });
});

describe('openerCommand', () => {
  const target = 'file:///tmp/marginalia-open-x1y2/open.html';

  it('uses xdg-open on Linux, open on macOS, on the private file (never the token)', () => {
    expect(openerCommand('linux', target)).toEqual({ command: 'xdg-open', args: [target], windowsVerbatimArguments: false });
    expect(openerCommand('darwin', target)).toEqual({ command: 'open', args: [target], windowsVerbatimArguments: false });
  });

  it('uses cmd /c start with an empty title and the target quoted on Windows', () => {
    const windows = 'file:///C:/Users/Ana%20B/AppData/Local/Temp/marginalia-open-x1y2/open.html';
    expect(openerCommand('win32', windows)).toEqual({
      command: 'cmd',
      args: ['/c', 'start', '""', `"${windows}"`],
      windowsVerbatimArguments: true,
    });
  });
});
