// `npm start`: build, then run the desktop app with the local Electron binary.
// The binary is located without `require('electron')`, which would start a download by itself.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronDir = join(root, 'node_modules', 'electron');
const INSTALL_TIMEOUT_MS = 120_000;

const NO_ELECTRON = [
  'The Electron binary could not be downloaded (probably this machine has no access to its',
  'download server), so the Marginalia desktop app cannot start here. Run `npm run web` instead:',
  'it serves the same app to your browser, on this computer only.',
].join('\n');

/**
 * The installed binary's path, or null. Same rule as node_modules/electron's index.js:
 * <dist>/<path.txt>, where ELECTRON_OVERRIDE_DIST_PATH may name another dist folder.
 */
function electronBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let relative = '';
  try {
    relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    // Not installed, unless an override dist folder is given.
  }
  if (override) relative ||= process.platform === 'win32' ? 'electron.exe' : 'electron';
  if (!relative) return null;
  const binary = join(override || join(electronDir, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

/**
 * The installer's own failure is a stack trace (`TypeError: fetch failed` and six frames); its
 * first error line is all a user needs, followed by what to do instead.
 */
function firstErrorLine(stderr) {
  const line = stderr.split('\n').find((l) => /^\w*Error\b/.test(l.trim())) ?? stderr.trim().split('\n')[0] ?? '';
  return line.trim().replace(/^\w*Error:\s*/, '');
}

function tryInstallElectron() {
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) return;
  console.error('The Electron binary is not installed; trying to download it once…');
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
  });
  if (result.error) console.error(`The download did not finish: ${result.error.message}`);
  else if (result.status !== 0) console.error(`The download failed: ${firstErrorLine(result.stderr ?? '') || `exit code ${result.status}`}.`);
}

/** npm passes what follows `--`; relative paths are taken from where the user typed the command. */
function forwardedArgs(argv) {
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  const cwd = process.env.INIT_CWD || process.cwd();
  return args.map((arg) => (arg.startsWith('-') || isAbsolute(arg) ? arg : resolve(cwd, arg)));
}

function build() {
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.error) console.error(`The build could not run: ${result.error.message}`);
  return result.status === 0;
}

function run(binary, args) {
  const env = { ...process.env };
  // Set by some tools; it would make Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.', ...args], { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (err) => {
    console.error(`Electron could not be started: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

let binary = electronBinary();
if (binary === null) {
  tryInstallElectron();
  binary = electronBinary();
}
if (binary === null) {
  console.error(`\n${NO_ELECTRON}\n`);
  process.exit(1);
}
if (!build()) process.exit(1);
run(binary, forwardedArgs(process.argv.slice(2)));
