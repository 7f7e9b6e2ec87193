/** Files the operating system hands the app to open (a double-clicked REFI-QDA project): imported, not opened as projects. */
export function isImportableFile(path: string): boolean {
  return /\.qdpx$/i.test(path);
}

/**
 * The positional arguments: switches (Chromium's, Playwright's `--inspect=0`, macOS's
 * `-psn_…`) are skipped; under `electron .` (`defaultApp`) the first is the app folder itself.
 */
function positionalArgs(argv: readonly string[], defaultApp: boolean): string[] {
  return argv
    .slice(1)
    .filter((arg) => arg.length > 0 && !arg.startsWith('-'))
    .slice(defaultApp ? 1 : 0);
}

/** The project folder named on the command line, if any. */
export function projectPathFromArgv(argv: readonly string[], defaultApp: boolean): string | undefined {
  return positionalArgs(argv, defaultApp).find((arg) => !isImportableFile(arg));
}

/** Files to import named on the command line: how Windows and Linux pass a double-clicked .qdpx. */
export function importFilesFromArgv(argv: readonly string[], defaultApp: boolean): string[] {
  return positionalArgs(argv, defaultApp).filter(isImportableFile);
}
