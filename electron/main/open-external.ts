import { shell } from 'electron';
import { isSafeExternalUrl } from './security';

/**
 * The one way the app opens anything outside itself: only what `isSafeExternalUrl` allows
 * (ESLint refuses `shell.openExternal` anywhere else). Returns whether it was opened.
 */
export function safeOpenExternal(url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}
