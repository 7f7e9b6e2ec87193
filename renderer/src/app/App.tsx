import { StartScreen } from '../features/start/StartScreen';
import { ProjectView } from '../features/project/ProjectView';
import { QuietLoading } from '../ui/QuietLoading';
import { BannerStack } from './BannerStack';
import { BootFailure } from './BootFailure';
import { useAppState } from './useAppState';
import './app.css';

export function App() {
  const app = useAppState();
  const { boot } = app;

  let screen;
  if (boot.status === 'loading') {
    screen = (
      <div className="app__center">
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
        onAppState={app.stateChanged}
      />
    );
  } else {
    screen = <StartScreen state={boot.state} onOpened={app.projectOpened} />;
  }

  return (
    <div className="app">
      <BannerStack banners={app.banners} onDismiss={app.dismissBanner} />
      <div className="app__screen">{screen}</div>
    </div>
  );
}
