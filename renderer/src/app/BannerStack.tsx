import { ErrorAlert } from '../ui/ErrorAlert';
import type { BannerError } from './useAppState';

/** Errors the backend pushed (event backend.error), newest last, each dismissible. */
export function BannerStack({ banners, onDismiss }: { banners: BannerError[]; onDismiss: (id: number) => void }) {
  if (banners.length === 0) return null;
  return (
    <div className="app__banners">
      {banners.map((b) => (
        <ErrorAlert key={b.id} error={b.error} onDismiss={() => onDismiss(b.id)} />
      ))}
    </div>
  );
}
