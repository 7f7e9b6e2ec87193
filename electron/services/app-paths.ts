import { homedir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

const APP_NAME = 'Marginalia';

/** The per-user folder for app settings, where Electron's app.getPath('userData') would put it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** The user's documents folder, where a copy of the sample project is made. */
export function defaultDocumentsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MARGINALIA_DOCUMENTS_DIR) return env.MARGINALIA_DOCUMENTS_DIR;
  const documents = join(homedir(), 'Documents');
  return existsSync(documents) ? documents : homedir();
}
