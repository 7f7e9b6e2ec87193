import { useMemo, useState } from 'react';
import { plural } from '../../../../shared/text/plural';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { CodePicker } from '../codebook/CodePicker';
import { codeOptions } from '../codebook/codeOptions';
import { useChanges, useDocument, useProject } from '../workbench/state/contexts';

/**
 * "Code all results…": every passage the query found, coded at one code as the user's coding,
 * in one step they can undo (coding.codeQuery; text already coded there is not coded again).
 */
export function CodeResultsDialog({ query, passages, onDone }: { query: string; passages: number; onDone: (message: string | null) => void }) {
  const { project } = useProject();
  const { change } = useChanges();
  const { activeCodeId } = useDocument();
  const options = useMemo(() => codeOptions(project.codebook, { codableOnly: true }), [project.codebook]);
  const [codeId, setCodeId] = useState<string | null>(activeCodeId && options.some((o) => o.id === activeCodeId) ? activeCodeId : null);
  const [busy, setBusy] = useState(false);
  const code = options.find((o) => o.id === codeId) ?? null;

  async function submit(id: string | null = codeId) {
    if (!id || busy) return;
    setBusy(true);
    try {
      const result = await change('coding.codeQuery', { query, codeId: id });
      if (result) onDone(result.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <DialogModal
      wide
      title={`Code all ${plural(passages, 'passage')} the query found`}
      description="Each passage is coded at the code you choose, as your coding, in one step you can undo. Text already coded there is not coded again."
      onSubmit={() => void submit()}
      onClose={() => onDone(null)}
      actions={
        <>
          <Button onClick={() => onDone(null)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!code || busy}>
            {code ? `Code ${plural(passages, 'passage')} at “${code.name}”` : 'Code'}
          </Button>
        </>
      }
    >
      <CodePicker label="Code at" listLabel="Codes" options={options} value={codeId} onChange={setCodeId} onConfirm={(id) => void submit(id)} />
    </DialogModal>
  );
}
