import { createContext, use, useEffect, useEffectEvent } from 'react';
import type { ReactNode } from 'react';
import type { ApiClient, ApiEventListener } from './client';

const ApiContext = createContext<ApiClient | null>(null);

/** Supplies the ApiClient; tests and harnesses pass a fake one. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext value={client}>{children}</ApiContext>;
}

export function useApi(): ApiClient {
  const client = use(ApiContext);
  if (!client) throw new Error('useApi must be used inside <ApiProvider>.');
  return client;
}

/** Listens to backend events for the component's lifetime; the listener may change freely. */
export function useApiEvents(listener: ApiEventListener): void {
  const api = useApi();
  const onEvent = useEffectEvent(listener);
  useEffect(() => api.onEvent((event) => onEvent(event)), [api]);
}
