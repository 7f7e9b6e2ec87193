import { useCallback, useEffect, useState } from 'react';
import type { AppState, ProjectSnapshot } from '../../../shared/api/contract';
import { ApiError } from '../api/client';
import { useApi, useApiEvents } from '../api/context';

export type AppBoot =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; state: AppState };

export interface BannerError {
  id: number;
  error: ApiError;
}

export interface AppStateApi {
  boot: AppBoot;
  /** Bumped when the open project changed on disk, so open documents reload. */
  revision: number;
  banners: BannerError[];
  retry: () => void;
  projectOpened: (project: ProjectSnapshot) => void;
  closeProject: () => Promise<void>;
  dismissBanner: (id: number) => void;
  /** Shows an error in the banner stack (errors of actions taken anywhere in the app). */
  showError: (error: ApiError) => void;
  /** Takes a new AppState handed back by a call (app.setCoderName). */
  stateChanged: (state: AppState) => void;
}

const MAX_BANNERS = 3;
let bannerSeq = 0;

/** The app's top-level state: AppState from the backend, plus pushed errors and reloads. */
export function useAppState(): AppStateApi {
  const api = useApi();
  const [boot, setBoot] = useState<AppBoot>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [revision, setRevision] = useState(0);
  const [banners, setBanners] = useState<BannerError[]>([]);

  const pushBanner = useCallback((error: ApiError) => {
    bannerSeq += 1;
    const banner = { id: bannerSeq, error };
    setBanners((current) => [...current, banner].slice(-MAX_BANNERS));
  }, []);

  const refresh = useCallback(async () => {
    const state = await api.call('app.getState', {});
    setBoot({ status: 'ready', state });
  }, [api]);

  // Subscribed before the first app.getState: a startup error is pushed right after its reply.
  useApiEvents((event) => {
    if (event.name === 'backend.error') {
      pushBanner(ApiError.fromShape(event.payload));
    } else if (event.name === 'project.changed') {
      refresh().then(
        () => setRevision((r) => r + 1),
        (err: unknown) => pushBanner(ApiError.from(err)),
      );
    }
  });

  useEffect(() => {
    let live = true;
    api.call('app.getState', {}).then(
      (state) => {
        if (live) setBoot({ status: 'ready', state });
      },
      (err: unknown) => {
        if (live) setBoot({ status: 'failed', error: ApiError.from(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  const retry = useCallback(() => {
    setBoot({ status: 'loading' });
    setAttempt((a) => a + 1);
  }, []);

  const projectOpened = useCallback((project: ProjectSnapshot) => {
    setBoot((current) => (current.status === 'ready' ? { status: 'ready', state: { ...current.state, project } } : current));
  }, []);

  const closeProject = useCallback(async () => {
    try {
      await api.call('project.close', {});
      await refresh();
    } catch (err) {
      pushBanner(ApiError.from(err));
    }
  }, [api, refresh, pushBanner]);

  const dismissBanner = useCallback((id: number) => {
    setBanners((current) => current.filter((b) => b.id !== id));
  }, []);

  const stateChanged = useCallback((state: AppState) => {
    setBoot({ status: 'ready', state });
  }, []);

  return { boot, revision, banners, retry, projectOpened, closeProject, dismissBanner, showError: pushBanner, stateChanged };
}
