import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/services/import/encoding';
import { readTable } from '../../../electron/services/import/spreadsheet-read';
import { StagingArea } from '../../../electron/services/import/staging';
import { allDocuments, sampleBackend } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';
import { reasonOf } from './zip-helpers';

/**
 * Encodings as files arrive from other programs: bytes written to disk, read back through the
 * same door an import uses (a path), detected, previewed and imported in the encoding chosen.
 */

const tempDir = useTempDirs();
const staging = new StagingArea();

/** "Name,Answer / P1,café — ok" as Excel on Windows saves CSV: é is 0xE9, the em dash 0x97 (written by hand). */
const cp1252Csv = Buffer.concat([Buffer.from('Name,Answer\r\nP1,caf'), Buffer.from([0xe9, 0x20, 0x97]), Buffer.from(' ok\r\n')]);

async function onDisk(name: string, bytes: Buffer): Promise<string> {
  const path = join(await tempDir(), name);
  await writeFile(path, bytes);
  return path;
}

const fromDisk = async (name: string, bytes: Buffer) => staging.read({ path: await onDisk(name, bytes) });

describe('detecting the encoding of files on disk', () => {
  it('reads a Windows-1252 CSV from Excel as Windows-1252, with café and the em dash', async () => {
    const table = await readTable(await fromDisk('survey.csv', cp1252Csv));
    expect(table.encoding).toBe('windows-1252');
    expect(table.sheets[0]!.rows).toEqual([['Name', 'Answer'], ['P1', 'café — ok']]);
  });

  it('reads a UTF-16LE file with a byte-order mark (Excel’s "Unicode text"), as text and as CSV', async () => {
    const bytes = Buffer.from('\uFEFFName\tAnswer\r\nP1\tnaïve — “yes”\r\n', 'utf16le');
    expect(decodeText(await fromDisk('notes.txt', bytes))).toEqual({ text: 'Name\tAnswer\r\nP1\tnaïve — “yes”\r\n', encoding: 'utf-16le' });
    const table = await readTable(await fromDisk('notes.csv', bytes));
    expect(table.encoding).toBe('utf-16le');
    expect(table.sheets[0]!.rows[1]).toEqual(['P1', 'naïve — “yes”']);
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, and refuses UTF-8 for them naming the file', async () => {
    const file = await fromDisk('ID9.txt', Buffer.from([...Buffer.from('P1: '), 0xc3, 0x28, 0xff, ...Buffer.from(' end')]));
    expect(decodeText(file)).toEqual({ text: 'P1: Ã(ÿ end', encoding: 'windows-1252' });
    expect(() => decodeText(file, 'utf-8')).toThrow('ID9.txt: cannot be read as UTF-8: it holds bytes that are not valid in that encoding. Choose another encoding');
  });

  it('reads the encodings detection never picks when the user names them: ISO-8859-1 and Mac Roman', async () => {
    // The same word from two old systems: é is 0xE9 in Latin-1, 0x8E in Mac Roman.
    expect(decodeText(await fromDisk('latin.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9])), 'iso-8859-1').text).toBe('café');
    const mac = await fromDisk('mac.txt', Buffer.from([0x63, 0x61, 0x66, 0x8e, 0x20, 0xd0, 0x20, 0xd2, 0x6f, 0x6b, 0xd3]));
    expect(decodeText(mac).text).toBe('cafŽ Ð ÒokÓ');
    expect(decodeText(mac, 'macintosh')).toEqual({ text: 'café – “ok”', encoding: 'macintosh' });
    // Latin-1 has no printable characters at 0x80–0x9F: a Windows-1252 file read that way is refused, not garbled.
    expect(await reasonOf(() => decodeText({ name: 'dash.txt', bytes: Buffer.from([...Buffer.from('a'), 0x97, ...Buffer.from('b')]) }, 'iso-8859-1'))).toMatch(
      /^cannot be read as ISO-8859-1 \(Latin-1\)/,
    );
  });
});

describe('a CSV previewed and imported in the encoding chosen', () => {
  it('names the detected encoding, re-reads the preview in the chosen one, and imports in it', async () => {
    const root = await tempDir();
    const b = await sampleBackend(root);
    const h = b.handlers;
    const path = await onDisk('Excel export.csv', cp1252Csv);
    await b.grants.allow(path);
    const detected = await h['import.inspect']({ source: { path } });
    expect(detected.spreadsheet).toMatchObject({ encoding: 'windows-1252', sheets: [{ columns: ['Name', 'Answer'], sample: [['P1', 'café — ok']] }] });
    const asMac = await h['import.inspect']({ source: { path }, encoding: 'macintosh' });
    expect(asMac.spreadsheet).toMatchObject({ encoding: 'macintosh', sheets: [{ sample: [['P1', 'cafÈ ó ok']] }] });
    await expect(h['import.inspect']({ source: { path }, encoding: 'utf-8' })).rejects.toThrow('Excel export.csv: cannot be read as UTF-8');

    const spreadsheet = { textColumns: ['Answer'], mode: 'row' as const, nameColumn: 'Name' };
    const refused = await h['import.run']({ items: [{ source: { path }, options: { spreadsheet, encoding: 'utf-8' } }] });
    expect(refused.results[0]).toMatchObject({ fileName: 'Excel export.csv', status: 'failed', message: expect.stringMatching(/^cannot be read as UTF-8/) });
    const run = await h['import.run']({ items: [{ source: { path }, options: { spreadsheet, encoding: 'windows-1252' } }] });
    expect(run.results[0]).toMatchObject({ status: 'imported', documents: ['P1'] });
    const doc = (await allDocuments(h)).find((d) => d.name === 'P1')!;
    expect((await h['document.text']({ documentId: doc.id, start: 0, end: 100 })).text).toBe('café — ok');
    await b.shutdown();
  });
});
