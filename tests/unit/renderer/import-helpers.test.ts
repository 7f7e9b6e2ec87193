import { describe, expect, it } from 'vitest';
import { LONG_LINE_CHARS } from '../../../shared/text/long-lines';
import { contract } from '../../../shared/api/contract';
import type { ImportInspection, ImportItemOptions, ImportResult } from '../../../shared/api/contract';
import { MAX_IMPORT_BYTES, extensionOf, importKindOf } from '../../../shared/import/formats';
import { base64Chunks, encodeBase64, reasonSentence, refuseBeforeReading } from '../../../renderer/src/features/import/files';
import {
  buildImportOptions,
  coderFromOptions,
  overlapNotice,
  describeSpeakerChoice,
  formProblem,
  initialForm,
  sampleCells,
  sheetForm,
  speakerOptions,
} from '../../../renderer/src/features/import/options';
import type { SpreadsheetForm } from '../../../renderer/src/features/import/options';
import { encodingOptions, formAfterReread, readEncoding } from '../../../renderer/src/features/import/encoding-choice';
import { canRun, importReducer, mergeResults, summariseResults } from '../../../renderer/src/features/import/session';
import type { ImportSession } from '../../../renderer/src/features/import/session';

/** Base64 the textbook way, three bytes to four characters, independent of the code under test. */
function reference(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    out += b === undefined ? '=' : alphabet[(n >> 6) & 63]!;
    out += c === undefined ? '=' : alphabet[n & 63]!;
  }
  return out;
}

function randomBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** The options as import.run's schema sees them: what the backend would accept. */
function acceptedByContract(options: ImportItemOptions): boolean {
  const input = { items: [{ source: { stagedId: '123e4567-e89b-42d3-a456-426614174000' }, options }] };
  return contract['import.run'].input.safeParse(input).success;
}

describe('base64 in chunks', () => {
  it('joins chunk encodings into the encoding of the whole, at every length around a chunk boundary', () => {
    for (const chunk of [3, 6, 9, 30]) {
      for (let n = 0; n <= 40; n++) {
        const bytes = randomBytes(n, n + chunk);
        expect([...base64Chunks(bytes, chunk)].join(''), `${n} bytes in chunks of ${chunk}`).toBe(reference(bytes));
      }
    }
  });

  it('encodes every byte value, and a large file with the default chunk size', async () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(await encodeBase64(all)).toBe(reference(all));
    const big = randomBytes(2_500_000);
    const fractions: number[] = [];
    expect(await encodeBase64(big, { onProgress: (f) => fractions.push(f) })).toBe(reference(big));
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('yields one chunk per chunkBytes and nothing for no bytes', () => {
    expect([...base64Chunks(new Uint8Array(0))]).toEqual([]);
    expect([...base64Chunks(randomBytes(10), 3)]).toHaveLength(4);
  });

  it('refuses a chunk size that is not a multiple of 3 (the encodings would not join)', () => {
    expect(() => [...base64Chunks(randomBytes(10), 4)]).toThrow(RangeError);
    expect(() => [...base64Chunks(randomBytes(10), 0)]).toThrow(RangeError);
  });
});

describe('files before reading', () => {
  it('reads extensions case-insensitively', () => {
    expect(extensionOf('Interview.DOCX')).toBe('.docx');
    expect(extensionOf('folder.v2/notes')).toBe('');
    expect(extensionOf('.hidden')).toBe('');
  });

  it('refuses files over 100 MB up front and accepts one of exactly 100 MB', () => {
    expect(refuseBeforeReading({ name: 'big.docx', size: MAX_IMPORT_BYTES + 1 })).toMatch(/^is larger than 100 MB \(it is 100 MB\)/);
    expect(refuseBeforeReading({ name: 'huge.csv', size: 350 * 1024 * 1024 })).toMatch(/it is 350 MB/);
    expect(refuseBeforeReading({ name: 'ok.docx', size: MAX_IMPORT_BYTES })).toBeNull();
  });

  it('refuses formats Marginalia does not import, naming the ones it does', () => {
    expect(refuseBeforeReading({ name: 'notes.rtf', size: 10 })).toMatch(/does not read \.rtf files .*\.docx.*\.pdf.*\.qdpx/);
    expect(refuseBeforeReading({ name: 'README', size: 10 })).toMatch(/files without an extension/);
    for (const name of ['a.txt', 'a.md', 'a.DOCX', 'a.odt', 'a.pdf', 'a.vtt', 'a.srt', 'a.csv', 'a.xlsx', 'a.qdpx', 'a.qdc']) {
      expect(refuseBeforeReading({ name, size: 10 }), name).toBeNull();
    }
  });

  it('words every kind of reason as one sentence about the file', () => {
    expect(reasonSentence('bad.docx', 'is not a Word document (.docx): it is not a zip archive')).toBe(
      'bad.docx is not a Word document (.docx): it is not a zip archive.',
    );
    expect(reasonSentence('bad.docx', 'bad.docx: is empty')).toBe('bad.docx is empty.');
    expect(reasonSentence('a.csv', 'The project’s attribute "Age" holds numbers.')).toBe('The project’s attribute "Age" holds numbers.');
    expect(reasonSentence('bad.docx', 'bad.docx is empty.')).toBe('bad.docx is empty.');
    expect(reasonSentence('x.txt', '  ')).toBe('x.txt could not be imported.');
  });
});

// ---------------------------------------------------------------------------------------------

const survey: ImportInspection = {
  fileName: 'survey456.csv',
  kind: 'spreadsheet',
  spreadsheet: {
    encoding: 'utf-8',
    sheets: [
      {
        name: 'survey456',
        columns: ['Case', 'Age', 'Gender', 'Interest', 'freetext'],
        rowCount: 3,
        sample: [
          ['ID4', '24', 'f', 'shopping', 'I wanted to do some more studies but after leaving school and start working, I really lost the interest.'],
          ['ID5', '', 'm', 'golf', 'I needed to upskill in some areas for my work. But work and family life have prevented me.'],
          ['ID6', '67', 'm', 'gardening', 'I did not enrol in any studies, even though I am retired.'],
        ],
        suggested: { textColumns: ['freetext'], nameColumn: 'Case' },
      },
    ],
  },
};

const cases: ImportInspection = {
  fileName: 'cases123.csv',
  kind: 'spreadsheet',
  spreadsheet: {
    encoding: 'utf-8',
    sheets: [
      {
        name: 'cases123',
        columns: ['Case', 'Age', 'gender', 'interest'],
        rowCount: 3,
        sample: [
          ['ID1', '20', 'f', 'science'],
          ['ID2', '22', 'm', 'performing arts'],
          ['ID3', '45', 'f', 'politics'],
        ],
        suggested: { textColumns: ['interest'], nameColumn: 'Case' },
      },
    ],
  },
};

const chat: ImportInspection = {
  fileName: 'chat.xlsx',
  kind: 'spreadsheet',
  spreadsheet: {
    encoding: null,
    sheets: [
      {
        name: 'Readme',
        columns: ['Note'],
        rowCount: 1,
        sample: [['About this export']],
        suggested: { textColumns: ['Note'] },
      },
      {
        name: 'Messages',
        columns: ['Conversation', 'Speaker', 'Message', 'Sent'],
        rowCount: 4,
        sample: [
          ['c1', 'Ann', 'Hello, is anyone there to talk about the waiting list?', '2024-01-02'],
          ['c1', 'Bo', 'Yes, I have been waiting for three months myself.', '2024-01-02'],
        ],
        suggested: { textColumns: ['Message'], groupColumn: 'Conversation' },
      },
    ],
  },
};

const transcript: ImportInspection = {
  fileName: 'transcript.txt',
  kind: 'document',
  document: {
    name: 'transcript',
    characters: 874,
    longestLine: 120,
    speakerPattern: 'bracket',
    encoding: 'utf-8',
    turns: [
      { speaker: 'id1', text: 'hello, I like the course.' },
      { speaker: 'id2', text: 'I am struggling with the lecture slides.' },
    ],
    duplicateOf: null,
  },
};

describe('import settings → ImportItemOptions', () => {
  it('starts a transcript on detected speakers and sends the choice made', () => {
    const form = initialForm(transcript);
    expect(form).toEqual({ kind: 'document', speakers: 'auto', splitLongLines: false });
    expect(buildImportOptions(form, transcript)).toEqual({ speakers: 'auto' });
    expect(buildImportOptions({ kind: 'document', speakers: 'none', splitLongLines: false }, transcript)).toEqual({ speakers: 'none' });
    expect(acceptedByContract(buildImportOptions({ kind: 'document', speakers: 'dash', splitLongLines: false }, transcript))).toBe(true);
  });

  it('offers to cut a transcript saved as one line into paragraphs, on unless the user says no', () => {
    const oneLine: ImportInspection = { ...transcript, document: { ...transcript.document!, longestLine: LONG_LINE_CHARS + 1 } };
    const form = initialForm(oneLine);
    expect(form).toEqual({ kind: 'document', speakers: 'auto', splitLongLines: true });
    expect(buildImportOptions(form, oneLine)).toEqual({ speakers: 'auto', splitLongLines: true });
    expect(acceptedByContract(buildImportOptions(form, oneLine))).toBe(true);
    expect(buildImportOptions({ kind: 'document', speakers: 'auto', splitLongLines: false }, oneLine)).toEqual({ speakers: 'auto' });
    // Never sent for a file without such lines, whatever the form says.
    expect(buildImportOptions({ kind: 'document', speakers: 'auto', splitLongLines: true }, transcript)).toEqual({ speakers: 'auto' });
  });

  it('names what detection found and says when the preview does not show the choice', () => {
    expect(speakerOptions('bracket')[0]!.label).toBe('Detected: “[id1] text”');
    expect(speakerOptions(null)[0]!.label).toBe('Detected: no speaker labels');
    expect(describeSpeakerChoice('auto', 'bracket')).toMatch(/square brackets/);
    expect(describeSpeakerChoice('auto', 'bracket')).not.toMatch(/preview/);
    expect(describeSpeakerChoice('colon', 'bracket')).toMatch(/colon.*not this choice/);
    expect(describeSpeakerChoice('none', 'bracket')).toMatch(/no speaker/);
  });

  it('takes a survey’s suggested text and name columns: one document per row, named by Case', () => {
    const form = initialForm(survey, ['01 Hackney']);
    expect(form).toMatchObject({ kind: 'spreadsheet', use: 'documents', textColumns: ['freetext'], mode: 'row', nameColumn: 'Case' });
    expect(formProblem(form, survey)).toBeNull();
    const options = buildImportOptions(form, survey);
    expect(options).toEqual({ spreadsheet: { textColumns: ['freetext'], mode: 'row', nameColumn: 'Case' } });
    expect(acceptedByContract(options)).toBe(true);
  });

  it('sends text columns in the sheet’s order, whatever order they were ticked in', () => {
    const form = { ...(initialForm(survey) as SpreadsheetForm), textColumns: ['freetext', 'Interest'] };
    expect(buildImportOptions(form, survey).spreadsheet?.textColumns).toEqual(['Interest', 'freetext']);
  });

  it('leaves out the name column when rows are named by number, and the group column in row mode', () => {
    const form: SpreadsheetForm = { ...(initialForm(survey) as SpreadsheetForm), nameColumn: '', groupColumn: 'Gender' };
    expect(buildImportOptions(form, survey)).toEqual({ spreadsheet: { textColumns: ['freetext'], mode: 'row' } });
  });

  it('reads a table whose names match documents in the project as an attribute table', () => {
    const form = initialForm(cases, ['ID1', 'ID2', 'transcript']) as SpreadsheetForm;
    expect(form).toMatchObject({ use: 'attributes', matchColumn: 'Case' });
    const options = buildImportOptions(form, cases);
    expect(options).toEqual({ attributeTable: { nameColumn: 'Case' } });
    expect(acceptedByContract(options)).toBe(true);
    // With no such documents, the same table is texts by default.
    expect(initialForm(cases, ['transcript'])).toMatchObject({ use: 'documents' });
  });

  it('asks the backend about each distinct sample cell short enough to be a document name, never a long answer', () => {
    const cells = sampleCells(survey);
    expect(cells).toContain('ID4');
    expect(cells.filter((c) => c === 'f')).toHaveLength(1);
    expect(cells).not.toContain('');
    expect(sampleCells(cases)).toEqual(expect.arrayContaining(['ID1', 'ID2', 'performing arts']));
    const long = 'x'.repeat(301);
    expect(sampleCells({ ...cases, spreadsheet: { ...cases.spreadsheet!, sheets: [{ ...cases.spreadsheet!.sheets[0]!, sample: [[long, 'P1']] }] } })).toEqual(['P1']);
  });

  it('groups a conversation sheet by its suggested column, with the speaker column, and names the sheet', () => {
    const first = initialForm(chat) as SpreadsheetForm;
    expect(first.sheet).toBe('Readme');
    const form = sheetForm(chat.spreadsheet!.sheets[1]!, []);
    expect(form).toMatchObject({ sheet: 'Messages', mode: 'group', groupColumn: 'Conversation', nameColumn: 'Speaker', textColumns: ['Message'] });
    const options = buildImportOptions(form, chat);
    expect(options).toEqual({
      spreadsheet: { sheet: 'Messages', textColumns: ['Message'], mode: 'group', groupColumn: 'Conversation', nameColumn: 'Speaker' },
    });
    expect(acceptedByContract(options)).toBe(true);
  });

  it('says what is missing or contradictory before the import can run', () => {
    const base = initialForm(survey) as SpreadsheetForm;
    expect(formProblem({ ...base, textColumns: [] }, survey)).toMatch(/at least one column/);
    expect(formProblem({ ...base, nameColumn: 'freetext' }, survey)).toMatch(/“freetext” cannot be both a text column and the name column/);
    expect(formProblem({ ...base, mode: 'group', groupColumn: '' }, survey)).toMatch(/rows make one document/);
    expect(formProblem({ ...base, mode: 'group', groupColumn: 'Gender', nameColumn: 'Gender' }, survey)).toMatch(/“Gender” cannot be both/);
    expect(formProblem({ ...base, use: 'attributes', matchColumn: '' }, survey)).toMatch(/document names/);
    expect(formProblem({ ...base, sheet: 'Nope' }, survey)).toMatch(/no sheets/);
  });

  it('gives a REFI-QDA project\'s codings to the selection\'s user unless the coding\'s is chosen, merging overlaps only when asked; a codebook needs nothing', () => {
    const refi: ImportInspection = { fileName: 'p.qdpx', kind: 'refi-project', refi: { codingsWithOtherUser: 297, codingsOverlapping: 2 } };
    expect(initialForm(refi)).toEqual({ kind: 'refi-project', coderFrom: 'selection', mergeOverlaps: false });
    expect(buildImportOptions(initialForm(refi), refi)).toEqual({ refi: { coderFrom: 'selection', mergeOverlaps: false } });
    expect(buildImportOptions({ kind: 'refi-project', coderFrom: 'coding', mergeOverlaps: true }, refi)).toEqual({ refi: { coderFrom: 'coding', mergeOverlaps: true } });
    expect(coderFromOptions(297).map((o) => o.label)).toEqual(['The user who selected the passage (297 codings differ)', 'The user named on the coding']);
    expect(overlapNotice(2)).toMatch(/^2 codings overlap another of the same coder at the same code\./);
    const codebook: ImportInspection = { fileName: 'c.qdc', kind: 'refi-codebook' };
    expect(buildImportOptions(initialForm(codebook), codebook)).toEqual({});
  });
});

// ---------------------------------------------------------------------------------------------

function sessionWith(files: string[]): ImportSession {
  return importReducer(null, { type: 'add', files: files.map((f, i) => ({ key: `k${i}`, fileName: f, size: 10 })) })!;
}

const ok = (fileName: string, documents: string[]): ImportResult => ({
  fileName,
  status: 'imported',
  documents,
  message: `Imported ${documents.length} document.`,
  details: [],
});

describe('the encoding choice of text and CSV files', () => {
  it('names the encoding each file was read in, none for workbooks, and marks the detected one', () => {
    expect([readEncoding(transcript), readEncoding(survey), readEncoding(chat), readEncoding(null)]).toEqual(['utf-8', 'utf-8', null, null]);
    const options = encodingOptions('windows-1252');
    expect(options.find((o) => o.value === 'windows-1252')!.label).toBe('Windows-1252 (Western European) (detected)');
    expect(options.filter((o) => o.label.endsWith('(detected)'))).toHaveLength(1);
    expect(options.map((o) => o.value)).toEqual(expect.arrayContaining(['utf-8', 'utf-16le', 'utf-16be', 'iso-8859-1', 'macintosh']));
  });

  it('sends the chosen encoding with a CSV’s columns and an attribute table’s, and the contract takes it', () => {
    const form = { ...(initialForm(survey) as SpreadsheetForm), encoding: 'windows-1252' as const };
    const options = buildImportOptions(form, survey);
    expect(options).toEqual({ encoding: 'windows-1252', spreadsheet: { textColumns: ['freetext'], mode: 'row', nameColumn: 'Case' } });
    expect(acceptedByContract(options)).toBe(true);
    expect(buildImportOptions({ ...form, use: 'attributes', matchColumn: 'Case' }, survey)).toEqual({ encoding: 'windows-1252', attributeTable: { nameColumn: 'Case' } });
  });

  it('keeps the settings when the file is read again, unless a column they name is gone', () => {
    const chosen: SpreadsheetForm = { ...(initialForm(survey) as SpreadsheetForm), textColumns: ['Interest', 'freetext'] };
    expect(formAfterReread(chosen, survey, [], 'macintosh')).toEqual({ ...chosen, encoding: 'macintosh' });
    // Read as another encoding, the header "freetext" became "frëetext": the settings start again from the new suggestions.
    const renamed: ImportInspection = structuredClone(survey);
    const sheet = renamed.spreadsheet!.sheets[0]!;
    sheet.columns = sheet.columns.map((c) => (c === 'freetext' ? 'frëetext' : c));
    sheet.suggested = { textColumns: ['frëetext'], nameColumn: 'Case' };
    expect(formAfterReread(chosen, renamed, [], 'macintosh')).toMatchObject({ textColumns: ['frëetext'], nameColumn: 'Case', encoding: 'macintosh' });
    expect(formAfterReread({ kind: 'document', speakers: 'dash', splitLongLines: false }, transcript, [], 'utf-16le')).toEqual({
      kind: 'document',
      speakers: 'dash',
      splitLongLines: false,
      encoding: 'utf-16le',
    });
  });
});

describe('the import session', () => {
  it('runs only once every file is prepared and every setting is complete', () => {
    let s = sessionWith(['transcript.txt', 'survey.csv', 'notes.rtf']);
    expect(canRun(s)).toEqual({ ok: false, reason: 'Preparing 3 files…' });
    s = importReducer(s, { type: 'update', key: 'k0', patch: { phase: 'ready', stagedId: 'a', inspection: transcript, form: initialForm(transcript) } })!;
    s = importReducer(s, { type: 'update', key: 'k2', patch: { phase: 'refused', problem: 'cannot be imported' } })!;
    expect(importReducer(s, { type: 'run' })).toBe(s);
    const badForm = { ...(initialForm(survey) as SpreadsheetForm), textColumns: [] };
    s = importReducer(s, { type: 'update', key: 'k1', patch: { phase: 'ready', stagedId: 'b', inspection: survey, form: badForm } })!;
    expect(canRun(s)).toEqual({ ok: false, reason: 'Finish the settings of survey.csv.' });
    s = importReducer(s, { type: 'form', key: 'k1', form: initialForm(survey) })!;
    expect(canRun(s)).toEqual({ ok: true, count: 2 });
    s = importReducer(s, { type: 'run' })!;
    expect(s.stage).toBe('running');
    expect(s.progress).toEqual({ done: 0, total: 2, fileName: '' });
  });

  it('follows progress forwards only, and keeps the dialog open while running', () => {
    let s = sessionWith(['a.txt']);
    s = importReducer(s, { type: 'update', key: 'k0', patch: { phase: 'ready', stagedId: 'a', inspection: transcript, form: initialForm(transcript) } })!;
    s = importReducer(s, { type: 'run' })!;
    s = importReducer(s, { type: 'progress', progress: { done: 1, total: 1, fileName: '' } })!;
    expect(importReducer(s, { type: 'progress', progress: { done: 0, total: 1, fileName: 'a.txt' } })).toBe(s);
    expect(importReducer(s, { type: 'close' })).toBe(s);
    expect(importReducer(s, { type: 'add', files: [{ key: 'x', fileName: 'late.txt', size: 1 }] })).toBe(s);
  });

  it('gives a result for every file in the order chosen: the backend’s, and failures for files refused before', () => {
    let s = sessionWith(['notes.rtf', 'transcript.txt', 'ID1.docx']);
    s = importReducer(s, { type: 'update', key: 'k0', patch: { phase: 'refused', problem: 'cannot be imported: not a format' } })!;
    for (const key of ['k1', 'k2']) {
      s = importReducer(s, { type: 'update', key, patch: { phase: 'ready', stagedId: key, inspection: transcript, form: initialForm(transcript) } })!;
    }
    s = importReducer(s, { type: 'run' })!;
    const skipped: ImportResult = { fileName: 'ID1.docx', status: 'skipped', documents: [], message: 'Not imported: same text.', details: [] };
    s = importReducer(s, { type: 'finished', results: [ok('transcript.txt', ['transcript']), skipped], firstImportedId: 'd1' })!;
    expect(s.stage).toBe('results');
    expect(s.results.map((r) => [r.fileName, r.status])).toEqual([
      ['notes.rtf', 'failed'],
      ['transcript.txt', 'imported'],
      ['ID1.docx', 'skipped'],
    ]);
    expect(s.results[0]!.message).toBe('cannot be imported: not a format');
    expect(summariseResults(s.results)).toBe('1 file imported, 1 skipped, 1 failed. 1 document added.');
    expect(importReducer(s, { type: 'close' })).toBeNull();
  });

  it('says so when the backend sent fewer results than files', () => {
    let s = sessionWith(['a.txt', 'b.txt']);
    for (const key of ['k0', 'k1']) {
      s = importReducer(s, { type: 'update', key, patch: { phase: 'ready', stagedId: key, inspection: transcript, form: initialForm(transcript) } })!;
    }
    const merged = mergeResults(s.entries, [ok('a.txt', ['a'])]);
    expect(merged[1]).toMatchObject({ fileName: 'b.txt', status: 'failed', message: 'No result came back for this file.' });
  });

  it('closes when the last file is removed', () => {
    const s = sessionWith(['a.txt']);
    expect(importReducer(s, { type: 'remove', key: 'k0' })).toBeNull();
  });
});

describe('import formats (shared by the page and the backend)', () => {
  it('names the kind of a file from its extension, or null when Marginalia does not import it', () => {
    expect(importKindOf('Interview.DOCX')).toBe('document');
    expect(importKindOf('survey.csv')).toBe('spreadsheet');
    expect(importKindOf('nvivo.qdpx')).toBe('refi-project');
    expect(importKindOf('book.qdc')).toBe('refi-codebook');
    expect(importKindOf('photo.png')).toBeNull();
    expect(importKindOf('README')).toBeNull();
  });
});
