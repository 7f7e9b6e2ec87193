import type { Channel, EventName, Input, Output, ServerEvents } from './contract';
import type { RpcReply } from './errors';

/** The IPC channel on which the main process pushes backend events to the window. */
export const EVENT_CHANNEL = 'marginalia:event';

/** Same shape as the backend's EventHub listener: the payload type follows the event name. */
export type BridgeEventListener = <E extends EventName>(name: E, payload: ServerEvents[E]) => void;

/**
 * What the Electron preload exposes as `window.marginalia`. Absent in browser mode, where the
 * same contract is reached over HTTP.
 */
export interface MarginaliaBridge {
  /**
   * Calls a contract channel. Always resolves, with the same envelope as browser mode's
   * `/rpc`; unknown channels and invalid input come back as `INVALID_INPUT` errors.
   */
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<RpcReply<Output<C>>>;
  /**
   * Subscribes to backend events; returns the unsubscribe function. Subscribe before the first
   * `app.getState` call: a startup error (e.g. the project named on the command line could not
   * be opened) is pushed as `backend.error` right after that call's reply.
   */
  onEvent(listener: BridgeEventListener): () => void;
}
