import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/source-serif-4/400.css';
import '@fontsource/source-serif-4/400-italic.css';
import '@fontsource/source-serif-4/600.css';
import './styles/tokens.css';
import './styles/base.css';
import { createApiClient } from './api/client';
import { ApiProvider } from './api/context';
import { App } from './app/App';
import { askFirstState } from './app/firstState';
import { AboutProvider } from './features/about/AboutProvider';
import { OpenedFilesProvider } from './features/import/OpenedFiles';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

const api = createApiClient();
const first = askFirstState(api);

createRoot(container).render(
  <StrictMode>
    <ApiProvider client={api}>
      {/* The desktop shell's requests (Help → About, files opened with the app) are heard from the first render. */}
      <AboutProvider>
        <OpenedFilesProvider>
          <App first={first} />
        </OpenedFilesProvider>
      </AboutProvider>
    </ApiProvider>
  </StrictMode>,
);
