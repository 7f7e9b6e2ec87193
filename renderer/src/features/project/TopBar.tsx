import { useState } from 'react';
import { Button } from '../../ui/Button';
import { AboutButton } from '../about/AboutProvider';
import { ExportButton } from '../export/ExportButton';
import { CoderSwitch } from './CoderSwitch';
import { CoderViewSelect } from './CoderViewSelect';
import { HistoryButtons } from './HistoryButtons';

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
    <header className="topbar">
      <div className="topbar__app">
        <AboutButton />
      </div>
      <div className="topbar__title">
        <h1 className="topbar__name" title={path}>
          {name}
        </h1>
        <span className="topbar__path" title={path}>
          {path}
        </span>
      </div>
      <HistoryButtons />
      <div className="topbar__end">
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
