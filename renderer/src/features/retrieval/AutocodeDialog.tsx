import { useMemo, useState } from 'react';
import type { AttributeFilter } from '../../../../shared/api/contract';
import { unitCount } from '../../../../shared/operations/autocode-ops';
import { plural } from '../../../../shared/text/plural';
import type { ContextUnit } from '../../../../shared/text/units';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { RadioGroup } from '../../ui/RadioGroup';
import { useApiQuery } from '../analysis/useApiQuery';
import { CodePicker } from '../codebook/CodePicker';
import { codeOptions } from '../codebook/codeOptions';
import { useChanges, useDocument, useProject } from '../workbench/state/contexts';
import { codedMessage, previewText } from './retrievalText';
import styles from './retrieval.module.css';

export interface SearchQuery {
  query: string;
  caseSensitive: boolean;
  wholeWord: boolean;
  pattern: boolean;
}

const unitOptions: { value: ContextUnit; label: string }[] = [
  { value: 'match', label: 'Match' },
  { value: 'sentence', label: 'Sentence' },
  { value: 'paragraph', label: 'Paragraph' },
  { value: 'turn', label: 'Speaker turn' },
];

/**
 * "Code all results as …": the code, the unit coded around each match (the match itself, its
 * sentence, paragraph or speaker turn), and before applying, what it will code (the backend
 * counts it). Applied as one undoable step, merged with the user's codings at that code.
 */
export function AutocodeDialog({ search, hits, attributes, onDone }: { search: SearchQuery; hits: number; attributes: AttributeFilter; onDone: (message: string | null) => void }) {
  const { project } = useProject();
  const { change } = useChanges();
  const { activeCodeId } = useDocument();
  const options = useMemo(() => codeOptions(project.codebook, { codableOnly: true }), [project.codebook]);
  const [codeId, setCodeId] = useState<string | null>(activeCodeId && options.some((o) => o.id === activeCodeId) ? activeCodeId : null);
  const [unit, setUnit] = useState<ContextUnit>('match');
  const [busy, setBusy] = useState(false);
  const code = options.find((o) => o.id === codeId) ?? null;
  const request = { ...search, attributes, unit };
  const preview = useApiQuery('search.autocodePreview', { ...request, codeId });
  const count = preview.stale ? null : preview.value;

  async function submit(id: string | null = codeId) {
    const name = options.find((o) => o.id === id)?.name;
    if (!id || !name || busy) return;
    setBusy(true);
    try {
      const result = await change('coding.autocode', { ...request, codeId: id });
      if (result) onDone(count && id === codeId ? codedMessage(count, name, unit) : result.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <DialogModal
      wide
      title={`Code all ${plural(hits, 'result')} for “${search.query}”`}
      description="Each result, or the text around it, is coded at the code you choose, as your coding, in one step you can undo. Text already coded there is not coded again."
      onSubmit={() => void submit()}
      onClose={() => onDone(null)}
      actions={
        <>
          <Button onClick={() => onDone(null)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!code || busy || !count || count.truncated}>
            {code && count ? `Code ${unitCount(count.passages, unit)} at “${code.name}”` : 'Code'}
          </Button>
        </>
      }
    >
      <RadioGroup legend="Code all results as" inline value={unit} options={unitOptions} onChange={setUnit} />
      <CodePicker label="Code at" listLabel="Codes" options={options} value={codeId} onChange={setCodeId} onConfirm={(id) => void submit(id)} />
      <p className={styles.autocodePreview} role="status" aria-live="polite">
        {count ? previewText(count, unit, code?.name ?? null) : 'Counting…'}
      </p>
      {count?.truncated ? <p className={styles.autocodePreview}>There are too many results to code in one step: narrow the search first.</p> : null}
      {preview.error ? <ErrorAlert error={preview.error} /> : null}
    </DialogModal>
  );
}
