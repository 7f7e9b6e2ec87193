import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL } from '../../shared/api/bridge';
import type { BridgeEventListener, MarginaliaBridge } from '../../shared/api/bridge';
import { isChannel } from '../../shared/api/contract';
import type { Channel, EventName, Output, ServerEvents } from '../../shared/api/contract';
import type { AppErrorShape, RpcReply } from '../../shared/api/errors';

// Only these two functions cross into the page: no ipcRenderer, no IPC event objects.

function failure(error: AppErrorShape): RpcReply<never> {
  return { ok: false, error };
}

const bridge: MarginaliaBridge = {
  invoke<C extends Channel>(channel: C, input: unknown): Promise<RpcReply<Output<C>>> {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return Promise.resolve(failure({ code: 'INVALID_INPUT', message: `Unknown request: ${String(channel)}` }));
    }
    return (ipcRenderer.invoke(channel, input) as Promise<RpcReply<Output<C>>>).catch((err: unknown) =>
      failure({ code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }),
    );
  },

  onEvent(listener: BridgeEventListener): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (typeof name === 'string') listener(name as EventName, payload as ServerEvents[EventName]);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('marginalia', bridge);
