import { useEffect, useState } from 'react';
import type { Channel, Input, Output } from '../../../../shared/api/contract';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { useProject } from '../workbench/state/contexts';

type Load<T> = { status: 'idle' } | { status: 'ready'; value: T; key: string } | { status: 'failed'; error: ApiError; key: string };

export interface Query<T> {
  /** The last answer, possibly to an earlier request while the new one is on its way (see `stale`). */
  value: T | null;
  error: ApiError | null;
  /** Nothing has come back yet for any request. */
  loading: boolean;
  /** What is shown answers an earlier request: the current one is on its way. */
  stale: boolean;
}

/**
 * Reads a channel for the request given (null: nothing to read), again whenever the request
 * or the project changes (every change and undo), keeping the last answer on screen meanwhile.
 */
export function useApiQuery<C extends Channel>(channel: C, input: Input<C> | null): Query<Output<C>> {
  const api = useApi();
  const { project } = useProject();
  const key = input === null ? null : JSON.stringify(input);
  const [load, setLoad] = useState<Load<Output<C>>>({ status: 'idle' });

  useEffect(() => {
    if (key === null) return;
    let live = true;
    // The request is read back from its key, so the effect depends on its content, not its identity.
    api
      .call(channel, JSON.parse(key) as Input<C>)
      .then((value) => {
        if (live) setLoad({ status: 'ready', value, key });
      })
      .catch((error: unknown) => {
        if (live) setLoad({ status: 'failed', error: ApiError.from(error), key });
      });
    return () => {
      live = false;
    };
    // `project` is here so the figures follow every change and undo (each gives a new snapshot).
  }, [api, channel, key, project]);

  if (key === null) return { value: null, error: null, loading: false, stale: false };
  return {
    value: load.status === 'ready' ? load.value : null,
    error: load.status === 'failed' && load.key === key ? load.error : null,
    loading: load.status === 'idle',
    stale: load.status !== 'idle' && load.key !== key,
  };
}
