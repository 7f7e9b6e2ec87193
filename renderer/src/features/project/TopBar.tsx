import { useState } from 'react';
import { useApiEvents } from '../../api/context';
import { Button } from '../../ui/Button';
import { AboutButton } from '../about/AboutProvider';
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

  // The desktop menu's File → Close Project does what the button does.
  useApiEvents((event) => {
    if (event.name === 'shell.request' && event.payload.action === 'command' && event.payload.command === 'closeProject' && !closing) void close();
  });

  return (
    <header className={styles.topbar} data-f6-pane="">
      <div className={styles.topbarApp}>
        <AboutButton />
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
