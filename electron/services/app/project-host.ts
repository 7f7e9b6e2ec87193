import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppState, HistoryState } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { AppErrorShape } from '../../../shared/api/errors';
import type { ServiceDeps } from '../deps';
import { ProjectStore } from '../project/project-store';
import { createSampleProject } from '../project/sample-project';
import type { AppSettingsStore } from '../settings/app-settings';
import type { LockApp } from '../store/project-lock';
import { ProjectSession } from '../workbench/project-session';

const SAMPLE_FOLDER = 'Thrive LDN sample.marginalia';
const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

export interface HostOptions {
  shell: 'electron' | 'browser';
  /** Where the sample project's copy is made on first launch, and new projects by default (in Marginalia/). */
  documentsDir: string;
  /** The user's home folder: browser mode's folder chooser shows it and what is below it, nothing else. */
  homeDir: string;
  /** The app's resources/ folder (sample project sources, icons). */
  resourcesDir: string;
}

/** The project open in this window (at most one), and the app state the UI reads. */
export class ProjectHost {
  private current: ProjectSession | null = null;
  readonly app: LockApp;

  constructor(
    readonly settings: AppSettingsStore,
    readonly deps: ServiceDeps,
    readonly options: HostOptions,
    /** Problems met at start-up, shown until dismissed. */
    readonly notices: AppErrorShape[],
  ) {
    this.app = options.shell === 'electron' ? 'desktop' : 'browser';
  }

  session(): ProjectSession {
    if (!this.current) throw new AppError('NO_PROJECT', 'No project is open.');
    return this.current;
  }

  get open(): ProjectSession | null {
    return this.current;
  }

  async close(): Promise<void> {
    const closing = this.current;
    this.current = null;
    await closing?.store.close();
  }

  async activate(store: ProjectStore): Promise<ProjectSession> {
    if (this.current?.store !== store) await this.close();
    this.current = new ProjectSession(store, this.settings, this.deps);
    await this.current.lookForStrayFiles();
    await this.settings.rememberProject({ path: store.dir, name: store.data.name, openedAt: this.deps.now().toISOString() });
    return this.current;
  }

  /**
   * Opens a project for this window. The project already open here is closed first when it is
   * the same folder, so that its lock does not make the new copy read-only.
   */
  async openAt(path: string): Promise<ProjectSession> {
    const dir = resolve(path);
    if (this.current && this.current.store.dir === dir) await this.close();
    return this.activate(await ProjectStore.open(dir, this.deps, { app: this.app }));
  }

  /** Documents/Marginalia: where the sample's copy and, unless the user chooses otherwise, new projects go. */
  get projectsDir(): string {
    return join(this.options.documentsDir, 'Marginalia');
  }

  async openSample(): Promise<ProjectSession> {
    // The bundled original is never opened: the user works in their own copy, made once.
    const dest = join(this.projectsDir, SAMPLE_FOLDER);
    if (await stat(join(dest, 'project.json')).then(() => true, () => false)) return this.openAt(dest);
    const store = await createSampleProject(this.options.resourcesDir, dest, this.deps, { app: this.app });
    // The sample is coded by two coders and not by the user: it opens on everyone's codings, not on none.
    await this.settings.updateWorkspace(store.data.id, { coderView: 'all' });
    return this.activate(store);
  }

  state(): AppState {
    return {
      shell: this.options.shell,
      coderName: this.settings.data.coderName,
      recentProjects: [...this.settings.data.recentProjects],
      projectsDir: this.projectsDir,
      project: this.current?.snapshot() ?? null,
      history: this.current?.historyState() ?? NO_HISTORY,
      notices: this.notices,
    };
  }
}
