import { useState } from 'react';
import { stopWordLists } from '../../../../shared/words/stop-words';
import { foldWord } from '../../../../shared/words/tokens';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import { TextAreaField } from '../../ui/TextAreaField';

/** The words one per line or separated by spaces or commas, folded as counted words are, each once. */
export function parseStopWords(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((w) => foldWord(w.trim())).filter(Boolean))];
}

/** Edits the stop words the word table leaves out; "Put back the English list" restores the shipped list. */
export function StopWordsDialog({ words, onSave, onClose }: { words: readonly string[]; onSave: (words: string[]) => void; onClose: () => void }) {
  const [text, setText] = useState(words.join(' '));
  const parsed = parseStopWords(text);
  return (
    <DialogModal
      wide
      title="Stop words"
      description="Words left out of the word table: too common to tell texts apart. Separate them with spaces, commas or new lines. Only an English list comes with Marginalia for now; edit it, or replace it with your own for another language. Your list is kept for this project on this computer."
      onSubmit={() => onSave(parsed)}
      onClose={onClose}
      actions={
        <>
          <Button onClick={() => setText(stopWordLists.english.join(' '))}>Put back the English list</Button>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Save {parsed.length} stop words
          </Button>
        </>
      }
    >
      <TextAreaField label="Stop words" rows={10} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
    </DialogModal>
  );
}
