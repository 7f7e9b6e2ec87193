import { BrowserWindow, ipcMain } from 'electron';
import { EVENT_CHANNEL } from '../../shared/api/bridge';
import { channels } from '../../shared/api/contract';
import type { Handlers } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import type { RpcReply } from '../../shared/api/errors';
import type { EventHub } from '../services/events';
import { isTrustedSender } from './security';

const UNTRUSTED: RpcReply<never> = {
  ok: false,
  error: { code: 'INVALID_INPUT', message: 'Request refused: it did not come from the Marginalia window.' },
};

/**
 * Registers every contract channel with `ipcMain.handle`. Replies are always envelopes, never
 * exceptions: Electron reduces a thrown error to a message string, losing its code and file.
 * Returns a function that removes the handlers again.
 */
export function registerIpcHandlers(handlers: Handlers, appOrigin: string): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, raw: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url, appOrigin)) return UNTRUSTED;
      return dispatch(handlers, channel, raw, {
        onInternalError: (name, error) => console.error(`[ipc] ${name} failed:`, error),
      });
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Pushes every backend event to every window. Returns the unsubscribe function. */
export function forwardEvents(events: EventHub): () => void {
  return events.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed() && !window.webContents.isDestroyed()) {
        window.webContents.send(EVENT_CHANNEL, name, payload);
      }
    }
  });
}
