import { describe, expect, it } from 'vitest';
import { readArchive } from '../../../electron/services/import/archive';
import { ImportError, importLimits } from '../../../electron/services/import/types';
import { garbage, makeZip, reasonOf, replaceBytes, setClaimedSize, setCompressionMethod, setGeneralPurposeFlag } from './zip-helpers';

const text = new TextDecoder();
const file = (name: string, bytes: Uint8Array) => ({ name, bytes });

describe('readArchive: sound archives', () => {
  it('returns every file entry, inflated, and no directory entries', async () => {
    const bytes = await makeZip([
      { name: 'a.txt', data: 'alpha' },
      { name: 'folder/', data: '' },
      { name: 'folder/b.xml', data: '<b>beta</b>'.repeat(100) },
      { name: 'stored.txt', data: 'kept as is', compress: false },
    ]);
    const entries = await readArchive(file('x.zip', bytes));
    expect([...entries.keys()]).toEqual(['a.txt', 'folder/b.xml', 'stored.txt']);
    expect(text.decode(entries.get('a.txt'))).toBe('alpha');
    expect(text.decode(entries.get('folder/b.xml'))).toBe('<b>beta</b>'.repeat(100));
    expect(text.decode(entries.get('stored.txt'))).toBe('kept as is');
  });

  it('inflates only the wanted entries, yet checks the others from their headers', async () => {
    const bytes = await makeZip([
      { name: 'content.xml', data: '<x/>' },
      { name: 'Pictures/big.png', data: garbage(5000) },
    ]);
    const entries = await readArchive(file('x.odt', bytes), { wanted: (name) => name === 'content.xml' });
    expect([...entries.keys()]).toEqual(['content.xml']);

    const unsafe = replaceBytes(await makeZip([{ name: 'content.xml', data: '<x/>' }, { name: 'xx/xx/evil.txt', data: 'x' }]), 'xx/xx/', '../../');
    expect(await reasonOf(readArchive(file('x.odt', unsafe), { wanted: (name) => name === 'content.xml' }))).toBe(
      'contains a path that leaves the archive (../../evil.txt): refused',
    );
  });

  it('reads an empty archive as no entries', async () => {
    expect((await readArchive(file('empty.zip', await makeZip([])))).size).toBe(0);
  });
});

describe('readArchive: refusals', () => {
  it('names the file in every error', async () => {
    const error = await readArchive(file('Interview 3.docx', garbage(100))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).file).toBe('Interview 3.docx');
    expect((error as ImportError).message).toBe(`Interview 3.docx: ${(error as ImportError).reason}`);
  });

  it('refuses what is not a zip at all', async () => {
    expect(await reasonOf(readArchive(file('x.docx', garbage(100))))).toBe(
      'is not a zip archive, so it cannot be this kind of file (is the extension right?)',
    );
    expect(await reasonOf(readArchive(file('x.docx', new Uint8Array())))).toBe('is empty');
  });

  it('refuses a truncated archive as damaged, with yauzl’s reason', async () => {
    const bytes = await makeZip([{ name: 'a.txt', data: 'some text '.repeat(200) }]);
    expect(await reasonOf(readArchive(file('x.docx', bytes.subarray(0, Math.floor(bytes.length / 2)))))).toBe(
      'is damaged: End of central directory record signature not found. Either not a zip file, or file is truncated.',
    );
  });

  it('refuses entries whose data fails the CRC-32 check', async () => {
    const bytes = await makeZip([{ name: 'a.txt', data: 'Facilitator: hello there', compress: false }]);
    const damaged = replaceBytes(bytes, 'hello there', 'jello there');
    expect(await reasonOf(readArchive(file('x.docx', damaged)))).toBe('is damaged: a.txt fails its checksum');
  });

  it('refuses password-protected (encrypted) entries, with advice for the file’s kind', async () => {
    const encrypted = setGeneralPurposeFlag(await makeZip([{ name: 'word/document.xml', data: '<w:document/>' }]), 0x1);
    expect(await reasonOf(readArchive(file('ID1.docx', encrypted)))).toBe(
      'is password-protected: remove the password in Word (File › Info › Protect Document) and import again',
    );
    expect(await reasonOf(readArchive(file('project.qdpx', encrypted)))).toBe(
      'is password-protected: extract it with the password and import an unprotected copy',
    );
    const strong = setGeneralPurposeFlag(await makeZip([{ name: 'a.xml', data: '<a/>' }]), 0x41);
    expect(await reasonOf(readArchive(file('ID2.odt', strong)))).toMatch(/^is password-protected: save it without a password in LibreOffice/);
  });

  it('refuses paths that leave the archive: ../, absolute, drive letters, ..\\', async () => {
    const traversal = replaceBytes(await makeZip([{ name: 'xx/xx/evil.txt', data: 'x' }]), 'xx/xx/', '../../');
    expect(await reasonOf(readArchive(file('x.docx', traversal)))).toBe('contains a path that leaves the archive (../../evil.txt): refused');

    const absolute = replaceBytes(await makeZip([{ name: 'xetc/passwd', data: 'x' }]), 'xetc/', '/etc/');
    expect(await reasonOf(readArchive(file('x.docx', absolute)))).toBe('contains an absolute path (/etc/passwd): refused');

    const drive = replaceBytes(await makeZip([{ name: 'Cx/Windows/evil.dll', data: 'x' }]), 'Cx/', 'C:/');
    expect(await reasonOf(readArchive(file('x.docx', drive)))).toBe('contains an absolute path (C:/Windows/evil.dll): refused');

    // yauzl turns backslashes into slashes, so ..\ is caught as ../ ...
    const backslashUp = replaceBytes(await makeZip([{ name: 'xx/evil.txt', data: 'x' }]), 'xx/', '..\\');
    expect(await reasonOf(readArchive(file('x.docx', backslashUp)))).toBe('contains a path that leaves the archive (../evil.txt): refused');

    // ... and a harmless backslash (old Windows zip tools) reads as the folder it means.
    const backslash = replaceBytes(await makeZip([{ name: 'word/document.xml', data: 'x' }]), 'word/', 'word\\');
    expect([...(await readArchive(file('x.docx', backslash))).keys()]).toEqual(['word/document.xml']);
  });

  it('refuses symbolic links', async () => {
    const bytes = await makeZip([{ name: 'word/document.xml', data: '/etc/passwd', mode: 0o120777 }]);
    expect(await reasonOf(readArchive(file('x.docx', bytes)))).toBe('contains a symbolic link (word/document.xml): refused');
    // An ordinary file mode is fine.
    const plain = await makeZip([{ name: 'word/document.xml', data: 'x', mode: 0o100644 }]);
    expect((await readArchive(file('x.docx', plain))).size).toBe(1);
  });

  it('refuses duplicate entry names, also when they differ only in case', async () => {
    const exact = await makeZip([
      { name: 'word/document.xml', data: 'first' },
      { name: 'word/document.xml', data: 'second' },
    ]);
    expect(await reasonOf(readArchive(file('x.docx', exact)))).toBe('contains the same entry twice (word/document.xml): refused');
    const cased = await makeZip([
      { name: 'content.xml', data: 'first' },
      { name: 'Content.XML', data: 'second' },
    ]);
    expect(await reasonOf(readArchive(file('x.odt', cased), { wanted: () => false }))).toBe('contains the same entry twice (Content.XML): refused');
  });

  it('refuses a zip bomb by compression ratio before inflating it', async () => {
    const bomb = await makeZip([{ name: 'word/document.xml', data: new Uint8Array(50 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100_000);
    const started = Date.now();
    const reason = await reasonOf(readArchive(file('bomb.docx', bomb)));
    expect(reason).toMatch(/^looks like a zip bomb: an entry would expand (\d+) times \(word\/document\.xml\): refused$/);
    expect(Number(/expand (\d+) times/.exec(reason)?.[1])).toBeGreaterThan(importLimits.maxCompressionRatio);
    expect(Date.now() - started).toBeLessThan(2000);
    // Also when the entry is not wanted: its header alone condemns it.
    expect(await reasonOf(readArchive(file('bomb.docx', bomb), { wanted: () => false }))).toMatch(/^looks like a zip bomb/);
  });

  it('does not take a small, very compressible entry for a bomb', async () => {
    const spaces = ' '.repeat(200_000); // ratio far above 200, but small
    const entries = await readArchive(file('x.docx', await makeZip([{ name: 'styles.xml', data: spaces }])));
    expect(entries.get('styles.xml')?.length).toBe(200_000);
  });

  it('refuses archives that would expand past the total limit', async () => {
    const bytes = await makeZip([
      { name: 'a.txt', data: garbage(600) },
      { name: 'b.txt', data: garbage(600, 7) },
    ]);
    expect(await reasonOf(readArchive(file('x.qdpx', bytes), { limits: { maxArchiveBytes: 1000 } }))).toBe(
      'looks like a zip bomb: it would expand to more than 1000 bytes: refused',
    );
    expect((await readArchive(file('x.qdpx', bytes), { limits: { maxArchiveBytes: 1200 } })).size).toBe(2);
    // Limits can only be tightened.
    expect((await readArchive(file('x.qdpx', bytes), { limits: { maxArchiveBytes: 10 ** 12 } })).size).toBe(2);
  });

  it('never trusts the sizes the headers claim', async () => {
    const bytes = await makeZip([{ name: 'word/document.xml', data: 'x'.repeat(2_000_000) }]);
    const lying = setClaimedSize(bytes, 1000);
    expect(await reasonOf(readArchive(file('x.docx', lying)))).toMatch(/^is damaged: too many bytes in the stream/);
  });

  it('refuses more entries than the limit', async () => {
    const many = await makeZip(Array.from({ length: importLimits.maxArchiveEntries + 1 }, (_, i) => ({ name: `f${i}.txt`, data: '', compress: false })));
    expect(await reasonOf(readArchive(file('many.qdpx', many), { wanted: () => false }))).toBe(
      `has too many entries (${importLimits.maxArchiveEntries + 1}; at most ${importLimits.maxArchiveEntries}): refused`,
    );
  });

  it('refuses compression methods it cannot inflate', async () => {
    const bzip = setCompressionMethod(await makeZip([{ name: 'a.txt', data: 'hello hello hello' }]), 12);
    expect(await reasonOf(readArchive(file('x.docx', bzip)))).toBe(
      'uses a compression method Marginalia cannot read (method 12): save it again with ordinary zip compression',
    );
  });

  it('refuses files over the size limit without reading them', async () => {
    const huge = new Uint8Array(importLimits.maxFileBytes + 1);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await reasonOf(readArchive(file('huge.xlsx', huge)))).toBe('is larger than 100 MB');
  });
});
