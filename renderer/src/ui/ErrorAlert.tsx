import type { ApiError } from '../api/client';
import { Alert } from './Alert';

/** An ApiError as an inline alert: its message, and the file when it names one. */
export function ErrorAlert({ error, onDismiss }: { error: ApiError; onDismiss?: () => void }) {
  return <Alert title={error.message} file={error.file} {...(onDismiss ? { onDismiss } : {})} />;
}
