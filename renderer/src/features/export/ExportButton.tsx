import { useState } from 'react';
import { Button } from '../../ui/Button';
import { ExportDialog } from './ExportDialog';

/** "Export…" in the top bar: opens the export dialog. */
export function ExportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Export…
      </Button>
      {open ? <ExportDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
