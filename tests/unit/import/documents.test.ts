import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveShared, sharedPath } from '../../helpers/shared-files';
import { parseDocumentFile, previewSpeakers } from '../../../electron/services/import/parse-document';
import { ImportError, importLimits } from '../../../electron/services/import/types';
import type { ParsedDocument, SpeakerChoice } from '../../../electron/services/import/types';
import { expectWellFormed } from './import-checks';
import { garbage, makeZip, reasonOf, replaceBytes, setGeneralPurposeFlag } from './zip-helpers';
import type { ZipEntrySpec } from './zip-helpers';

const sharedDir = sharedPath('fixtures', 'qualcoder-examples');

const parse = (name: string, bytes: Uint8Array, speakers: SpeakerChoice = 'auto') => parseDocumentFile({ name, bytes }, { speakers });
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
/** [speaker, text of the turn] for every turn. */
const speeches = (doc: ParsedDocument) => doc.turns.map((t) => [t.speaker, doc.text.slice(t.start, t.end)]);


// ---------- fixtures built at test time ----------

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const rootRels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const wordParagraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const wordDocument = (paragraphs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map(wordParagraph).join('')}</w:body></w:document>`;

function docxEntries(paragraphs: string[]): ZipEntrySpec[] {
  return [
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rootRels },
    { name: 'word/document.xml', data: wordDocument(paragraphs) },
  ];
}
const makeDocx = (paragraphs: string[]) => makeZip(docxEntries(paragraphs));

const odtMime = 'application/vnd.oasis.opendocument.text';
const odtContent = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
const manifest = (extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${odtMime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${extra}</manifest:file-entry></manifest:manifest>`;

function makeOdt(body: string, options: { mimetype?: string | null; manifestExtra?: string } = {}) {
  const entries: ZipEntrySpec[] = [];
  if (options.mimetype !== null) entries.push({ name: 'mimetype', data: options.mimetype ?? odtMime, compress: false });
  entries.push({ name: 'META-INF/manifest.xml', data: manifest(options.manifestExtra) });
  entries.push({ name: 'content.xml', data: odtContent(body) });
  return makeZip(entries);
}

/** Not a real compound file, but what the importers look at: the magic and the stream names. */
function oleFile(streams: string[]): Uint8Array {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const names = streams.map((s) => [...Buffer.from(s, 'utf16le')]).flat();
  return new Uint8Array([...magic, ...new Array<number>(504).fill(0), ...names, ...new Array<number>(64).fill(0)]);
}

const pdf = utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);

// ---------- the real QualCoder example files ----------

describe.skipIf(!haveShared(sharedDir, 'the QualCoder example documents'))('QualCoder example files', () => {
  const read = (name: string) => new Uint8Array(readFileSync(join(sharedDir, name)));

  it('imports ID1.docx with its real words and three paragraphs', async () => {
    const doc = await parse('ID1.docx', read('ID1.docx'));
    expectWellFormed(doc);
    expect(doc.name).toBe('ID1');
    expect(doc.attributes).toEqual({});
    const paragraphs = doc.text.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toBe(
      'I really like learning new things. I think this course is good for me as I have wanted to learn about world history for a while. The structured content, lecture slides and web links have been really good.',
    );
    expect(paragraphs[1]).toMatch(/^I guess some less computer-savvy people would have some trouble accessing the internet-based material/);
    expect(paragraphs[2]).toMatch(/I'm happy to pay €200\.$/);
    // No speakers in it: each paragraph is a turn.
    expect(speeches(doc)).toEqual(paragraphs.map((p) => [null, p]));
  });

  it('imports ID2.odt with its real words, spans joined and white space as written', async () => {
    const doc = await parse('ID2.odt', read('ID2.odt'));
    expectWellFormed(doc);
    expect(doc.name).toBe('ID2');
    expect(doc.text.split('\n\n')).toEqual([
      'I have not studied much before, but my father Joe Bloggs really encouraged me to study again. I know that I must get help as I have struggled understanding the lecture slides so far and searching the web did not help.',
      'I really want someone to sit down with me and explain the course material.',
      'The course cost €200.00 and I do not want to waste my money.',
    ]);
    expect(doc.turns).toHaveLength(3);
  });

  it('reads transcript.txt as [id] turns in order', async () => {
    const doc = await parse('transcript.txt', read('transcript.txt'));
    expectWellFormed(doc);
    expect(doc.name).toBe('transcript');
    expect(doc.turns.map((t) => t.speaker)).toEqual(['id1', 'id2', 'id3', 'id1', 'id3', 'id1', 'id2']);
    expect(speeches(doc)[0]).toEqual([
      'id1',
      "hello, I like the course. It really helped me with understanding world's history and gave me an insight into how did people cope with the complexities of life in the past.",
    ]);
    expect(speeches(doc)[6]).toEqual(['id2', 'Hmm, I will ask the tutor for more help as I am really struggling.']);
    // The label stays in the text, outside the turn.
    expect(doc.text.slice(0, doc.turns[0]!.start)).toBe('[id1] ');
  });

  it('honours the speaker choice: none gives paragraphs, a wrong pattern finds no one', async () => {
    const none = await parse('transcript.txt', read('transcript.txt'), 'none');
    expect(none.turns).toHaveLength(7);
    expect(none.turns.every((t) => t.speaker === null)).toBe(true);
    expect(none.text.slice(none.turns[0]!.start, none.turns[0]!.start + 6)).toBe('[id1] ');
    const colon = await parse('transcript.txt', read('transcript.txt'), 'colon');
    expect(colon.turns.every((t) => t.speaker === null)).toBe(true);
  });
});

// ---------- plain text and Markdown ----------

describe('text and Markdown', () => {
  it('reads "Name:" turns from a .txt, naming the document after the file', async () => {
    const doc = await parse('Focus group 2.txt', utf8('Facilitator: Welcome, all.\r\n\r\nP1: Thanks.\r\nIt helps.\r\n\r\nP2: Agreed.'));
    expectWellFormed(doc);
    expect(doc.name).toBe('Focus group 2');
    expect(speeches(doc)).toEqual([
      ['Facilitator', 'Welcome, all.'],
      ['P1', 'Thanks.\nIt helps.'],
      ['P2', 'Agreed.'],
    ]);
  });

  it('reads "P1 – text" and "Facilitator - text" labels', async () => {
    const doc = await parse('dash.txt', utf8('Facilitator - What helps?\nP1 – Knowing who to call.\nP2 — A friend.'));
    expect(speeches(doc)).toEqual([
      ['Facilitator', 'What helps?'],
      ['P1', 'Knowing who to call.'],
      ['P2', 'A friend.'],
    ]);
  });

  it('keeps Markdown exactly as written, and dispatches extensions case-insensitively', async () => {
    const markdown = '# Interview 4\n\n**Facilitator:** hello *there*\n\n- a list item\n\n> a quote\n';
    const doc = await parse('Notes.MD', utf8(markdown));
    expect(doc.name).toBe('Notes');
    expect(doc.text).toBe(markdown);
    expect(doc.turns.map((t) => doc.text.slice(t.start, t.end))).toEqual(['# Interview 4', '**Facilitator:** hello *there*', '- a list item', '> a quote']);
  });

  it('reads Windows-1252 and UTF-16 transcripts to the same text', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Facilitator: “Café”?\r\nP1: Oui.', 'utf16le')]);
    const cp1252 = new Uint8Array([...Buffer.from('Facilitator: ', 'latin1'), 0x93, ...Buffer.from('Caf\u00e9', 'latin1'), 0x94, ...Buffer.from('?\r\nP1: Oui.', 'latin1')]);
    const a = await parse('a.txt', utf16);
    const b = await parse('b.txt', cp1252);
    expect(a.text).toBe('Facilitator: “Café”?\nP1: Oui.');
    expect(b.text).toBe(a.text);
    expect(b.turns).toEqual(a.turns);
  });
});

// ---------- Word ----------

describe('Word (.docx)', () => {
  it('imports paragraphs separated by blank lines, with turns', async () => {
    const doc = await parse('Interview 7.docx', await makeDocx(['Facilitator: How did it go?', 'P1: Well, &amp; quickly.', 'It was fine.', '', '']));
    expectWellFormed(doc);
    expect(doc.name).toBe('Interview 7');
    expect(doc.text).toBe('Facilitator: How did it go?\n\nP1: Well, & quickly.\n\nIt was fine.');
    expect(speeches(doc)).toEqual([
      ['Facilitator', 'How did it go?'],
      ['P1', 'Well, & quickly.\n\nIt was fine.'],
    ]);
  });

  it('refuses a .docx without word/document.xml, or that is really another kind of zip', async () => {
    const noDocument = await makeZip([{ name: '[Content_Types].xml', data: contentTypes }, { name: '_rels/.rels', data: rootRels }]);
    expect(await reasonOf(parse('x.docx', noDocument))).toBe('is not a Word document: it has no word/document.xml');
    const workbook = await makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    expect(await reasonOf(parse('x.docx', workbook))).toBe('is an Excel workbook, not a Word document: import it as .xlsx');
  });

  it('refuses a password-protected .docx (an OLE compound file) and an old .doc', async () => {
    expect(await reasonOf(parse('Secret.docx', oleFile(['EncryptionInfo', 'EncryptedPackage'])))).toBe(
      'is password-protected: remove the password in Word (File › Info › Protect Document) and import again',
    );
    const oldWord = 'is an old Word 97–2003 document (.doc): open it in Word, save it as .docx (File › Save As › Word Document) and import that';
    expect(await reasonOf(parse('Renamed.docx', oleFile(['WordDocument', '1Table'])))).toBe(oldWord);
    expect(await reasonOf(parse('Old.doc', oleFile(['WordDocument', '1Table'])))).toBe(oldWord);
    expect(await reasonOf(parse('Sheet.docx', oleFile(['Workbook'])))).toBe('is an old Microsoft Office 97–2003 file, not a Word document (.docx)');
  });

  it('refuses damaged, encrypted and unsafe .docx archives before mammoth sees them', async () => {
    const good = await makeDocx(['Hello.']);
    expect(await reasonOf(parse('x.docx', good.subarray(0, good.length - 30)))).toMatch(/^is damaged: /);
    expect(await reasonOf(parse('x.docx', setGeneralPurposeFlag(good, 1)))).toBe(
      'is password-protected: remove the password in Word (File › Info › Protect Document) and import again',
    );
    const traversal = replaceBytes(await makeZip([...docxEntries(['Hi.']), { name: 'xx/xx/evil.txt', data: 'x' }]), 'xx/xx/', '../../');
    expect(await reasonOf(parse('x.docx', traversal))).toBe('contains a path that leaves the archive (../../evil.txt): refused');
    const symlink = await makeZip([...docxEntries(['Hi.']), { name: 'word/media/image1.png', data: '/etc/passwd', mode: 0o120777 }]);
    expect(await reasonOf(parse('x.docx', symlink))).toBe('contains a symbolic link (word/media/image1.png): refused');
    const duplicate = await makeZip([...docxEntries(['Hi.']), { name: 'word/document.xml', data: wordDocument(['Other.']) }]);
    expect(await reasonOf(parse('x.docx', duplicate))).toBe('contains the same entry twice (word/document.xml): refused');
    const bomb = await makeZip([...docxEntries(['Hi.']), { name: 'word/media/image1.png', data: new Uint8Array(50 * 1024 * 1024) }]);
    expect(await reasonOf(parse('x.docx', bomb))).toMatch(/^looks like a zip bomb: an entry would expand \d+ times \(word\/media\/image1\.png\): refused$/);
  });

  it('refuses a Word document with no text', async () => {
    expect(await reasonOf(parse('blank.docx', await makeDocx(['', '   '])))).toBe('is empty: it contains no text');
  });

  it('refuses a damaged document part with mammoth’s reason', async () => {
    const broken = await makeZip([...docxEntries([]).slice(0, 2), { name: 'word/document.xml', data: '<w:document><w:body><w:p>' }]);
    expect(await reasonOf(parse('x.docx', broken))).toMatch(/^is damaged: Word's text could not be read \(/);
  });
});

// ---------- OpenDocument ----------

describe('OpenDocument (.odt)', () => {
  it('walks headings, paragraphs, spans, spaces, tabs, line breaks, lists, tables; skips notes and comments', async () => {
    const body = [
      '<text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>',
      '<text:h text:outline-level="1">Interview <text:span>9</text:span></text:h>',
      '<text:p>Facilitator:  How   was\n it<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>?<office:annotation><text:p>A comment.</text:p></office:annotation></text:p>',
      '<text:p>P1: It was<text:s text:c="3"/>fine<text:tab/>&amp; calm,<text:line-break/>mostly &#233;&#x2014;&lt;ok&gt;.<text:soft-page-break/></text:p>',
      '<text:p/>',
      '<text:p>\n   leading<text:span> spaced </text:span> words <text:span> </text:span></text:p>',
      '<text:p><text:s text:c="2"/>indented on purpose</text:p>',
      '<text:list><text:list-item><text:p>first point</text:p></text:list-item><text:list-item><text:list><text:list-item><text:p>nested point</text:p></text:list-item></text:list></text:list-item></text:list>',
      '<table:table><table:table-row><table:table-cell><text:p>cell one</text:p></table:table-cell><table:table-cell><text:p>cell two</text:p></table:table-cell></table:table-row></table:table>',
      '<text:p>Before a box<draw:frame><draw:text-box><text:p>inside the box</text:p></draw:text-box></draw:frame> after.</text:p>',
      '<text:tracked-changes><text:changed-region><text:deletion><text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>',
    ].join('\n  ');
    const doc = await parse('Interview 9.odt', await makeOdt(body), 'colon');
    expectWellFormed(doc);
    expect(doc.name).toBe('Interview 9');
    expect(doc.text.split('\n\n')).toEqual([
      'Interview 9',
      'Facilitator: How was it?',
      'P1: It was   fine\t& calm,\nmostly é—<ok>.',
      'leading spaced words',
      '  indented on purpose',
      'first point',
      'nested point',
      'cell one',
      'cell two',
      'Before a box after.',
      'inside the box',
    ]);
    expect(doc.text).not.toMatch(/footnote|comment|deleted/);
    expect(speeches(doc).slice(0, 3)).toEqual([
      [null, 'Interview 9'],
      ['Facilitator', 'How was it?'],
      ['P1', 'It was   fine\t& calm,\nmostly é—<ok>.\n\nleading spaced words\n\n  indented on purpose\n\nfirst point\n\nnested point\n\ncell one\n\ncell two\n\nBefore a box after.\n\ninside the box'],
    ]);
  });

  it('refuses an .odt whose mimetype is not OpenDocument text', async () => {
    const sheet = await makeOdt('<text:p>x</text:p>', { mimetype: 'application/vnd.oasis.opendocument.spreadsheet' });
    expect(await reasonOf(parse('x.odt', sheet))).toBe(
      'is not an OpenDocument text document: its type is application/vnd.oasis.opendocument.spreadsheet, not application/vnd.oasis.opendocument.text',
    );
    const docx = await makeDocx(['Hi']);
    expect(await reasonOf(parse('x.odt', docx))).toBe('is not an OpenDocument text document: it has no mimetype entry');
  });

  it('accepts an .odt without a mimetype entry when its manifest says it is text', async () => {
    const doc = await parse('x.odt', await makeOdt('<text:p>Only the manifest says so.</text:p>', { mimetype: null }));
    expect(doc.text).toBe('Only the manifest says so.');
  });

  it('refuses a password-protected .odt, a missing or malformed content.xml, and an empty one', async () => {
    const encrypted = await makeOdt('<text:p>x</text:p>', { manifestExtra: '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>' });
    expect(await reasonOf(parse('x.odt', encrypted))).toBe(
      'is password-protected: save it without a password in LibreOffice (File › Save As, untick “Save with password”) and import again',
    );
    const noContent = await makeZip([{ name: 'mimetype', data: odtMime, compress: false }]);
    expect(await reasonOf(parse('x.odt', noContent))).toBe('is not an OpenDocument text document: it has no content.xml');
    const malformed = await makeZip([
      { name: 'mimetype', data: odtMime, compress: false },
      { name: 'content.xml', data: '<office:document-content><office:body><office:text><text:p>x</office:text>' },
    ]);
    expect(await reasonOf(parse('x.odt', malformed))).toMatch(/^is damaged: content\.xml is not well-formed XML \(line 1: /);
    expect(await reasonOf(parse('x.odt', await makeOdt('<text:p> </text:p><text:p/>')))).toBe('is empty: it contains no text');
  });

  it('refuses unsafe .odt archives', async () => {
    const good = await makeOdt('<text:p>Hello</text:p>');
    expect(await reasonOf(parse('x.odt', good.subarray(0, 40)))).toMatch(/^is damaged: /);
    // (Encrypted stored entries carry a 12-byte header more, so only deflated ones are flagged here.)
    const deflated = await makeZip([
      { name: 'mimetype', data: odtMime },
      { name: 'content.xml', data: odtContent('<text:p>Hello</text:p>') },
    ]);
    expect(await reasonOf(parse('x.odt', setGeneralPurposeFlag(deflated, 1)))).toBe(
      'is password-protected: save it without a password in LibreOffice (File › Save As, untick “Save with password”) and import again',
    );
    const absolute = replaceBytes(
      await makeZip([{ name: 'mimetype', data: odtMime, compress: false }, { name: 'xetc/passwd', data: 'x' }]),
      'xetc/',
      '/etc/',
    );
    expect(await reasonOf(parse('x.odt', absolute))).toBe('contains an absolute path (/etc/passwd): refused');
  });
});

// ---------- subtitles ----------

const vtt = `WEBVTT - Interview 3
Kind: captions

NOTE Exported from the meeting app.
This note spans two lines.

STYLE
::cue { color: yellow }

1
00:00:01.000 --> 00:00:04.500 align:start position:10%
<v Facilitator>Welcome, <i>everyone</i>.</v>

2
00:00:04.500 --> 00:00:07.250
<v Facilitator>Shall we begin?

intro-3
00:00:07.250 --> 00:01:02.003
<v.loud Youth worker>Half our young people
wait <00:00:09.000><c.stress>months</c> &amp; months.

03:04.000 --> 03:05.500
<v Facilitator>Thank you.</v> <v P2>Agreed.</v>
`;

const srt = `1
00:00:01,000 --> 00:00:03,000
Interviewer: How did you
find the course?

2
00:00:03,500 --> 00:00:05,000
And was it your first?

3
00:00:05,000 --> 00:00:08,120
Participant 1: <i>Yes</i>, it was.

4
00:00:08,500 --> 00:00:10,000
{\\an8}Participant 1: I liked it.

5
00:00:11,000 --> 01:00:00,000
Interviewer: Thanks.
`;

describe('subtitles (.vtt, .srt)', () => {
  it('reads WebVTT voice tags, skipping NOTE and STYLE blocks, merging a speaker’s cues', async () => {
    const doc = await parse('Interview 3.vtt', utf8(vtt));
    expectWellFormed(doc);
    expect(doc.name).toBe('Interview 3');
    expect(doc.text).toBe(
      'Facilitator: Welcome, everyone. Shall we begin?\n\nYouth worker: Half our young people wait months & months.\n\nFacilitator: Thank you.\n\nP2: Agreed.',
    );
    expect(doc.turns.map((t) => [t.speaker, doc.text.slice(t.start, t.end), t.time])).toEqual([
      ['Facilitator', 'Welcome, everyone. Shall we begin?', { start: 1, end: 7.25 }],
      ['Youth worker', 'Half our young people wait months & months.', { start: 7.25, end: 62.003 }],
      ['Facilitator', 'Thank you.', { start: 184, end: 185.5 }],
      ['P2', 'Agreed.', { start: 184, end: 185.5 }],
    ]);
  });

  it('reads SubRip "Name:" prefixes; an unlabelled cue continues its speaker', async () => {
    const doc = await parse('session.SRT', utf8(srt.replace(/\n/g, '\r\n')));
    expectWellFormed(doc);
    expect(doc.text).toBe(
      'Interviewer: How did you find the course? And was it your first?\n\nParticipant 1: Yes, it was. I liked it.\n\nInterviewer: Thanks.',
    );
    expect(doc.turns.map((t) => [t.speaker, doc.text.slice(t.start, t.end), t.time])).toEqual([
      ['Interviewer', 'How did you find the course? And was it your first?', { start: 1, end: 5 }],
      ['Participant 1', 'Yes, it was. I liked it.', { start: 5, end: 10 }],
      ['Interviewer', 'Thanks.', { start: 11, end: 3600 }],
    ]);
  });

  it('keeps cues without speakers as timed paragraphs (and with speakers "none")', async () => {
    const plain = await parse('captions.srt', utf8('1\n00:00:00,500 --> 00:00:02,000\nThe river rose\nin the night.\n\n2\n00:00:02,000 --> 00:00:03,000\nBy morning it was gone.\n'));
    expect(plain.text).toBe('The river rose in the night.\n\nBy morning it was gone.');
    expect(plain.turns).toEqual([
      { start: 0, end: 28, speaker: null, time: { start: 0.5, end: 2 } },
      { start: 30, end: 53, speaker: null, time: { start: 2, end: 3 } },
    ]);
    const none = await parse('session.srt', utf8(srt), 'none');
    expect(none.turns.every((t) => t.speaker === null)).toBe(true);
    expect(none.turns).toHaveLength(5);
    expect(none.text.split('\n\n')[0]).toBe('Interviewer: How did you find the course?');
  });

  it('refuses malformed timestamps with their line number', async () => {
    const badSrt = '1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:3,000 --> 00:00:04,000\nAgain.\n';
    expect(await reasonOf(parse('bad.srt', utf8(badSrt)))).toBe(
      'has a malformed timestamp on line 6: “00:00:3,000” (expected HH:MM:SS,mmm, e.g. 00:01:02,500)',
    );
    const badVtt = 'WEBVTT\n\n00:00:01.000 --> 00:61:02.000\nHello.\n';
    expect(await reasonOf(parse('bad.vtt', utf8(badVtt)))).toBe(
      'has a malformed timestamp on line 3: “00:61:02.000” (expected HH:MM:SS.mmm, e.g. 00:01:02.500)',
    );
    const arrow = 'WEBVTT\n\n1\n00:00:01.000 -> 00:00:02.000\nHello.\n';
    expect(await reasonOf(parse('arrow.vtt', utf8(arrow)))).toBe(
      'has no cue timing on line 4: expected “00:00:01.000 --> 00:00:04.000”, found “00:00:01.000 -> 00:00:02.000”',
    );
    const backwards = '1\n00:00:05,000 --> 00:00:04,000\nHello.\n';
    expect(await reasonOf(parse('back.srt', utf8(backwards)))).toBe('has a cue that ends before it starts on line 2: 00:00:05.000 --> 00:00:04.000');
  });

  it('refuses a .vtt without the WEBVTT header, and subtitle files without cues', async () => {
    expect(await reasonOf(parse('x.vtt', utf8('00:00:01.000 --> 00:00:02.000\nHello.\n')))).toBe('is not a WebVTT file: its first line should be “WEBVTT”');
    expect(await reasonOf(parse('x.vtt', utf8('WEBVTT\n\nNOTE nothing else\n')))).toBe('is empty: it contains no subtitle cues with text');
    expect(await reasonOf(parse('x.srt', utf8('Interviewer: this is a transcript, not subtitles.\n')))).toBe(
      'has no cue timing on line 1: expected “00:00:01,000 --> 00:00:04,000”, found “Interviewer: this is a transcript, not subtitles.”',
    );
  });
});

// ---------- every format: the common refusals ----------

describe('parseDocumentFile: refusals common to every format', () => {
  const formats = ['.txt', '.md', '.docx', '.odt', '.vtt', '.srt'] as const;

  it.each(formats)('%s: an empty file is refused as empty', async (ext) => {
    expect(await reasonOf(parse(`empty${ext}`, new Uint8Array()))).toBe('is empty');
  });

  it.each(formats)('%s: binary garbage is refused', async (ext) => {
    const reason = await reasonOf(parse(`garbage${ext}`, garbage(2048)));
    const expected: Record<string, string> = {
      '.docx': 'is not a Word document (.docx): it is not a zip archive',
      '.odt': 'is not an OpenDocument text document (.odt): it is not a zip archive',
    };
    expect(reason).toBe(expected[ext] ?? 'is not a text file: it contains binary data (is the extension right?)');
  });

  it.each([
    ['report.docx', pdf, 'is a PDF, not a Word document: its content does not match the extension .docx'],
    ['photo.txt', png, 'is a PNG image, not a text file: its content does not match the extension .txt'],
    ['notes.md', pdf, 'is a PDF, not a Markdown file: its content does not match the extension .md'],
    ['talk.vtt', png, 'is a PNG image, not a WebVTT subtitle file: its content does not match the extension .vtt'],
    ['talk.odt', png, 'is a PNG image, not an OpenDocument text document: its content does not match the extension .odt'],
    ['legacy.odt', oleFile(['WordDocument']), 'is a Microsoft Office 97–2003 file, not an OpenDocument text document: its content does not match the extension .odt'],
  ])('%s: content that contradicts the extension is named', async (name, bytes, reason) => {
    expect(await reasonOf(parse(name, bytes))).toBe(reason);
  });

  it('refuses a Word document renamed .txt', async () => {
    expect(await reasonOf(parse('ID1.txt', await makeDocx(['Hi'])))).toBe(
      'is a zip archive (such as a Word, OpenDocument or Excel file), not a text file: its content does not match the extension .txt',
    );
  });

  it('refuses unsupported extensions, listing the supported ones', async () => {
    const unsupported = 'is not a format Marginalia imports (supported: .txt, .md, .docx, .odt, .pdf, .vtt, .srt, .csv, .tsv, .xlsx, .xlsm, .qdpx, .qdc)';
    expect(await reasonOf(parse('paper.rtf', utf8('{\\rtf1 Notes}')))).toBe(unsupported);
    expect(await reasonOf(parse('README', utf8('hello')))).toBe(unsupported);
    expect(await reasonOf(parse('.txt', utf8('hello')))).toBe(unsupported);
  });

  it('points spreadsheets and projects to their own importers', async () => {
    expect(await reasonOf(parse('cases.csv', utf8('id,age\n1,30')))).toBe('is a spreadsheet: import it as a spreadsheet, choosing which column holds the text');
    expect(await reasonOf(parse('project.QDPX', new Uint8Array([0x50, 0x4b, 5, 6])))).toBe(
      'is a REFI-QDA project or codebook: import it as a project exchange file',
    );
  });

  it('turns any unexpected failure into an ImportError naming the file', async () => {
    const failing = {
      name: 'Interview 5.docx',
      get bytes(): Uint8Array {
        throw new Error('the disk went away');
      },
    };
    const error = await parseDocumentFile(failing, { speakers: 'auto' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe('Interview 5.docx: could not be read (unexpected error: the disk went away)');
  });

  it('refuses files larger than 100 MB before reading them', async () => {
    const huge = new Uint8Array(importLimits.maxFileBytes + 1);
    expect(await reasonOf(parse('huge.txt', huge))).toBe('is larger than 100 MB (it is 100 MB)');
  });
});

describe('previewSpeakers', () => {
  it('gives the detected pattern and the first 20 turns', () => {
    const text = Array.from({ length: 30 }, (_, i) => `${i % 2 ? 'P1' : 'Facilitator'}: line ${i}`).join('\n');
    const preview = previewSpeakers(text);
    expect(preview.pattern).toBe('colon');
    expect(preview.turns).toHaveLength(20);
    expect(preview.turns[19]).toMatchObject({ speaker: 'P1' });
    expect(text.slice(preview.turns[0]!.start, preview.turns[0]!.end)).toBe('line 0');
  });

  it('says null, with paragraph turns, when no pattern is found', () => {
    const preview = previewSpeakers('We met twice.\n\nIt helped: a lot.');
    expect(preview.pattern).toBeNull();
    expect(preview.turns.map((t) => t.speaker)).toEqual([null, null]);
  });
});
