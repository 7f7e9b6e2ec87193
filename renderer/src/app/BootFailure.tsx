import type { ApiError } from '../api/client';
import { Button } from '../ui/Button';
import { ErrorAlert } from '../ui/ErrorAlert';

export function BootFailure({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <div className="app__center">
      <div className="app__failure">
        <h1 className="app__failure-title">Marginalia could not start</h1>
        <ErrorAlert error={error} />
        <div>
          <Button variant="primary" onClick={onRetry}>
            Try again
          </Button>
        </div>
      </div>
    </div>
  );
}
