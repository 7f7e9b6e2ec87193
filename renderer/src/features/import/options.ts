import type { ImportInspection, ImportItemOptions } from '../../../../shared/api/contract';
import type { TextEncodingName } from '../../../../shared/text/encodings';
import { LONG_LINE_CHARS } from '../../../../shared/text/long-lines';
import { formatNumber, plural } from '../../../../shared/text/plural';
import { MAX_DOCUMENT_PAGE } from '../../../../shared/api/limits';

/**
 * The import dialog's per-file settings (the form), how they start from what `import.inspect`
 * found, what is wrong with them, and the ImportItemOptions they become. Pure.
 */

export type SpeakerChoice = NonNullable<ImportItemOptions['speakers']>;
export type SpeakerPattern = 'colon' | 'bracket' | 'dash';

export interface DocumentForm {
  kind: 'document';
  speakers: SpeakerChoice;
  /** A plain-text file's encoding, when the user chose one over the detected one. */
  encoding?: TextEncodingName;
  /** Whether to cut very long lines into paragraphs; offered (and on) only when the file has such lines. */
  splitLongLines: boolean;
}

export interface SpreadsheetForm {
  kind: 'spreadsheet';
  /** The sheet's name (a CSV file has one sheet). */
  sheet: string;
  /** Rows become documents, or the table gives attributes to documents already in the project. */
  use: 'documents' | 'attributes';
  /** Columns holding the text, in the sheet's column order. */
  textColumns: string[];
  mode: 'row' | 'group';
  /** Group mode: rows with the same value here are one document; '' when none is chosen. */
  groupColumn: string;
  /** Row mode: document names; group mode: each row's speaker. '' for none (row numbers). */
  nameColumn: string;
  /** Attribute table: the column holding document names; '' when none is chosen. */
  matchColumn: string;
  /** A CSV file's encoding, when the user chose one over the detected one. */
  encoding?: TextEncodingName;
}

export type CoderFrom = NonNullable<NonNullable<ImportItemOptions['refi']>['coderFrom']>;

export interface ExchangeForm {
  kind: 'refi-project' | 'refi-codebook';
  /** A project's coding that names another user than its selection is this one's (asked only when some do). */
  coderFrom: CoderFrom;
  /** Merge a coder's overlapping codings at one code into one (offered only when some overlap). */
  mergeOverlaps: boolean;
}

/** The choice of whose a coding is, for a REFI-QDA project whose codings and selections name different users. */
export function coderFromOptions(differ: number): { value: CoderFrom; label: string }[] {
  const codings = plural(differ, 'coding');
  return [
    { value: 'selection', label: `The user who selected the passage (${codings} differ)` },
    { value: 'coding', label: 'The user named on the coding' },
  ];
}

/** The offer to merge a REFI-QDA project's overlapping codings, as the import dialog shows it. */
export function overlapNotice(overlapping: number): string {
  return `${plural(overlapping, 'coding')} ${overlapping === 1 ? 'overlaps' : 'overlap'} another of the same coder at the same code. They are kept as the file has them unless you merge them.`;
}

export type ItemForm = DocumentForm | SpreadsheetForm | ExchangeForm;

type SheetInspection = NonNullable<ImportInspection['spreadsheet']>['sheets'][number];

export const speakerPatternLabels: Record<SpeakerPattern, string> = {
  colon: '“Name: text”',
  bracket: '“[id1] text”',
  dash: '“P1 – text”',
};

/** The speaker select's options; "Detected" names what detection found. */
export function speakerOptions(detected: SpeakerPattern | null): { value: SpeakerChoice; label: string }[] {
  return [
    { value: 'auto', label: detected ? `Detected: ${speakerPatternLabels[detected]}` : 'Detected: no speaker labels' },
    { value: 'colon', label: speakerPatternLabels.colon },
    { value: 'bracket', label: speakerPatternLabels.bracket },
    { value: 'dash', label: speakerPatternLabels.dash },
    { value: 'none', label: 'No speakers (paragraphs)' },
  ];
}

/** The pattern a choice resolves to: the detected one for 'auto'; null for no speakers. */
export function effectivePattern(choice: SpeakerChoice, detected: SpeakerPattern | null): SpeakerPattern | null {
  if (choice === 'auto') return detected;
  if (choice === 'none') return null;
  return choice;
}

/** What a speaker choice will do, in words: the preview only shows what detection found. */
export function describeSpeakerChoice(choice: SpeakerChoice, detected: SpeakerPattern | null): string {
  const pattern = effectivePattern(choice, detected);
  const how: Record<SpeakerPattern, string> = {
    colon: 'a line that starts with a short capitalised name and a colon (“Facilitator: …”) starts that speaker’s turn',
    bracket: 'a line that starts with a label in square brackets (“[id1] …”) starts that speaker’s turn',
    dash: 'a line that starts with a short name and a dash (“P1 – …”) starts that speaker’s turn',
  };
  if (pattern === null) {
    return choice === 'none'
      ? 'Each paragraph becomes a passage with no speaker; any labels stay in the text.'
      : 'No speaker labels were found: each paragraph becomes a passage with no speaker.';
  }
  const sentence = how[pattern].charAt(0).toUpperCase() + how[pattern].slice(1);
  return pattern === detected ? `${sentence}.` : `${sentence}. The preview shows what detection found, not this choice.`;
}

export function kindLabel(kind: ImportInspection['kind']): string {
  switch (kind) {
    case 'document':
      return 'Document';
    case 'spreadsheet':
      return 'Spreadsheet';
    case 'refi-project':
      return 'REFI-QDA project';
    case 'refi-codebook':
      return 'REFI-QDA codebook';
  }
}

/** What importing a REFI-QDA file brings in, in one line. */
export function exchangeSummary(kind: 'refi-project' | 'refi-codebook'): string {
  return kind === 'refi-project'
    ? 'Its codes, documents, coders with their codings, memos and document attributes will be imported. Codes and texts already in this project are reused, not doubled; anything that cannot be imported is listed afterwards.'
    : 'Its codes, with their sub-codes, colours and descriptions, will be added to the codebook. Codes with the same name at the same level are reused.';
}

/** A document's name is at most this long: a longer cell names none. */
const NAME_MAX = 300;

/** The distinct cells of every sheet's sample that could name a document: what the backend is asked to match (documents.namesTaken). */
export function sampleCells(inspection: ImportInspection): string[] {
  const cells = new Set<string>();
  for (const sheet of inspection.spreadsheet?.sheets ?? []) for (const row of sheet.sample) for (const cell of row) if (cell.trim() && cell.length <= NAME_MAX) cells.add(cell);
  return [...cells].slice(0, MAX_DOCUMENT_PAGE);
}

/** The column whose sample values name the most documents already in the project (`namesTaken`: the cells that do), if any does. */
function matchingColumn(sheet: SheetInspection, namesTaken: readonly string[]): string | null {
  const names = new Set(namesTaken);
  let best: string | null = null;
  let bestHits = 0;
  for (const [i, column] of sheet.columns.entries()) {
    const hits = sheet.sample.filter((row) => row[i] && names.has(row[i])).length;
    if (hits > bestHits) {
      best = column;
      bestHits = hits;
    }
  }
  return best;
}

const SPEAKER_HINT = /(^|[^a-z])(speaker|author|from|sender|user|person|participant|name|who)([^a-z]|$)/i;
/** Cells this long are answers or speech, not names: an attribute table has none. */
const LONG_TEXT = 60;

/** The settings for one sheet, from the backend's suggestions and the cells of its sample that name documents. */
export function sheetForm(sheet: SheetInspection, namesTaken: readonly string[]): SpreadsheetForm {
  const { suggested } = sheet;
  const hasLongText = sheet.sample.some((row) => row.some((cell) => cell.length >= LONG_TEXT));
  const match = matchingColumn(sheet, namesTaken);
  const mode = suggested.groupColumn ? 'group' : 'row';
  const taken = new Set([...suggested.textColumns, suggested.groupColumn]);
  const speaker = sheet.columns.find((c) => !taken.has(c) && SPEAKER_HINT.test(c)) ?? '';
  return {
    kind: 'spreadsheet',
    sheet: sheet.name,
    use: match !== null && !hasLongText ? 'attributes' : 'documents',
    textColumns: sheet.columns.filter((c) => suggested.textColumns.includes(c)),
    mode,
    groupColumn: suggested.groupColumn ?? '',
    nameColumn: mode === 'group' ? speaker : (suggested.nameColumn ?? ''),
    matchColumn: match ?? suggested.nameColumn ?? sheet.columns[0] ?? '',
  };
}

/** The settings a file starts with, from what inspecting it found. */
export function initialForm(inspection: ImportInspection, namesTaken: readonly string[] = []): ItemForm {
  switch (inspection.kind) {
    case 'document':
      return { kind: 'document', speakers: 'auto', splitLongLines: hasLongLines(inspection.document) };
    case 'spreadsheet': {
      const first = inspection.spreadsheet?.sheets[0];
      if (!first) {
        return { kind: 'spreadsheet', sheet: '', use: 'documents', textColumns: [], mode: 'row', groupColumn: '', nameColumn: '', matchColumn: '' };
      }
      return sheetForm(first, namesTaken);
    }
    case 'refi-project':
    case 'refi-codebook':
      return { kind: inspection.kind, coderFrom: 'selection', mergeOverlaps: false };
  }
}

/** True when the file has a line too long to read comfortably (a transcript saved as one line). */
export function hasLongLines(document: ImportInspection['document']): boolean {
  return (document?.longestLine ?? 0) > LONG_LINE_CHARS;
}

/** What the offer to split says about the file's longest line. */
export function longLineNotice(longest: number): string {
  return `This file has a line of ${formatNumber(longest)} characters with no paragraph breaks: hard to read and to code, and slow to show.`;
}

export function sheetOf(inspection: ImportInspection, name: string): SheetInspection | null {
  return inspection.spreadsheet?.sheets.find((s) => s.name === name) ?? null;
}

/** What stops the settings from being imported, in words; null when they are complete. */
export function formProblem(form: ItemForm, inspection: ImportInspection): string | null {
  if (form.kind !== 'spreadsheet') return null;
  const sheet = sheetOf(inspection, form.sheet);
  if (!sheet) return 'This spreadsheet has no sheets to import.';
  if (sheet.columns.length === 0 || sheet.rowCount === 0) return `The sheet “${sheet.name}” has no rows to import.`;
  if (form.use === 'attributes') {
    if (!form.matchColumn) return 'Choose the column that holds the document names.';
    return null;
  }
  if (form.textColumns.length === 0) return 'Choose at least one column that holds the text.';
  if (form.mode === 'group' && !form.groupColumn) return 'Choose the column whose rows make one document.';
  const roles: [string, string][] = [];
  if (form.nameColumn) roles.push([form.nameColumn, form.mode === 'group' ? 'the speaker column' : 'the name column']);
  if (form.mode === 'group' && form.groupColumn) roles.push([form.groupColumn, 'the column rows are grouped by']);
  for (const [column, role] of roles) {
    if (form.textColumns.includes(column)) return `“${column}” cannot be both a text column and ${role}.`;
  }
  if (roles.length === 2 && roles[0]![0] === roles[1]![0]) {
    return `“${roles[0]![0]}” cannot be both ${roles[0]![1]} and ${roles[1]![1]}.`;
  }
  return null;
}

/** The options `import.run` takes for one file. Call only when formProblem is null. */
export function buildImportOptions(form: ItemForm, inspection: ImportInspection): ImportItemOptions {
  const options = kindOptions(form, inspection);
  // Text and CSV files alike are read in the encoding the user chose.
  return 'encoding' in form && form.encoding ? { ...options, encoding: form.encoding } : options;
}

function kindOptions(form: ItemForm, inspection: ImportInspection): ImportItemOptions {
  switch (form.kind) {
    case 'document':
      return {
        speakers: form.speakers,
        ...(form.splitLongLines && hasLongLines(inspection.document) && { splitLongLines: true }),
      };
    case 'refi-project':
      return { refi: { coderFrom: form.coderFrom, mergeOverlaps: form.mergeOverlaps } };
    case 'refi-codebook':
      return {};
    case 'spreadsheet': {
      const sheets = inspection.spreadsheet?.sheets ?? [];
      const sheet = sheets.find((s) => s.name === form.sheet);
      // One sheet is the default: naming it would only add a way to go wrong.
      const sheetOption = sheets.length > 1 ? { sheet: form.sheet } : {};
      if (form.use === 'attributes') return { attributeTable: { ...sheetOption, nameColumn: form.matchColumn } };
      const order = sheet?.columns ?? form.textColumns;
      const textColumns = order.filter((c) => form.textColumns.includes(c));
      return {
        spreadsheet: {
          ...sheetOption,
          textColumns,
          mode: form.mode,
          ...(form.mode === 'group' ? { groupColumn: form.groupColumn } : {}),
          ...(form.nameColumn ? { nameColumn: form.nameColumn } : {}),
        },
      };
    }
  }
}

/** What the spreadsheet settings will make, in a few words ("Up to 3 documents, one per row with text"). */
export function spreadsheetOutcome(form: SpreadsheetForm, inspection: ImportInspection): string {
  const sheet = sheetOf(inspection, form.sheet);
  const rows = sheet?.rowCount ?? 0;
  const rowWord = rows === 1 ? 'row' : 'rows';
  if (form.use === 'attributes') {
    const others = (sheet?.columns.length ?? 1) - 1;
    return `${rows} ${rowWord}: each row’s other ${others === 1 ? 'column becomes an attribute' : `${others} columns become attributes`} of the document named in “${form.matchColumn}”. Empty cells change nothing.`;
  }
  if (form.mode === 'group') {
    return form.groupColumn
      ? `${rows} ${rowWord}: one document for each value of “${form.groupColumn}”, each row a turn${form.nameColumn ? ` spoken by its “${form.nameColumn}”` : ''}.`
      : `${rows} ${rowWord}.`;
  }
  const names = form.nameColumn ? `named by “${form.nameColumn}”` : 'named by row number';
  return `Up to ${rows} ${rows === 1 ? 'document' : 'documents'}, one per row with text, ${names}. Other columns become attributes.`;
}
