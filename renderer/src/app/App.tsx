import { StartScreen } from '../features/start/StartScreen';
import { ProjectView } from '../features/project/ProjectView';
import { QuietLoading } from '../ui/QuietLoading';
import { BannerStack } from './BannerStack';
import { BootFailure } from './BootFailure';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { StrayFilesBanner } from './StrayFilesBanner';
import type { FirstState } from './firstState';
import { useAppState } from './useAppState';
import styles from './app.module.css';

export function App({ first }: { first: FirstState }) {
  const app = useAppState(first);
  const { boot } = app;
  const project = boot.status === 'ready' ? boot.state.project : null;
  // A change refused because the project is read-only carries the banner's own reason: the
  // banner says it was refused, rather than a second alert repeating the reason.
  const readOnly = project?.readOnly ?? null;
  const refusals = readOnly ? app.banners.filter((b) => b.error.code === 'READ_ONLY' && b.error.message === readOnly.reason) : [];
  const banners = refusals.length > 0 ? app.banners.filter((b) => !refusals.includes(b)) : app.banners;

  let screen;
  if (boot.status === 'loading') {
    screen = (
      <div className={styles.appCenter}>
        <QuietLoading label="Opening Marginalia…" />
      </div>
    );
  } else if (boot.status === 'failed') {
    screen = <BootFailure error={boot.error} onRetry={app.retry} />;
  } else if (boot.state.project) {
    screen = (
      <ProjectView
        key={boot.state.project.path}
        project={boot.state.project}
        coderName={boot.state.coderName}
        history={boot.state.history}
        revision={app.revision}
        onClose={app.closeProject}
        onError={app.showError}
        dispatch={app.dispatch}
      />
    );
  } else {
    screen = <StartScreen state={boot.state} onOpened={app.projectOpened} onRestored={app.restored} />;
  }

  return (
    <div className={styles.app}>
      <BannerStack
        lead={
          project && readOnly ? (
            <ReadOnlyBanner
              key={project.path}
              path={project.path}
              reason={readOnly.reason}
              refusal={refusals.at(-1)?.id ?? null}
              onReopened={app.projectOpened}
              onFailed={(error) => {
                // Opening again closed the project here first: show what the backend has now.
                app.showError(error);
                void app.reload();
              }}
            />
          ) : project?.strayFiles ? (
            <StrayFilesBanner key={project.path} strays={project.strayFiles} onRepaired={app.repaired} onFailed={app.showError} />
          ) : null
        }
        notes={app.notes}
        notices={app.notices}
        banners={banners}
        onDismissNote={app.dismissNote}
        onDismissNotice={app.dismissNotice}
        onDismiss={app.dismissBanner}
        onRestored={app.restored}
        onRestoreFailed={app.replaceError}
      />
      <div className={styles.appScreen}>{screen}</div>
    </div>
  );
}
