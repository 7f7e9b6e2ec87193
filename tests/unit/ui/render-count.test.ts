// @vitest-environment happy-dom
import { Profiler, act, createElement as h, useEffect } from 'react';
import type { ProfilerOnRenderCallback, ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../../shared/api/dispatch';
import type { AppState } from '../../../shared/api/contract';
import type { Backend } from '../../../electron/services/backend';
import { createApiClient } from '../../../renderer/src/api/client';
import { ApiProvider } from '../../../renderer/src/api/context';
import { appReducer } from '../../../renderer/src/app/appStore';
import type { AppAction, AppBoot } from '../../../renderer/src/app/appStore';
import { CodebookPanel } from '../../../renderer/src/features/codebook/CodebookPanel';
import { DocumentsPanel } from '../../../renderer/src/features/documents/DocumentsPanel';
import { CentreView } from '../../../renderer/src/features/project/CentreView';
import { StatusBar } from '../../../renderer/src/features/project/StatusBar';
import { TopBar } from '../../../renderer/src/features/project/TopBar';
import { useChanges, useViewActions } from '../../../renderer/src/features/workbench/state/contexts';
import type { ChangeActions, ViewActions } from '../../../renderer/src/features/workbench/state/contexts';
import { WorkbenchDnd } from '../../../renderer/src/features/workbench/WorkbenchDnd';
import { WorkbenchProvider } from '../../../renderer/src/features/workbench/WorkbenchProvider';
import { allDocuments, sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * The workbench's state is split so that a component re-renders only for what it shows: a
 * status message re-renders the status bar and nothing else. Checked with React's Profiler on
 * the real panels, over the real backend and the sample project.
 */
const tempDir = useTempDirs();
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let backend: Backend;
let rendered: Map<string, number>;
const onRender: ProfilerOnRenderCallback = (id) => rendered.set(id, (rendered.get(id) ?? 0) + 1);
const counted = (id: string, child: ReactNode) => h(Profiler, { key: id, id, onRender, children: child });

/** Hands the test the workbench's actions, as any component would reach them. */
function Handles({ take }: { take: (handles: { view: ViewActions; changes: ChangeActions }) => void }) {
  const view = useViewActions();
  const changes = useChanges();
  useEffect(() => {
    take({ view, changes });
  }, [take, view, changes]);
  return null;
}

async function settle() {
  for (let i = 0; i < 20; i++) await act(() => new Promise((r) => setTimeout(r, 10)));
}

async function mountWorkbench() {
  const client = createApiClient({
    invoke: async (channel, input) => (await dispatchRequest(backend.handlers, channel, input)).reply as never,
    onEvent: () => () => undefined,
  });
  const state = (await backend.handlers['app.getState']({})) as AppState;
  let boot: AppBoot = { status: 'ready', state };
  const dispatch = (action: AppAction) => {
    boot = appReducer(boot, action);
    void root.render(tree());
  };
  let handles: { view: ViewActions; changes: ChangeActions } | null = null;
  const take = (taken: { view: ViewActions; changes: ChangeActions }) => {
    handles = taken;
  };
  const tree = () => {
    const s = (boot as Extract<AppBoot, { status: 'ready' }>).state;
    const workbench = [
      counted('topbar', h(TopBar, { key: 'topbar', name: s.project!.name, path: s.project!.path, onClose: async () => undefined })),
      h(WorkbenchDnd, {
        key: 'panes',
        children: [counted('documents', h(DocumentsPanel, { key: 'd' })), counted('centre', h(CentreView, { key: 'c', revision: 0 })), counted('codebook', h(CodebookPanel, { key: 'b' }))],
      }),
      counted('status', h(StatusBar, { key: 'status' })),
      h(Handles, { key: 'handles', take }),
    ];
    const onError = (error: unknown) => {
      throw error;
    };
    return h(ApiProvider, {
      client,
      children: h(WorkbenchProvider, { project: s.project!, coderName: s.coderName, history: s.history, dispatch, onError, children: workbench }),
    });
  };
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(() => root.render(tree()));
  await settle();
  return { handles: () => handles!, container, unmount: () => act(() => root.unmount()) };
}

describe('render counts', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    backend = await sampleBackend(await tempDir());
    rendered = new Map();
  });
  afterEach(async () => {
    await backend.shutdown?.();
  });

  it('a status message re-renders only the status bar', async () => {
    const app = await mountWorkbench();
    expect(app.container.textContent).toContain('Codebook');
    rendered.clear();
    await act(() => app.handles().view.say('Saved.'));
    await settle();
    expect(app.container.querySelector('footer [role="status"]')?.textContent).toBe('Saved.');
    expect(Object.fromEntries(rendered)).toEqual({ status: 1 });
    await app.unmount();
  });

  it('a change re-renders what shows the project', async () => {
    const app = await mountWorkbench();
    rendered.clear();
    const state = (await backend.handlers['app.getState']({})) as AppState;
    const code = state.project!.codebook.find((c) => c.codable)!;
    const doc = (await allDocuments(backend.handlers))[0]!;
    await act(async () => {
      await app.handles().changes.change('coding.apply', { documentId: doc.id, codeId: code.id, start: 0, end: 5 });
    });
    await settle();
    // The codebook's counts, the document list and the status line all follow the change.
    for (const id of ['codebook', 'documents', 'status', 'topbar']) expect(rendered.get(id), id).toBeGreaterThan(0);
    await app.unmount();
  });
});
