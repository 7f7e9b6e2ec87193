import { useCallback, useEffect, useEffectEvent, useMemo, useReducer, useState } from 'react';
import type { Dispatch } from 'react';
import type { AppState, ProjectSnapshot, RestoreResult } from '../../../shared/api/contract';
import { ApiError } from '../api/client';
import type { ApiEvent } from '../api/client';
import { useApi, useApiEvents } from '../api/context';
import { appReducer } from './appStore';
import type { FirstState } from './firstState';
import type { AppAction, AppBoot } from './appStore';
import { isAboutProject, noticeKey } from './reliability';

export type { AppBoot } from './appStore';

export interface BannerError {
  id: number;
  error: ApiError;
}

/** A problem met at start-up (AppState.notices), shown until dismissed. */
export interface StartupNotice {
  key: string;
  error: ApiError;
}

/** Something that was repaired or restored: a recovery note of the open project, or a restore's message. */
export interface InfoNote {
  key: string;
  text: string;
}

export interface AppStateApi {
  boot: AppBoot;
  /** Bumped when the open project changed on disk, so open documents reload. */
  revision: number;
  banners: BannerError[];
  /** Start-up problems not yet dismissed (nor made moot by their project opening). */
  notices: StartupNotice[];
  /** Recovery notes of the open project and restore messages, not yet dismissed. */
  notes: InfoNote[];
  retry: () => void;
  /** Takes a project just opened (from the start screen, a restore, "Try again"). */
  projectOpened: (project: ProjectSnapshot) => void;
  /** A backup was restored and its project opened: says so, and opens the project. */
  restored: (result: RestoreResult) => void;
  /** Files the project did not list were repaired: says how, and reads the project again. */
  repaired: (message: string) => void;
  closeProject: () => Promise<void>;
  dismissBanner: (id: number) => void;
  dismissNotice: (key: string) => void;
  dismissNote: (key: string) => void;
  /** Shows an error in the banner stack (errors of actions taken anywhere in the app). */
  showError: (error: ApiError) => void;
  /** Replaces a banner (or, with a string key, a start-up notice) by a new error: a restore that failed. */
  replaceError: (source: number | string, error: ApiError) => void;
  /** Reads the app state again (after a failure that may have closed or rolled back the project). */
  reload: () => Promise<void>;
  /** Sends the app's state what a change or a call returned (the workbench's changes). */
  dispatch: Dispatch<AppAction>;
}

const MAX_BANNERS = 3;
let bannerSeq = 0;
let noteSeq = 0;

function recoveryNoteKey(path: string, note: string): string {
  return `recovery\n${path}\n${note}`;
}

function withPath(paths: ReadonlySet<string>, path: string | undefined): ReadonlySet<string> {
  return path === undefined || paths.has(path) ? paths : new Set(paths).add(path);
}

/** The app's top-level state: AppState from the backend, plus pushed errors, notices and reloads. */
export function useAppState(first: FirstState): AppStateApi {
  const api = useApi();
  const [boot, dispatch] = useReducer(appReducer, { status: 'loading' } as AppBoot);
  const [attempt, setAttempt] = useState(0);
  const [revision, setRevision] = useState(0);
  const [banners, setBanners] = useState<BannerError[]>([]);
  const [messages, setMessages] = useState<InfoNote[]>([]);
  /** Keys of start-up notices and recovery notes the user dismissed (each is shown once). */
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  /** Projects that opened here: start-up notices about them are moot. */
  const [openedPaths, setOpenedPaths] = useState<ReadonlySet<string>>(() => new Set());

  const adopt = useCallback((state: AppState) => {
    dispatch({ type: 'loaded', state });
    setOpenedPaths((paths) => withPath(paths, state.project?.path));
  }, []);

  const pushBanner = useCallback((error: ApiError) => {
    bannerSeq += 1;
    const banner = { id: bannerSeq, error };
    // The same error again (a refused change tried twice) moves to the end rather than piling up.
    const key = noticeKey(error);
    setBanners((current) => [...current.filter((b) => noticeKey(b.error) !== key), banner].slice(-MAX_BANNERS));
  }, []);

  const refresh = useCallback(async () => {
    adopt(await api.call('app.getState', {}));
  }, [api, adopt]);

  const reload = useCallback(async () => {
    try {
      await refresh();
      setRevision((r) => r + 1);
    } catch (err) {
      pushBanner(ApiError.from(err));
    }
  }, [refresh, pushBanner]);

  const onEvent = (event: ApiEvent) => {
    if (event.name === 'backend.error') {
      pushBanner(ApiError.fromShape(event.payload));
    } else if (event.name === 'project.changed') {
      refresh().then(
        () => setRevision((r) => r + 1),
        (err: unknown) => pushBanner(ApiError.from(err)),
      );
    }
  };
  useApiEvents(onEvent);
  // Listening now: what was heard since the first state was asked for (a startup error),
  // handled as events are, after the effect.
  const handOver = useEffectEvent((events: ApiEvent[]) => events.forEach(onEvent));
  useEffect(() => {
    const heard = first.takeEvents();
    if (heard.length > 0) queueMicrotask(() => handOver(heard));
  }, [first]);

  useEffect(() => {
    let live = true;
    (attempt === 0 ? first.state : api.call('app.getState', {})).then(
      (state) => {
        if (live) adopt(state);
      },
      (err: unknown) => {
        if (live) dispatch({ type: 'failed', error: ApiError.from(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, adopt, attempt, first]);

  const retry = useCallback(() => {
    dispatch({ type: 'loading' });
    setAttempt((a) => a + 1);
  }, []);

  const projectOpened = useCallback((project: ProjectSnapshot) => {
    // A project just opened has a fresh history in the backend.
    dispatch({ type: 'opened', project });
    setOpenedPaths((paths) => withPath(paths, project.path));
    // Changes refused while it was read-only belong to the opening before this one.
    setBanners((current) => current.filter((b) => b.error.code !== 'READ_ONLY'));
    // What is on disk may differ from what an open reader shows (another window saved meanwhile).
    setRevision((r) => r + 1);
  }, []);

  const repaired = useCallback(
    (message: string) => {
      noteSeq += 1;
      setMessages((current) => [...current, { key: `repaired-${noteSeq}`, text: message }]);
      // Read the project again, its history with it (the repair is a step to undo).
      void reload();
    },
    [reload],
  );

  const restored = useCallback(
    (result: RestoreResult) => {
      noteSeq += 1;
      setMessages((current) => [...current, { key: `restored-${noteSeq}`, text: result.message }]);
      // Errors offering to restore this project are answered now.
      setBanners((current) => current.filter((b) => !isAboutProject(b.error, result.snapshot.path)));
      projectOpened(result.snapshot);
    },
    [projectOpened],
  );

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

  const dismissKey = useCallback((key: string) => {
    setDismissed((current) => new Set(current).add(key));
  }, []);

  const dismissNote = useCallback(
    (key: string) => {
      setMessages((current) => current.filter((m) => m.key !== key));
      dismissKey(key);
    },
    [dismissKey],
  );

  const replaceError = useCallback(
    (source: number | string, error: ApiError) => {
      if (typeof source === 'string') dismissKey(source);
      else dismissBanner(source);
      pushBanner(error);
    },
    [dismissKey, dismissBanner, pushBanner],
  );

  const state = boot.status === 'ready' ? boot.state : null;
  const notices = useMemo<StartupNotice[]>(() => {
    if (!state) return [];
    const seen = new Set<string>();
    const shown: StartupNotice[] = [];
    for (const shape of state.notices) {
      const key = noticeKey(shape);
      if (seen.has(key) || dismissed.has(key)) continue;
      seen.add(key);
      if ([...openedPaths].some((path) => isAboutProject(shape, path))) continue;
      shown.push({ key, error: ApiError.fromShape(shape) });
    }
    return shown;
  }, [state, dismissed, openedPaths]);

  const notes = useMemo<InfoNote[]>(() => {
    const project = state?.project;
    const recovery = (project?.recoveryNotes ?? [])
      .map((text) => ({ key: recoveryNoteKey(project?.path ?? '', text), text }))
      .filter((n) => !dismissed.has(n.key));
    return [...recovery, ...messages];
  }, [state, dismissed, messages]);

  return {
    boot,
    revision,
    banners,
    notices,
    notes,
    retry,
    projectOpened,
    restored,
    repaired,
    closeProject,
    dismissBanner,
    dismissNotice: dismissKey,
    dismissNote,
    showError: pushBanner,
    replaceError,
    reload,
    dispatch,
  };
}
