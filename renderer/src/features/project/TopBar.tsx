import { useState } from 'react';
import { Button } from '../../ui/Button';
import { ExportButton } from '../export/ExportButton';
import { CoderSwitch } from './CoderSwitch';
import { CoderViewSelect } from './CoderViewSelect';
import { HistoryButtons } from './HistoryButtons';
import styles from './TopBar.module.css';
import projectStyles from './project.module.css';

export interface TopBarProps {
  name: string;
  path: string;
  onClose: () => Promise<void>;
}

export function TopBar({ name, path, onClose }: TopBarProps) {
  const [closing, setClosing] = useState(false);

  async function close() {
    setClosing(true);
    try {
      await onClose();
    } finally {
      setClosing(false);
    }
  }

  return (
    <header className={styles.topbar}>
      <div className={styles.topbarApp} aria-hidden="true">
        <svg viewBox="0 0 40 40" width="22" height="22">
          <rect width="40" height="40" rx="9" fill="var(--c-accent)" />
          <rect x="10" y="9" width="15" height="22" rx="2" fill="var(--c-text-on-accent)" opacity="0.95" />
          <rect x="27.5" y="12.5" width="3" height="11" rx="1.5" fill="var(--c-brand-mark)" />
        </svg>
      </div>
      <div className={styles.topbarTitle}>
        <h1 className={styles.topbarName} title={path}>
          {name}
        </h1>
        <span className={projectStyles.topbarPath} title={path}>
          {path}
        </span>
      </div>
      <HistoryButtons />
      <div className={styles.topbarEnd}>
        <CoderViewSelect />
        <CoderSwitch />
        <ExportButton />
        <Button size="sm" onClick={() => void close()} disabled={closing}>
          {closing ? 'Closing…' : 'Close project'}
        </Button>
      </div>
    </header>
  );
}
