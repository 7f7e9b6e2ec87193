import { MIN_TOKEN_LENGTH, tokenProblem } from './request-guards';

/** Command-line parsing and other pure decisions for `npm run web`, kept apart from main for tests. */

export const DEFAULT_PORT = 5199;

export const USAGE = `Usage: npm run web -- [options]
       node out/main/web.js [options]   (once built: npm run build)

Serves the Marginalia workbench to your browser on this computer only (127.0.0.1).

Options:
  --port N         Port to listen on (default ${DEFAULT_PORT}, or any free port if that is busy;
                   0 = any free port)
  --no-open        Do not open a browser; just print the address
  --project PATH   Open this project folder instead of the last one
  --data-dir DIR   Folder for settings and recent projects (default: the app's usual folder)
  --help           Show this help

Environment:
  MARGINALIA_TOKEN  Use this access token instead of a random one (at least ${MIN_TOKEN_LENGTH} characters
                    from A-Z a-z 0-9 . _ ~ -)
`;

export interface WebArgs {
  port: number;
  /** False when the port is the default, which may fall back to a free port if busy. */
  portGiven: boolean;
  open: boolean;
  project: string | undefined;
  dataDir: string | undefined;
  help: boolean;
}

export type ArgsResult = { ok: true; args: WebArgs } | { ok: false; error: string };

export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

export function parseWebArgs(argv: readonly string[]): ArgsResult {
  const args: WebArgs = {
    port: DEFAULT_PORT,
    portGiven: false,
    open: true,
    project: undefined,
    dataDir: undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const takeValue = (): string | null => {
      if (inline !== undefined) return inline === '' ? null : inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i++;
      return next;
    };

    if ((flag === '--help' || flag === '-h') && inline === undefined) {
      args.help = true;
    } else if (flag === '--no-open' && inline === undefined) {
      args.open = false;
    } else if (flag === '--port') {
      const value = takeValue();
      const port = value === null ? null : parsePort(value);
      if (port === null) return { ok: false, error: '--port needs a number from 0 to 65535' };
      args.port = port;
      args.portGiven = true;
    } else if (flag === '--project' || flag === '--data-dir') {
      const value = takeValue();
      if (value === null) return { ok: false, error: `${flag} needs a path` };
      if (flag === '--project') args.project = value;
      else args.dataDir = value;
    } else {
      return { ok: false, error: `Unknown argument: ${arg}` };
    }
  }
  return { ok: true, args };
}

export type TokenResult = { ok: true; token: string } | { ok: false; error: string };

/** The token from MARGINALIA_TOKEN when set (scripts, e2e tests), else a fresh random one. */
export function resolveToken(fromEnv: string | undefined, generate: () => string): TokenResult {
  if (fromEnv === undefined || fromEnv === '') return { ok: true, token: generate() };
  const problem = tokenProblem(fromEnv);
  return problem === null ? { ok: true, token: fromEnv } : { ok: false, error: `MARGINALIA_TOKEN ${problem}.` };
}

export interface OpenerCommand {
  command: string;
  args: string[];
  /** Windows only: pass the arguments to cmd.exe exactly as written. */
  windowsVerbatimArguments: boolean;
}

/**
 * How this platform opens `target` (the private login page's file:// URL, never the token) in
 * the default browser. On Windows the URL is quoted for cmd.exe: a file URL holds no `"`.
 */
export function openerCommand(platform: NodeJS.Platform, target: string): OpenerCommand {
  if (platform === 'win32') {
    // `start` takes its first quoted argument as a window title, hence the empty "".
    return { command: 'cmd', args: ['/c', 'start', '""', `"${target}"`], windowsVerbatimArguments: true };
  }
  if (platform === 'darwin') return { command: 'open', args: [target], windowsVerbatimArguments: false };
  return { command: 'xdg-open', args: [target], windowsVerbatimArguments: false };
}
