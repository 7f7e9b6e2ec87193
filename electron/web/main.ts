import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toErrorShape } from '../../shared/api/errors';
import { defaultDataDir, defaultDocumentsDir } from '../services/app-paths';
import { createBackend } from '../services/backend';
import type { Backend } from '../services/backend';
import { USAGE, openerCommand, parseWebArgs, resolveToken } from './args';
import type { WebArgs } from './args';
import { writeLoginFile } from './login-file';
import type { LoginFile } from './login-file';
import { startWebServer } from './server';
import type { WebServer, WebServerOptions } from './server';

// `npm run web`: stdout carries exactly one line (the address); everything else goes to stderr.

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(argv: readonly string[]): Promise<number | null> {
  const parsed = parseWebArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const args = parsed.args;
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  const staticDir = join(repoRoot, 'out', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    process.stderr.write(`The user interface is not built (${staticDir} has no index.html). Run \`npm run build\` first.\n`);
    return 1;
  }

  const token = resolveToken(process.env.MARGINALIA_TOKEN, () => randomBytes(32).toString('base64url'));
  if (!token.ok) {
    process.stderr.write(`${token.error}\n`);
    return 2;
  }

  // npm runs scripts from the package folder; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const backend = await createBackend({
    dataDir: args.dataDir === undefined ? defaultDataDir() : resolve(cwd, args.dataDir),
    documentsDir: defaultDocumentsDir(),
    resourcesDir: join(repoRoot, 'resources'),
    shell: 'browser',
  });
  await openProject(backend, args.project === undefined ? undefined : resolve(cwd, args.project));

  let server: WebServer;
  try {
    server = await listenWithFallback(
      { handlers: backend.handlers, events: backend.events, staticDir, token: token.token, port: args.port },
      args,
    );
  } catch (err) {
    await backend.shutdown();
    throw err;
  }
  // Scripts read this line; the token is in the fragment, which the browser keeps to itself.
  process.stdout.write(`Marginalia is running at ${server.loginUrl}\n`);
  process.stderr.write('Open that address again whenever a tab asks for it (after the browser restarts, say). Press Ctrl+C to stop.\n');
  const loginFile = args.open ? await openBrowser(server.loginUrl) : null;
  stopOnSignals(server, backend, loginFile);
  return null;
}

/** A project that will not open is reported, not fatal: the UI then shows its start screen. */
async function openProject(backend: Backend, project: string | undefined): Promise<void> {
  try {
    await backend.openInitialProject(project);
  } catch (err) {
    const shape = toErrorShape(err);
    const file = shape.file === undefined || shape.message.includes(shape.file) ? '' : ` (${shape.file})`;
    process.stderr.write(`Could not open the project: ${shape.message}${file}\n`);
  }
}

async function listenWithFallback(options: WebServerOptions, args: WebArgs): Promise<WebServer> {
  try {
    return await startWebServer(options);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    if (args.portGiven) {
      const message = `Port ${args.port} is in use; choose another with --port (0 = any free port).`;
      throw new Error(message, { cause: err });
    }
    process.stderr.write(`Port ${args.port} is busy; using a free port instead.\n`);
    return startWebServer({ ...options, port: 0 });
  }
}

/** Opens the browser on a private file that forwards to the login address: no command line carries the token. */
async function openBrowser(loginUrl: string): Promise<LoginFile | null> {
  const hint = (why: string): void => {
    process.stderr.write(`Could not open a browser (${why}); open the address above yourself.\n`);
  };
  let file: LoginFile;
  try {
    file = await writeLoginFile(loginUrl);
  } catch (err) {
    hint(toErrorShape(err).message);
    return null;
  }
  const opener = openerCommand(process.platform, file.url);
  try {
    const child = spawn(opener.command, opener.args, {
      detached: true,
      stdio: 'ignore',
      windowsVerbatimArguments: opener.windowsVerbatimArguments,
    });
    child.on('error', (err) => hint(err.message));
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) hint(`${opener.command} exited with ${code}`);
    });
    child.unref();
  } catch (err) {
    hint(toErrorShape(err).message);
  }
  return file;
}

function stopOnSignals(server: WebServer, backend: Backend, loginFile: LoginFile | null): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`Stopping (${signal})…\n`);
    void shutdown(server, backend, loginFile).then((code) => process.exit(code));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function shutdown(server: WebServer, backend: Backend, loginFile: LoginFile | null): Promise<number> {
  let code = 0;
  await loginFile?.remove().catch(() => undefined);
  try {
    await server.close();
  } catch (err) {
    process.stderr.write(`Error while closing the server: ${toErrorShape(err).message}\n`);
  }
  try {
    await backend.shutdown();
  } catch (err) {
    // Pending writes may be lost: say so and exit non-zero.
    process.stderr.write(`Error while saving: ${toErrorShape(err).message}\n`);
    code = 1;
  }
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (err: unknown) => {
    const shape = toErrorShape(err);
    process.stderr.write(`Marginalia could not start: ${shape.message}${shape.file ? ` (${shape.file})` : ''}\n`);
    process.exit(1);
  },
);
