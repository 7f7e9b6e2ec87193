import type { EventName, ServerEvents } from '../../shared/api/contract';

export type EventListener = <E extends EventName>(name: E, payload: ServerEvents[E]) => void;

/** Fans backend events out to whichever transports are listening (IPC, server-sent events). */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: ServerEvents[E]): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
