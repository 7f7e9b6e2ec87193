/**
 * The project folder named on the command line, if any. Switches (Chromium's, Playwright's
 * `--inspect=0`, macOS's `-psn_…`) are skipped; under `electron .` (`defaultApp`) the first
 * remaining argument is the app folder itself, not a project.
 */
export function projectPathFromArgv(argv: readonly string[], defaultApp: boolean): string | undefined {
  const positional = argv.slice(1).filter((arg) => arg.length > 0 && !arg.startsWith('-'));
  return positional[defaultApp ? 1 : 0];
}
