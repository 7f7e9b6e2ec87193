import { createContext, use, useState } from 'react';
import type { ReactNode } from 'react';
import { useApiEvents } from '../../api/context';
import { AboutDialog } from './AboutDialog';
import styles from './About.module.css';

const OpenAbout = createContext<() => void>(() => undefined);

/**
 * Holds the About box for the whole app: the desktop shell's Help → About asks for it with a
 * `shell.request` event; in the UI, the app mark in the top bar (AboutButton) opens it.
 */
export function AboutProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  useApiEvents((event) => {
    if (event.name === 'shell.request' && event.payload.action === 'about') setOpen(true);
  });
  return (
    <OpenAbout value={() => setOpen(true)}>
      {children}
      {open ? <AboutDialog onClose={() => setOpen(false)} /> : null}
    </OpenAbout>
  );
}

/** The app mark, as the button that opens About (browser mode has no native Help menu). */
export function AboutButton() {
  const openAbout = use(OpenAbout);
  return (
    <button type="button" className={styles.mark} onClick={openAbout} aria-label="About Marginalia" title="About Marginalia">
      <svg viewBox="0 0 40 40" width="22" height="22" aria-hidden="true">
        <rect width="40" height="40" rx="9" fill="var(--c-accent)" />
        <rect x="10" y="9" width="15" height="22" rx="2" fill="var(--c-text-on-accent)" opacity="0.95" />
        <rect x="27.5" y="12.5" width="3" height="11" rx="1.5" fill="var(--c-brand-mark)" />
      </svg>
    </button>
  );
}
