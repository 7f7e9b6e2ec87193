import { useCallback, useEffect, useRef } from 'react';
import type { Dispatch } from 'react';
import type { ChangeResult, ProjectSnapshot } from '../../../../../shared/api/contract';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/context';
import type { AppAction } from '../../../app/appStore';

export interface ChangeRunnerDeps {
  project: ProjectSnapshot;
  dispatch: Dispatch<AppAction>;
  onError: (error: ApiError) => void;
  /** Called with each change's reply once the app has it (the status line, the open reader). */
  onApplied: (result: ChangeResult) => void;
  /** A coder name is needed: ask for it; resolves true once one is set. */
  requestCoderName: (mode: 'first') => Promise<boolean>;
  /** The backend rolled a failed save back: every reader reloads its codings. */
  onRolledBack: () => void;
}

/**
 * How every change is run, once: refused here while the project is read-only; a change that
 * needs a coder asks for the name and is tried once more; a failed save (IO) means the backend
 * rolled it back, so its state is taken again.
 */
export function useChangeRunner({ project, dispatch, onError, onApplied, requestCoderName, onRolledBack }: ChangeRunnerDeps) {
  const api = useApi();
  const projectRef = useRef(project);
  useEffect(() => {
    projectRef.current = project;
  });

  const apply = useCallback(
    (result: ChangeResult) => {
      dispatch({ type: 'changed', result });
      onApplied(result);
    },
    [dispatch, onApplied],
  );

  const adoptBackendState = useCallback(async () => {
    try {
      dispatch({ type: 'loaded', state: await api.call('app.getState', {}) });
      onRolledBack();
    } catch (err) {
      onError(ApiError.from(err));
    }
  }, [api, dispatch, onError, onRolledBack]);

  /** While the project is read-only here, a change is refused with the banner's reason, without asking the backend. */
  const refuseReadOnly = useCallback((): boolean => {
    const readOnly = projectRef.current.readOnly;
    if (readOnly) onError(new ApiError('READ_ONLY', readOnly.reason));
    return readOnly !== null;
  }, [onError]);

  const run = useCallback(
    async (call: () => Promise<ChangeResult>): Promise<ChangeResult | null> => {
      if (refuseReadOnly()) return null;
      for (let asked = false; ; asked = true) {
        try {
          const result = await call();
          apply(result);
          return result;
        } catch (err) {
          const error = ApiError.from(err);
          if (error.code === 'NO_CODER' && !asked) {
            if (await requestCoderName('first')) continue;
            return null;
          }
          onError(error);
          if (error.code === 'IO') void adoptBackendState();
          return null;
        }
      }
    },
    [adoptBackendState, apply, onError, refuseReadOnly, requestCoderName],
  );

  return { run, apply, refuseReadOnly };
}
