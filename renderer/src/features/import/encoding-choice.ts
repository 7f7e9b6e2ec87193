import type { ImportInspection } from '../../../../shared/api/contract';
import { textEncodingLabels, textEncodings } from '../../../../shared/text/encodings';
import type { TextEncodingName } from '../../../../shared/text/encodings';
import { initialForm, sheetOf } from './options';
import type { ItemForm } from './options';

/**
 * The encoding choice of a text or CSV file in the import dialog: which encoding its preview was
 * read in, the select's options, and the settings kept when the file is read again. Pure.
 */

/** The encoding the preview was read in; null for files that carry their own (Word, PDF, .xlsx). */
export function readEncoding(inspection: ImportInspection | null): TextEncodingName | null {
  return inspection?.document?.encoding ?? inspection?.spreadsheet?.encoding ?? null;
}

/** Every encoding, the detected one marked so the user can always go back to it. */
export function encodingOptions(detected: TextEncodingName | null): { value: TextEncodingName; label: string }[] {
  return textEncodings.map((value) => ({ value, label: value === detected ? `${textEncodingLabels[value]} (detected)` : textEncodingLabels[value] }));
}

/**
 * The settings after the file was read again in `encoding`. A transcript keeps its settings; a
 * spreadsheet keeps them while its columns are the same, else starts afresh from the new
 * suggestions (a header such as "CafÃ©" is now "Café", so the old choices name no column).
 */
export function formAfterReread(previous: ItemForm, inspection: ImportInspection, namesTaken: readonly string[], encoding: TextEncodingName): ItemForm {
  if (previous.kind === 'document') return { ...previous, encoding };
  if (previous.kind !== 'spreadsheet') return previous;
  const sheet = sheetOf(inspection, previous.sheet);
  const named = [...previous.textColumns, previous.nameColumn, previous.groupColumn, previous.matchColumn].filter(Boolean);
  const form = sheet !== null && named.every((c) => sheet.columns.includes(c)) ? previous : initialForm(inspection, namesTaken);
  return form.kind === 'spreadsheet' ? { ...form, encoding } : form;
}
